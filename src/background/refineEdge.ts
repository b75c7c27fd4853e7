// src/background/refineEdge.ts: the mask's boundary moved to where a pixel is half product, half background.
import { type BorderModel, predict } from "./borderModel.js";
import { distanceToValue } from "./distance.js";
import type { Mask, RgbImage } from "./types.js";

/** Pixels this close to the boundary are decided by their coverage. */
const EDGE_PX = 2;
/** The product's colour near a pixel: the mean of the interior (at least this far in) within WINDOW_PX. */
const INTERIOR_PX = 2.5;
const WINDOW_PX = 4;

/**
 * For pixels within EDGE_PX of the boundary, the coverage α of I = α·F + (1-α)·B, with F the mean of nearby interior
 * pixels and B the background model; kept where α ≥ ½.
 */
export function refineEdge(image: RgbImage, mask: Mask, model: BorderModel): Mask {
	const { width, height, data: rgb } = image;
	const toOutside = distanceToValue(width, height, mask.data, 0, INTERIOR_PX);
	const toInside = distanceToValue(width, height, mask.data, 1, EDGE_PX);
	const out = new Uint8Array(mask.data);
	const predicted = new Float64Array(3);
	const scratch = new Float64Array(6);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = y * width + x;
			const band = mask.data[i] === 1 ? (toOutside[i] as number) <= EDGE_PX : (toInside[i] as number) <= EDGE_PX;
			if (!band) continue;
			let fr = 0;
			let fg = 0;
			let fb = 0;
			let n = 0;
			for (let yy = Math.max(0, y - WINDOW_PX); yy <= Math.min(height - 1, y + WINDOW_PX); yy++) {
				for (let xx = Math.max(0, x - WINDOW_PX); xx <= Math.min(width - 1, x + WINDOW_PX); xx++) {
					const j = yy * width + xx;
					if ((toOutside[j] as number) < INTERIOR_PX) continue;
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
