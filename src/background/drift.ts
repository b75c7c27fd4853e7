// src/background/drift.ts: did the model keep the product where it was? The kept region found again in its answer.
import { toLab } from "./colour.js";
import { shrink } from "./maskOps.js";
import type { Mask, RgbImage } from "./types.js";

/** Results whose kept region the model moved or reshaped below this IoU are retried once, then reported failed. */
export const MIN_DRIFT_IOU = 0.98;
/** ΔE76 (after a 3×3 average) under which the answer still shows the original there; room for relighting. */
const SAME_COLOUR_DELTA_E = 20;
/** The kept area's rim mixes in the old background, which is meant to change: it is left out of the comparison. */
const RIM_PX = 2;

function boxAverage(rgb: Uint8Array, width: number, height: number): Uint8Array {
	const out = new Uint8Array(rgb.length);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			for (let c = 0; c < 3; c++) {
				let sum = 0;
				let n = 0;
				for (let dy = -1; dy <= 1; dy++) {
					const yy = y + dy;
					if (yy < 0 || yy >= height) continue;
					for (let dx = -1; dx <= 1; dx++) {
						const xx = x + dx;
						if (xx < 0 || xx >= width) continue;
						sum += rgb[(yy * width + xx) * 3 + c] as number;
						n++;
					}
				}
				out[(y * width + x) * 3 + c] = Math.round(sum / n);
			}
		}
	}
	return out;
}

/**
 * The IoU between the kept area's interior and the part of it where the model's answer still shows the original
 * (ΔE under SAME_COLOUR_DELTA_E): 1 when the product stayed put, lower the more it moved, shrank or was redrawn.
 */
export function driftIou(original: RgbImage, generated: RgbImage, mask: Mask): number {
	const interior = shrink(mask, RIM_PX);
	const a = toLab(boxAverage(original.data, original.width, original.height));
	const b = toLab(boxAverage(generated.data, generated.width, generated.height));
	let kept = 0;
	let found = 0;
	for (let i = 0; i < interior.data.length; i++) {
		if (interior.data[i] === 0) continue;
		kept++;
		const distance = Math.hypot(
			(a[i * 3] as number) - (b[i * 3] as number),
			(a[i * 3 + 1] as number) - (b[i * 3 + 1] as number),
			(a[i * 3 + 2] as number) - (b[i * 3 + 2] as number),
		);
		if (distance < SAME_COLOUR_DELTA_E) found++;
	}
	// The found region lies inside the interior, so their IoU is the share found.
	return kept === 0 ? 1 : found / kept;
}
