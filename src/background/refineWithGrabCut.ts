// src/background/refineWithGrabCut.ts: GrabCut on a reduced copy, seeded by the colour decision (optional: see the bench).
import { distanceToValue } from "./distance.js";
import { GC, grabCut } from "./grabCut.js";
import { enlargeMask, reduceMask, reduceRgb } from "./resample.js";
import type { Mask, RgbImage } from "./types.js";

/** GrabCut runs on a copy at most this many pixels on the long edge: its graph cut is the slow step. */
const GRABCUT_EDGE_PX = 512;
const GRABCUT_ITERATIONS = 4;
/** Seeds this far inside the colour decision are certain product. */
const CERTAIN_PX = 6;

/**
 * GrabCut started from the colour decision (border: background; colour decision: probable product, its deep interior:
 * product; the rest probable background). Its answer replaces the colour decision away from the boundary, where the
 * colour decision is noisy (texture, a product colour close to the background's).
 */
export async function refineWithGrabCut(image: RgbImage, mask: Mask): Promise<Mask> {
	const { width, height } = image;
	const scale = Math.min(1, GRABCUT_EDGE_PX / Math.max(width, height));
	const w = Math.max(8, Math.round(width * scale));
	const h = Math.max(8, Math.round(height * scale));
	const small = scale < 1 ? reduceRgb(image, w, h) : image;
	const seed = scale < 1 ? reduceMask(mask, w, h) : mask;
	const inside = distanceToValue(w, h, seed.data, 0, CERTAIN_PX + 1);
	const labels = new Uint8Array(w * h);
	const strip = Math.max(1, Math.round(0.01 * Math.min(w, h)));
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const i = y * w + x;
			const onBorder = x < strip || y < strip || x >= w - strip || y >= h - strip;
			if (seed.data[i] === 1) labels[i] = (inside[i] as number) > CERTAIN_PX ? GC.foreground : GC.probableForeground;
			else labels[i] = onBorder ? GC.background : GC.probableBackground;
		}
	}
	const settled = await grabCut(small.data, w, h, labels, GRABCUT_ITERATIONS);
	const cut: Mask = {
		width: w,
		height: h,
		data: settled.map((label) => (label === GC.foreground || label === GC.probableForeground ? 1 : 0)),
	};
	const coarse = scale < 1 ? enlargeMask(cut, width, height) : cut;
	// Near GrabCut's boundary (within one reduced pixel) the colour decision is the sharper one.
	const near = Math.ceil(1.5 / scale);
	const toOutside = distanceToValue(width, height, coarse.data, 0, near);
	const toInside = distanceToValue(width, height, coarse.data, 1, near);
	const data = new Uint8Array(width * height);
	for (let i = 0; i < data.length; i++) {
		const distance = coarse.data[i] === 1 ? (toOutside[i] as number) : (toInside[i] as number);
		data[i] = distance <= near ? (mask.data[i] as number) : (coarse.data[i] as number);
	}
	return { width, height, data };
}
