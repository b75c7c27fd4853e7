// src/background/composite.ts: the original's pixels over the model's answer through the mask, and the proof they are exact.
import { distanceToValue } from "./distance.js";
import type { Mask, RgbImage } from "./types.js";

/** Width of the soft edge, in px: the product's outermost ring comes from the model, the next FEATHER_PX blend. */
export const FEATHER_PX = 2;

/**
 * Per-pixel weight of the original: 0 in the replaced area and on the kept area's outermost pixel ring (which in the
 * photo mixes in the old background: the model's redraw of it over the new scene is closer to the truth), then
 * rising by 1 / FEATHER_PX per px, and exactly 1 from FEATHER_PX + 1 px inside (the product's interior is opaque).
 */
export function featherAlpha(mask: Mask, feather = FEATHER_PX): Float32Array {
	// Depths beyond the feather all weigh 1: the transform need not look farther.
	const toReplaced = distanceToValue(mask.width, mask.height, mask.data, 0, feather + 1);
	const alpha = new Float32Array(mask.data.length);
	for (let i = 0; i < alpha.length; i++) {
		if (mask.data[i] === 0) continue;
		const depth = (toReplaced[i] as number) - 1;
		alpha[i] = depth >= feather ? 1 : Math.max(0, depth / feather);
	}
	return alpha;
}

/** original·α + generated·(1-α); where α is 1 the original's bytes are copied, never recomputed. */
export function composite(original: RgbImage, generated: RgbImage, alpha: Float32Array): RgbImage {
	const data = new Uint8Array(original.data.length);
	for (let i = 0; i < alpha.length; i++) {
		const a = alpha[i] as number;
		for (let c = i * 3; c < i * 3 + 3; c++) {
			data[c] =
				a === 1
					? (original.data[c] as number)
					: a === 0
						? (generated.data[c] as number)
						: Math.round(a * (original.data[c] as number) + (1 - a) * (generated.data[c] as number));
		}
	}
	return { width: original.width, height: original.height, data };
}

export type Verification = { checked: number; mismatched: number };

/** Counts the fully opaque pixels (α = 1) whose bytes differ between `posted` (decoded back) and the original. */
export function verifyProduct(posted: RgbImage, original: RgbImage, alpha: Float32Array): Verification {
	let checked = 0;
	let mismatched = 0;
	if (posted.width !== original.width || posted.height !== original.height)
		return { checked: 0, mismatched: alpha.length };
	for (let i = 0; i < alpha.length; i++) {
		if (alpha[i] !== 1) continue;
		checked++;
		const c = i * 3;
		if (
			posted.data[c] !== original.data[c] ||
			posted.data[c + 1] !== original.data[c + 1] ||
			posted.data[c + 2] !== original.data[c + 2]
		) {
			mismatched++;
		}
	}
	return { checked, mismatched };
}
