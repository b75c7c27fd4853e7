// src/background/classicalSegmenter.ts: the local mask: a border colour model with a shadow test, refined with GrabCut.
import sharp from "sharp";
import { type BorderModel, fitBorderModel, predict } from "./borderModel.js";
import { distanceTo } from "./distance.js";
import { GC, grabCut } from "./grabCut.js";
import { clean } from "./maskOps.js";
import type { Segmenter } from "./segmenter.js";
import type { Mask, RgbImage } from "./types.js";

/** GrabCut runs on a copy at most this many pixels on the long edge: its graph cut is the slow step. */
const GRABCUT_EDGE_PX = 512;
const GRABCUT_ITERATIONS = 4;

/** Per-pixel evidence: how far each pixel is from the background model, and whether it reads as the model's shadow. */
type Evidence = { distance: Float32Array; shadow: Uint8Array; model: BorderModel; threshold: number };

function gatherEvidence(image: RgbImage): Evidence {
	const { width, height, data } = image;
	const strip = Math.max(3, Math.round(0.015 * Math.min(width, height)));
	const model = fitBorderModel(data, width, height, strip);
	const distance = new Float32Array(width * height);
	const shadow = new Uint8Array(width * height);
	const predicted = new Float64Array(3);
	const scratch = new Float64Array(6);
	// Far enough from the border's spread that noise, texture and JPEG ringing stay background.
	const threshold = Math.max(4 * model.sigma, 14);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = y * width + x;
			predict(model, x, y, predicted, scratch);
			const r = data[i * 3] as number;
			const g = data[i * 3 + 1] as number;
			const b = data[i * 3 + 2] as number;
			const pr = predicted[0] as number;
			const pg = predicted[1] as number;
			const pb = predicted[2] as number;
			distance[i] = Math.hypot(r - pr, g - pg, b - pb);
			// A shadow is the background's own colour, darker: I ≈ k·B with k < 1 and a small colour residual.
			const k = (r * pr + g * pg + b * pb) / (pr * pr + pg * pg + pb * pb || 1);
			if (k > 0.3 && k < 1) {
				const residual = Math.hypot(r - k * pr, g - k * pg, b - k * pb);
				if (residual < Math.max(2.5 * model.sigma, 0.045 * k * Math.hypot(pr, pg, pb), 6)) shadow[i] = 1;
			}
		}
	}
	return { distance, shadow, model, threshold };
}

/** The colour decision: far from the background model and not its shadow. */
function colourMask(image: RgbImage, evidence: Evidence): Mask {
	const data = new Uint8Array(image.width * image.height);
	for (let i = 0; i < data.length; i++) {
		data[i] = (evidence.distance[i] as number) > evidence.threshold && evidence.shadow[i] === 0 ? 1 : 0;
	}
	return { width: image.width, height: image.height, data };
}

/**
 * Moves the boundary to where a pixel is half product, half background: for pixels within 2 px of the boundary,
 * the coverage α of I = α·F + (1-α)·B, with F the mean of nearby interior pixels and B the background model.
 */
function refineEdge(image: RgbImage, mask: Mask, model: BorderModel): Mask {
	const { width, height, data: rgb } = image;
	const toOutside = distanceTo(width, height, (i) => mask.data[i] === 0);
	const toInside = distanceTo(width, height, (i) => mask.data[i] === 1);
	const out = new Uint8Array(mask.data);
	const predicted = new Float64Array(3);
	const scratch = new Float64Array(6);
	const radius = 4;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = y * width + x;
			const band = mask.data[i] === 1 ? (toOutside[i] as number) <= 2 : (toInside[i] as number) <= 2;
			if (!band) continue;
			let fr = 0;
			let fg = 0;
			let fb = 0;
			let n = 0;
			for (let dy = -radius; dy <= radius; dy++) {
				const yy = y + dy;
				if (yy < 0 || yy >= height) continue;
				for (let dx = -radius; dx <= radius; dx++) {
					const xx = x + dx;
					if (xx < 0 || xx >= width) continue;
					const j = yy * width + xx;
					if ((toOutside[j] as number) < 2.5) continue;
					fr += rgb[j * 3] as number;
					fg += rgb[j * 3 + 1] as number;
					fb += rgb[j * 3 + 2] as number;
					n++;
				}
			}
			if (n === 0) continue;
			predict(model, x, y, predicted, scratch);
			const br = predicted[0] as number;
			const bg = predicted[1] as number;
			const bb = predicted[2] as number;
			const dr = fr / n - br;
			const dg = fg / n - bg;
			const db = fb / n - bb;
			const span = dr * dr + dg * dg + db * db;
			// Product and background too alike here to tell coverage: keep the colour decision.
			if (span < 400) continue;
			const alpha =
				(((rgb[i * 3] as number) - br) * dr +
					((rgb[i * 3 + 1] as number) - bg) * dg +
					((rgb[i * 3 + 2] as number) - bb) * db) /
				span;
			out[i] = alpha >= 0.5 ? 1 : 0;
		}
	}
	return { width, height, data: out };
}

/**
 * GrabCut on a reduced copy, started from the colour decision (border: background; colour decision: probable product,
 * its deep interior: product; the rest probable background). Its answer replaces the colour decision away from the
 * boundary, where the colour decision is noisy (texture, a product colour close to the background's).
 */
async function refineWithGrabCut(image: RgbImage, mask: Mask): Promise<Mask> {
	const { width, height } = image;
	const scale = Math.min(1, GRABCUT_EDGE_PX / Math.max(width, height));
	const w = Math.max(8, Math.round(width * scale));
	const h = Math.max(8, Math.round(height * scale));
	const small = await sharp(image.data, { raw: { width, height, channels: 3 } })
		.resize(w, h, { fit: "fill", kernel: "cubic" })
		.raw()
		.toBuffer();
	const smallMask = await sharp(Buffer.from(mask.data.map((value) => value * 255)), {
		raw: { width, height, channels: 1 },
	})
		.resize(w, h, { fit: "fill", kernel: "linear" })
		.extractChannel(0)
		.raw()
		.toBuffer();
	const inside = distanceTo(w, h, (i) => (smallMask[i] as number) < 128);
	const labels = new Uint8Array(w * h);
	const strip = Math.max(1, Math.round(0.01 * Math.min(w, h)));
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const i = y * w + x;
			const onBorder = x < strip || y < strip || x >= w - strip || y >= h - strip;
			if ((smallMask[i] as number) >= 128)
				labels[i] = (inside[i] as number) > 6 ? GC.foreground : GC.probableForeground;
			else labels[i] = onBorder ? GC.background : GC.probableBackground;
		}
	}
	const settled = await grabCut(new Uint8Array(small), w, h, labels, GRABCUT_ITERATIONS);
	const cut = Buffer.from(
		settled.map((label) => (label === GC.foreground || label === GC.probableForeground ? 255 : 0)),
	);
	const big = await sharp(cut, { raw: { width: w, height: h, channels: 1 } })
		.resize(width, height, { fit: "fill", kernel: "linear" })
		.extractChannel(0)
		.raw()
		.toBuffer();
	const coarse = Uint8Array.from(big, (value) => (value >= 128 ? 1 : 0));
	// Near GrabCut's boundary (within one reduced pixel) the full-resolution colour decision is the sharper one.
	const near = Math.ceil(1.5 / scale);
	const toOutside = distanceTo(width, height, (i) => coarse[i] === 0);
	const toInside = distanceTo(width, height, (i) => coarse[i] === 1);
	const data = new Uint8Array(width * height);
	for (let i = 0; i < data.length; i++) {
		const distance = coarse[i] === 1 ? (toOutside[i] as number) : (toInside[i] as number);
		data[i] = distance <= near ? (mask.data[i] as number) : (coarse[i] as number);
	}
	return { width, height, data };
}

export type ClassicalOptions = { grabCut: boolean };

/** The classical segmenter: no network, no model weights; GrabCut optional (see the bench for what it costs). */
export function classicalSegmenter(options: ClassicalOptions = { grabCut: true }): Segmenter {
	return {
		source: "classical",
		handles: (target) => target === "subject",
		async segment(image) {
			const pixels = image.width * image.height;
			const evidence = gatherEvidence(image);
			let mask = clean(colourMask(image, evidence), pixels * 0.0005, pixels * 0.001);
			const kept = mask.data.reduce((sum, value) => sum + value, 0);
			// GrabCut needs both a product and a background to model; without one the colour decision stands.
			if (options.grabCut && kept > 0 && kept < pixels) {
				const refined = await refineWithGrabCut(image, mask).catch(() => undefined);
				if (refined) mask = clean(refined, pixels * 0.0005, pixels * 0.001);
			}
			return clean(refineEdge(image, mask, evidence.model), pixels * 0.0005, pixels * 0.001);
		},
	};
}
