// src/images/normalizeImage.ts: checks bytes are an image by content and turns them into what Gemini takes.
import sharp, { type Metadata } from "sharp";
import type { InputImage } from "../conversation/types.js";
import { UserInputError } from "../errors.js";

/**
 * Longest edge sent to Gemini. Gemini 3 image models bill an input image at a flat ~1,120 tokens and downsample
 * larger ones themselves, so more pixels buy nothing; 2048 px keeps detail for 2K edits while a JPEG stays near
 * 1 MB, so 14 inputs plus history stay far below the 50 MB request bound and Vertex's 7 MB per inline image.
 */
export const MAX_INPUT_EDGE_PX = 2_048;

/** Decoded pixels allowed before sharp refuses (a decompression bomb guard): 100 megapixels. */
export const MAX_INPUT_PIXELS = 100_000_000;

const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "heif", "avif", "tiff"]);

/** Validates by content, auto-orients, strips metadata, keeps the first frame of animations and bounds the size. */
export async function normalizeImage(data: Buffer, name: string, maxEdge = MAX_INPUT_EDGE_PX): Promise<InputImage> {
	let metadata: Metadata;
	try {
		metadata = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
	} catch {
		throw new UserInputError("notAnImage", { name });
	}
	if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) throw new UserInputError("notAnImage", { name });
	try {
		const pipeline = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", pages: 1 })
			.rotate()
			.resize({ width: maxEdge, height: maxEdge, fit: "inside", withoutEnlargement: true });
		// PNG keeps transparency; everything else becomes a high-quality JPEG, far smaller for photos.
		const encoded = metadata.hasAlpha ? pipeline.png({ compressionLevel: 6 }) : pipeline.jpeg({ quality: 90 });
		const { data: output, info } = await encoded.toBuffer({ resolveWithObject: true });
		return {
			data: output,
			mimeType: metadata.hasAlpha ? "image/png" : "image/jpeg",
			width: info.width,
			height: info.height,
			firstFrameOnly: (metadata.pages ?? 1) > 1,
		};
	} catch {
		throw new UserInputError("imageUnreadable", { name });
	}
}
