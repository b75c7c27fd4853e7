// src/background/loadInput.ts: the photo and mask of a /background job, downloaded within its limits and decoded.
import type { AttachmentInfo } from "../conversation/prepareTurn.js";
import { UserInputError } from "../errors.js";
import { downloadImage } from "../images/downloadImage.js";
import { decodeImage } from "./pixels.js";
import { alphaMask, readUserMask } from "./readMask.js";
import type { Mask, RgbImage } from "./types.js";

/** Imagen's product editing limit for the raw image and the mask, kept: at most 10 MB each. */
export const MAX_BACKGROUND_FILE_BYTES = 10 * 1_024 * 1_024;
/** Pixel bounds of the photo: results are the photo's size, so they must stay postable as lossless PNG and fast to mask. */
export const MIN_EDGE_PX = 64;
export const MAX_EDGE_PX = 4_096;
export const MAX_MEGAPIXELS = 12;

export type BackgroundInput = { image: RgbImage; name: string; userMask?: Mask; alpha?: Mask };

/** Checks sizes before any download: at most 10 MB each (Discord reports the size with the attachment). */
export function checkFileSizes(attachments: readonly AttachmentInfo[]): void {
	const large = attachments.find((attachment) => attachment.size > MAX_BACKGROUND_FILE_BYTES);
	if (large)
		throw new UserInputError("imageTooLarge", { name: large.name, maxMb: MAX_BACKGROUND_FILE_BYTES / 1_024 / 1_024 });
}

/** Flattens a cut-out's colours onto white where it is transparent (what the model sees; opaque pixels stay exact). */
function flatten(image: RgbImage): RgbImage {
	const { alpha } = image;
	if (!alpha) return image;
	const data = new Uint8Array(image.data);
	for (let i = 0; i < alpha.length; i++) {
		const a = (alpha[i] as number) / 255;
		if (a === 1) continue;
		for (let c = i * 3; c < i * 3 + 3; c++) data[c] = Math.round(a * (data[c] as number) + (1 - a) * 255);
	}
	return { width: image.width, height: image.height, data };
}

/** Downloads (10 MB cap while streaming), decodes upright and bounds the photo; reads the mask when one is attached. */
export async function loadBackgroundInput(photo: AttachmentInfo, mask?: AttachmentInfo): Promise<BackgroundInput> {
	checkFileSizes(mask ? [photo, mask] : [photo]);
	const bytes = await downloadImage(photo.url, photo.name, { maxBytes: MAX_BACKGROUND_FILE_BYTES });
	let decoded: RgbImage;
	try {
		decoded = await decodeImage(bytes);
	} catch {
		throw new UserInputError("notAnImage", { name: photo.name });
	}
	const { width, height } = decoded;
	if (
		Math.min(width, height) < MIN_EDGE_PX ||
		Math.max(width, height) > MAX_EDGE_PX ||
		width * height > MAX_MEGAPIXELS * 1e6
	) {
		throw new UserInputError("imagePixels", {
			name: photo.name,
			width,
			height,
			minEdge: MIN_EDGE_PX,
			maxEdge: MAX_EDGE_PX,
			maxMegapixels: MAX_MEGAPIXELS,
		});
	}
	const alpha = alphaMask(decoded);
	const image = flatten(decoded);
	const input: BackgroundInput = {
		image: { width, height, data: image.data },
		name: photo.name,
		...(alpha ? { alpha } : {}),
	};
	if (!mask) return input;
	const maskBytes = await downloadImage(mask.url, mask.name, { maxBytes: MAX_BACKGROUND_FILE_BYTES });
	return { ...input, userMask: await readUserMask(maskBytes, mask.name, decoded) };
}
