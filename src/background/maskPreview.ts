// src/background/maskPreview.ts: what the member sees before confirming a doubtful mask: the replaced area tinted.
import sharp from "sharp";
import type { Mask, RgbImage } from "./types.js";

const TINT = [255, 0, 170] as const;
const PREVIEW_EDGE_PX = 1_024;

/** A JPEG of the photo with the area to be replaced washed in magenta; the kept area shows as it is. */
export async function maskPreview(image: RgbImage, keep: Mask): Promise<Buffer> {
	const data = new Uint8Array(image.data);
	for (let i = 0; i < keep.data.length; i++) {
		if (keep.data[i] === 1) continue;
		for (let c = 0; c < 3; c++)
			data[i * 3 + c] = Math.round(0.4 * (data[i * 3 + c] as number) + 0.6 * (TINT[c] as number));
	}
	return sharp(data, { raw: { width: image.width, height: image.height, channels: 3 } })
		.resize({ width: PREVIEW_EDGE_PX, height: PREVIEW_EDGE_PX, fit: "inside", withoutEnlargement: true })
		.jpeg({ quality: 85 })
		.toBuffer();
}
