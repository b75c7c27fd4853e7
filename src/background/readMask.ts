// src/background/readMask.ts: the kept area from the member's black-and-white mask, or from the photo's transparency.
import sharp, { type OutputInfo } from "sharp";
import { UserInputError } from "../errors.js";
import { resizeMask } from "./pixels.js";
import type { Mask, RgbImage } from "./types.js";

/** How far the mask's aspect ratio may be from the photo's (a 1000×750 mask for a 4000×3000 photo fits). */
const ASPECT_TOLERANCE = 0.01;

/**
 * Decodes the member's mask (white = keep, black = replace), reduces it to one channel thresholded at half, checks
 * that it has the photo's aspect ratio and resizes it to the photo's size.
 */
export async function readUserMask(
	data: Buffer,
	name: string,
	image: { width: number; height: number },
): Promise<Mask> {
	let grey: { data: Buffer; info: OutputInfo };
	try {
		grey = await sharp(data, { limitInputPixels: 100_000_000, failOn: "error", pages: 1 })
			.rotate()
			.flatten({ background: "#000000" })
			.greyscale()
			.raw()
			.toBuffer({ resolveWithObject: true });
	} catch {
		throw new UserInputError("notAnImage", { name });
	}
	const { width, height, channels } = grey.info;
	const ratio = width / height / (image.width / image.height);
	if (Math.abs(ratio - 1) > ASPECT_TOLERANCE) {
		throw new UserInputError("maskAspect", {
			imageWidth: image.width,
			imageHeight: image.height,
			maskWidth: width,
			maskHeight: height,
		});
	}
	const bits = new Uint8Array(width * height);
	for (let i = 0; i < bits.length; i++) bits[i] = (grey.data[i * channels] as number) >= 128 ? 1 : 0;
	const mask = await resizeMask({ width, height, data: bits }, image.width, image.height);
	const kept = mask.data.reduce((sum, value) => sum + value, 0);
	if (kept === 0 || kept === mask.data.length) throw new UserInputError("maskUniform", { keepsAll: kept > 0 });
	return mask;
}

/** The kept area of a cut-out (a PNG with transparency): opaque-enough pixels; undefined when nothing is transparent. */
export function alphaMask(image: RgbImage): Mask | undefined {
	const { alpha } = image;
	if (!alpha) return undefined;
	let transparent = 0;
	for (const value of alpha) if (value < 128) transparent++;
	// A few transparent pixels (an anti-aliased corner) do not make a cut-out.
	if (transparent < alpha.length * 0.01 || transparent === alpha.length) return undefined;
	return { width: image.width, height: image.height, data: alpha.map((value) => (value >= 128 ? 1 : 0)) };
}
