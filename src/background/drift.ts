// src/background/drift.ts: did the model keep the product where it was? The kept region found again in its answer.
import { labInto } from "./colour.js";
import { shrink } from "./maskOps.js";
import type { Mask, RgbImage } from "./types.js";

/** Results whose kept region the model moved or reshaped below this IoU are retried once, then reported failed. */
export const MIN_DRIFT_IOU = 0.98;
/** ΔE76 (after a 3×3 average) under which the answer still shows the original there; room for relighting. */
const SAME_COLOUR_DELTA_E = 20;
/** The kept area's rim mixes in the old background, which is meant to change: it is left out of the comparison. */
const RIM_PX = 2;

/** The 3×3 average (rounded, clipped at the frame) of pixel (x, y), as L*a*b* into `out`. */
function averagedLab(rgb: Uint8Array, width: number, height: number, x: number, y: number, out: Float64Array): void {
	let r = 0;
	let g = 0;
	let b = 0;
	let n = 0;
	for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
		for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
			const j = (yy * width + xx) * 3;
			r += rgb[j] as number;
			g += rgb[j + 1] as number;
			b += rgb[j + 2] as number;
			n++;
		}
	}
	labInto(Math.round(r / n), Math.round(g / n), Math.round(b / n), out, 0);
}

/**
 * The IoU between the kept area's interior and the part of it where the model's answer still shows the original
 * (ΔE under SAME_COLOUR_DELTA_E): 1 when the product stayed put, lower the more it moved, shrank or was redrawn.
 * Only the interior's pixels are averaged and converted (the rest cannot count).
 */
export function driftIou(original: RgbImage, generated: RgbImage, mask: Mask): number {
	const { width, height } = original;
	if (generated.width !== width || generated.height !== height || mask.width !== width || mask.height !== height)
		throw new Error("drift needs the photo, the answer and the mask at one size");
	const interior = shrink(mask, RIM_PX);
	const a = new Float64Array(3);
	const b = new Float64Array(3);
	let kept = 0;
	let found = 0;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			if (interior.data[y * width + x] === 0) continue;
			kept++;
			averagedLab(original.data, width, height, x, y, a);
			averagedLab(generated.data, width, height, x, y, b);
			const dl = (a[0] as number) - (b[0] as number);
			const da = (a[1] as number) - (b[1] as number);
			const db = (a[2] as number) - (b[2] as number);
			if (dl * dl + da * da + db * db < SAME_COLOUR_DELTA_E * SAME_COLOUR_DELTA_E) found++;
		}
	}
	// The found region lies inside the interior, so their IoU is the share found.
	return kept === 0 ? 1 : found / kept;
}
