// src/background/pixels.ts: decoding to raw pixels (upright, as the member sees the photo) and encoding back to PNG.
import sharp from "sharp";
import type { Mask, RgbImage } from "./types.js";

/** Decoded pixels allowed before sharp refuses (a decompression bomb guard), as for every input image. */
const LIMIT_INPUT_PIXELS = 100_000_000;

/** Decodes the first frame, turned upright by its EXIF orientation; keeps an alpha channel when the file has one. */
export async function decodeImage(data: Buffer): Promise<RgbImage> {
	const image = sharp(data, { limitInputPixels: LIMIT_INPUT_PIXELS, failOn: "error", pages: 1 }).rotate();
	const { hasAlpha } = await image.metadata();
	if (!hasAlpha) {
		const { data: rgb, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
		return { width: info.width, height: info.height, data: new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length) };
	}
	const { data: rgba, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const pixels = info.width * info.height;
	const rgb = new Uint8Array(pixels * 3);
	const alpha = new Uint8Array(pixels);
	for (let i = 0; i < pixels; i++) {
		rgb[i * 3] = rgba[i * 4] as number;
		rgb[i * 3 + 1] = rgba[i * 4 + 1] as number;
		rgb[i * 3 + 2] = rgba[i * 4 + 2] as number;
		alpha[i] = rgba[i * 4 + 3] as number;
	}
	return { width: info.width, height: info.height, data: rgb, alpha };
}

const rawOf = (image: { width: number; height: number }, channels: 1 | 3) => ({
	raw: { width: image.width, height: image.height, channels },
});

/** Lossless PNG of RGB pixels (what the bot posts: the product's pixels must survive encoding). */
export function encodePng(image: RgbImage): Promise<Buffer> {
	return sharp(image.data, rawOf(image, 3)).png({ compressionLevel: 6 }).toBuffer();
}

/** JPEG of RGB pixels, at most `maxEdge` px on the long edge: what goes to Gemini (it redraws everything anyway). */
export function encodeForModel(image: RgbImage, maxEdge = 2_048): Promise<Buffer> {
	return sharp(image.data, rawOf(image, 3))
		.resize({ width: maxEdge, height: maxEdge, fit: "inside", withoutEnlargement: true })
		.jpeg({ quality: 92 })
		.toBuffer();
}

/** A mask as a black-and-white PNG (white = kept), for the preview and the store. */
export function encodeMaskPng(mask: Mask): Promise<Buffer> {
	return sharp(Buffer.from(mask.data.map((value) => value * 255)), rawOf(mask, 1))
		.png()
		.toBuffer();
}

/** Resizes RGB pixels to exactly `width` × `height`. */
export async function resizeRgb(image: RgbImage, width: number, height: number): Promise<RgbImage> {
	if (image.width === width && image.height === height) return image;
	const data = await sharp(image.data, rawOf(image, 3))
		.resize(width, height, { fit: "fill", kernel: "lanczos3" })
		.raw()
		.toBuffer();
	return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Resizes a mask to `width` × `height`, thresholding the interpolated values at half. */
export async function resizeMask(mask: Mask, width: number, height: number): Promise<Mask> {
	if (mask.width === width && mask.height === height) return mask;
	const data = await sharp(Buffer.from(mask.data.map((value) => value * 255)), rawOf(mask, 1))
		.resize(width, height, { fit: "fill", kernel: "linear" })
		.extractChannel(0)
		.raw()
		.toBuffer();
	return { width, height, data: Uint8Array.from(data, (value) => (value >= 128 ? 1 : 0)) };
}
