// src/background/colourDecision.ts: the per-pixel colour test: far from the border's colour model and not its shadow.
import { type BorderModel, fitBorderModel, predict } from "./borderModel.js";
import type { Mask, RgbImage } from "./types.js";

/** A photo's background model and the distance from it beyond which a pixel reads as product. */
export type ColourTest = { model: BorderModel; threshold: number };

/** Fits the border model of `image` (a strip 1.5% of its short edge) and sets the threshold from its spread. */
export function colourTestFor(image: RgbImage): ColourTest {
	const { width, height, data } = image;
	const strip = Math.max(3, Math.round(0.015 * Math.min(width, height)));
	const model = fitBorderModel(data, width, height, strip);
	// Far enough from the border's spread that noise, texture and JPEG ringing stay background.
	return { model, threshold: Math.max(4 * model.sigma, 14) };
}

type Scratch = { predicted: Float64Array; terms: Float64Array };
const newScratch = (): Scratch => ({ predicted: new Float64Array(3), terms: new Float64Array(6) });

/** 1 when pixel (x, y) is far from the model's colour there and is not the model's own colour darkened (a shadow). */
function productAt(test: ColourTest, rgb: Uint8Array, x: number, y: number, width: number, scratch: Scratch): 0 | 1 {
	const i = (y * width + x) * 3;
	predict(test.model, x, y, scratch.predicted, scratch.terms);
	const r = rgb[i] as number;
	const g = rgb[i + 1] as number;
	const b = rgb[i + 2] as number;
	const pr = scratch.predicted[0] as number;
	const pg = scratch.predicted[1] as number;
	const pb = scratch.predicted[2] as number;
	const squared = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
	if (squared <= test.threshold * test.threshold) return 0;
	// A shadow is the background's own colour, darker: I ≈ k·B with k < 1 and a small colour residual.
	const background = pr * pr + pg * pg + pb * pb;
	const k = (r * pr + g * pg + b * pb) / (background || 1);
	if (k <= 0.3 || k >= 1) return 1;
	const residual = Math.sqrt((r - k * pr) ** 2 + (g - k * pg) ** 2 + (b - k * pb) ** 2);
	return residual < Math.max(2.5 * test.model.sigma, 0.045 * k * Math.sqrt(background), 6) ? 0 : 1;
}

/** The colour decision over the whole image (1 = product). */
export function colourMask(image: RgbImage, test: ColourTest): Mask {
	const { width, height, data } = image;
	const out = new Uint8Array(width * height);
	const scratch = newScratch();
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) out[y * width + x] = productAt(test, data, x, y, width, scratch);
	return { width, height, data: out };
}

/** `mask` with the colour decision redone at the pixels where `band` is 1, and left as it is elsewhere. */
export function recolour(image: RgbImage, test: ColourTest, mask: Mask, band: Uint8Array): Mask {
	const { width, height, data } = image;
	const out = new Uint8Array(mask.data);
	const scratch = newScratch();
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = y * width + x;
			if (band[i] === 1) out[i] = productAt(test, data, x, y, width, scratch);
		}
	}
	return { width, height, data: out };
}
