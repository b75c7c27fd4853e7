// src/background/classicalMask.ts: the local mask, found on a working copy and its edge decided again at full size.
import { colourMask, colourTestFor, recolour } from "./colourDecision.js";
import { distanceToValue } from "./distance.js";
import { clean } from "./maskOps.js";
import { refineEdge } from "./refineEdge.js";
import { refineWithGrabCut } from "./refineWithGrabCut.js";
import { enlargeMask, reduceRgb } from "./resample.js";
import type { Mask, RgbImage } from "./types.js";

/** The colour model, shadow test and cleaning run on a copy at most this many px on the long edge. */
export const WORKING_EDGE_PX = 1_024;
/** Around the enlarged boundary, pixels within this many working pixels are decided again at full resolution. */
const BAND_WORKING_PX = 2;

export type ClassicalOptions = {
	/** GrabCut on a 512 px copy after the colour decision (classicalSegmenter leaves it out by default). */
	grabCut: boolean;
};

/** Drops specks under 0.05% of the image and fills enclosed holes under 0.1% (a mug's handle stays open). */
function cleaned(mask: Mask): Mask {
	const pixels = mask.width * mask.height;
	return clean(mask, pixels * 0.0005, pixels * 0.001);
}

/** Refuses pixels that do not match their stated size (they come from another thread: nothing is assumed). */
function checkPixels(image: RgbImage): void {
	const { width, height, data } = image;
	if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
		throw new Error(`classical mask: bad size ${width}×${height}`);
	if (data.length !== width * height * 3)
		throw new Error(`classical mask: ${data.length} bytes for ${width}×${height} RGB pixels`);
}

/**
 * The classical mask (1 = product): the border colour model, shadow test and cleaning (and GrabCut when asked) on a
 * copy at most WORKING_EDGE_PX on the long edge, enlarged; then the band around its boundary decided again from the
 * full-size pixels, the edge moved to half coverage, and cleaned. No network, no model weights.
 */
export async function classicalMask(image: RgbImage, options: ClassicalOptions): Promise<Mask> {
	checkPixels(image);
	const { width, height } = image;
	const scale = Math.min(1, WORKING_EDGE_PX / Math.max(width, height));
	const working =
		scale < 1
			? reduceRgb(image, Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)))
			: image;
	const workingTest = colourTestFor(working);
	let mask = cleaned(colourMask(working, workingTest));
	const kept = mask.data.reduce((sum, value) => sum + value, 0);
	// GrabCut needs both a product and a background to model; without one the colour decision stands.
	if (options.grabCut && kept > 0 && kept < mask.data.length) {
		const refined = await refineWithGrabCut(working, mask).catch(() => undefined);
		if (refined) mask = cleaned(refined);
	}
	if (scale === 1) return cleaned(refineEdge(image, mask, workingTest.model));
	const test = colourTestFor(image);
	const enlarged = enlargeMask(mask, width, height);
	const reach = BAND_WORKING_PX / scale;
	const toOutside = distanceToValue(width, height, enlarged.data, 0, reach);
	const toInside = distanceToValue(width, height, enlarged.data, 1, reach);
	const band = new Uint8Array(width * height);
	for (let i = 0; i < band.length; i++)
		band[i] = ((enlarged.data[i] === 1 ? toOutside[i] : toInside[i]) as number) <= reach ? 1 : 0;
	return cleaned(refineEdge(image, recolour(image, test, enlarged, band), test.model));
}
