// src/images/fitForUpload.ts: re-encodes an output image until it fits Discord's per-file upload limit.
import sharp from "sharp";

/** Discord's default per-file upload limit for bots. @see https://discord.com/developers/docs/reference#uploading-files */
export const MAX_UPLOAD_BYTES = 10 * 1_024 * 1_024;

export type UploadImage = { data: Buffer; mimeType: string; extension: string; reencoded: boolean };

const EXTENSIONS: Record<string, string> = {
	"image/png": "png",
	"image/jpeg": "jpg",
	"image/webp": "webp",
	"image/gif": "gif",
};

/** Returns the image unchanged when it fits, else JPEG at falling quality, then smaller, until it does. */
export async function fitForUpload(data: Buffer, mimeType: string, maxBytes = MAX_UPLOAD_BYTES): Promise<UploadImage> {
	if (data.length <= maxBytes) return { data, mimeType, extension: EXTENSIONS[mimeType] ?? "png", reencoded: false };
	const { width = 4_096 } = await sharp(data).metadata();
	for (let scale = 1; scale > 0.05; scale *= 0.75) {
		for (const quality of [90, 80, 70]) {
			const output = await sharp(data)
				.resize({ width: Math.max(1, Math.round(width * scale)) })
				.flatten({ background: "#ffffff" })
				.jpeg({ quality })
				.toBuffer();
			if (output.length <= maxBytes) return { data: output, mimeType: "image/jpeg", extension: "jpg", reencoded: true };
		}
	}
	throw new Error("image cannot be made small enough to upload");
}
