// src/background/resample.ts: area-average reduction and bilinear enlargement of pixels and masks, in plain JS.
import type { Mask, RgbImage } from "./types.js";

/** Per target index along one axis: the first source index it covers, how many, and each one's share of it. */
type Taps = { first: Int32Array; count: Int32Array; share: Float32Array; stride: number };

function areaTaps(source: number, target: number): Taps {
	const ratio = source / target;
	const stride = Math.ceil(ratio) + 1;
	const first = new Int32Array(target);
	const count = new Int32Array(target);
	const share = new Float32Array(target * stride);
	for (let t = 0; t < target; t++) {
		const left = t * ratio;
		const right = Math.min(source, left + ratio);
		const start = Math.floor(left);
		const end = Math.min(source, Math.ceil(right));
		first[t] = start;
		count[t] = end - start;
		for (let s = start; s < end; s++)
			share[t * stride + s - start] = (Math.min(right, s + 1) - Math.max(left, s)) / ratio;
	}
	return { first, count, share, stride };
}

/** Each target pixel the area-weighted mean of the source pixels it covers (no aliasing; noise averages out). */
function reduce(
	data: Uint8Array,
	width: number,
	height: number,
	channels: number,
	targetWidth: number,
	targetHeight: number,
): Float32Array {
	const across = areaTaps(width, targetWidth);
	const down = areaTaps(height, targetHeight);
	const { first, count, share, stride } = across;
	const rows = new Float32Array(targetWidth * height * channels);
	for (let y = 0; y < height; y++) {
		const source = y * width * channels;
		const target = y * targetWidth * channels;
		for (let t = 0; t < targetWidth; t++) {
			const start = source + (first[t] as number) * channels;
			const n = count[t] as number;
			const taps = t * stride;
			for (let c = 0; c < channels; c++) {
				let sum = 0;
				for (let k = 0; k < n; k++) sum += (share[taps + k] as number) * (data[start + k * channels + c] as number);
				rows[target + t * channels + c] = sum;
			}
		}
	}
	const out = new Float32Array(targetWidth * targetHeight * channels);
	const line = targetWidth * channels;
	for (let t = 0; t < targetHeight; t++) {
		const start = down.first[t] as number;
		const n = down.count[t] as number;
		const to = t * line;
		for (let k = 0; k < n; k++) {
			const weight = down.share[t * down.stride + k] as number;
			const from = (start + k) * line;
			for (let j = 0; j < line; j++) out[to + j] = (out[to + j] as number) + weight * (rows[from + j] as number);
		}
	}
	return out;
}

/** The photo reduced to `width` × `height` (at most its own size) by area averaging. */
export function reduceRgb(image: RgbImage, width: number, height: number): RgbImage {
	const mean = reduce(image.data, image.width, image.height, 3, width, height);
	const data = new Uint8Array(mean.length);
	for (let i = 0; i < mean.length; i++) data[i] = Math.round(mean[i] as number);
	return { width, height, data };
}

/** A mask reduced to `width` × `height`: kept where at least half the covered area is kept. */
export function reduceMask(mask: Mask, width: number, height: number): Mask {
	const share = reduce(mask.data, mask.width, mask.height, 1, width, height);
	const data = new Uint8Array(share.length);
	for (let i = 0; i < share.length; i++) data[i] = (share[i] as number) >= 0.5 ? 1 : 0;
	return { width, height, data };
}

/** Source position (index and weight of the next one) of each target pixel centre, for bilinear sampling. */
function bilinearTaps(source: number, target: number): { index: Int32Array; weight: Float32Array } {
	const index = new Int32Array(target);
	const weight = new Float32Array(target);
	for (let t = 0; t < target; t++) {
		const at = Math.min(source - 1, Math.max(0, ((t + 0.5) * source) / target - 0.5));
		const i = Math.min(source - 2, Math.floor(at));
		index[t] = Math.max(0, i);
		weight[t] = source === 1 ? 0 : at - Math.max(0, i);
	}
	return { index, weight };
}

/** A mask enlarged to `width` × `height`: bilinear between the source pixels, kept from half (a smooth edge). */
export function enlargeMask(mask: Mask, width: number, height: number): Mask {
	const across = bilinearTaps(mask.width, width);
	const down = bilinearTaps(mask.height, height);
	const { data } = mask;
	const step = mask.width > 1 ? 1 : 0;
	const rowStep = mask.height > 1 ? mask.width : 0;
	const out = new Uint8Array(width * height);
	for (let y = 0; y < height; y++) {
		const top = (down.index[y] as number) * mask.width;
		const wy = down.weight[y] as number;
		for (let x = 0; x < width; x++) {
			const i = top + (across.index[x] as number);
			const wx = across.weight[x] as number;
			const upper = (data[i] as number) * (1 - wx) + (data[i + step] as number) * wx;
			const lower = (data[i + rowStep] as number) * (1 - wx) + (data[i + rowStep + step] as number) * wx;
			out[y * width + x] = upper * (1 - wy) + lower * wy >= 0.5 ? 1 : 0;
		}
	}
	return { width, height, data: out };
}
