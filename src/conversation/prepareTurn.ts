// src/conversation/prepareTurn.ts: checks a member's input against the model before any download or model call.
import { UserInputError } from "../errors.js";
import { capabilitiesOf } from "../gemini/models.js";
import { downloadImage, MAX_INPUT_IMAGE_BYTES } from "../images/downloadImage.js";
import { normalizeImage } from "../images/normalizeImage.js";
import type { InputImage, TurnOptions } from "./types.js";

/** Longest prompt accepted; Discord's own slash-option limit is 6,000, a Nitro message 4,000. */
export const MAX_PROMPT_CHARS = 4_000;

/** An attachment as Discord describes it, before download. */
export type AttachmentInfo = { url: string; name: string; size: number };

/** An image an entry point already holds (an HTTP body's base64): checked and normalised like a downloaded attachment. */
export type LoadedImage = { data: Buffer; name: string };

/** Throws the first UserInputError the input has: empty or long prompt, too many or too large images, unsupported options. */
export function checkTurnInput(input: {
	text: string;
	attachments: readonly AttachmentInfo[];
	images?: readonly LoadedImage[] | undefined;
	options: TurnOptions;
	model: string;
}): void {
	const capabilities = capabilitiesOf(input.model);
	const inputs = [
		...input.attachments,
		...(input.images ?? []).map((image) => ({ name: image.name, size: image.data.length })),
	];
	if (!input.text.trim() && inputs.length === 0) throw new UserInputError("promptEmpty", {});
	if (input.text.length > MAX_PROMPT_CHARS) {
		throw new UserInputError("promptTooLong", { max: MAX_PROMPT_CHARS, got: input.text.length });
	}
	if (inputs.length > capabilities.maxInputImages) {
		throw new UserInputError("tooManyImages", { max: capabilities.maxInputImages, got: inputs.length });
	}
	const large = inputs.find((attachment) => attachment.size > MAX_INPUT_IMAGE_BYTES);
	if (large) {
		throw new UserInputError("imageTooLarge", { name: large.name, maxMb: MAX_INPUT_IMAGE_BYTES / 1_024 / 1_024 });
	}
	const { size, aspect } = input.options;
	if (size && !capabilities.imageSizes.includes(size)) {
		throw new UserInputError("sizeUnsupported", { size, model: input.model, sizes: capabilities.imageSizes });
	}
	if (aspect && !capabilities.aspectRatios.includes(aspect)) {
		throw new UserInputError("aspectUnsupported", { aspect, model: input.model });
	}
}

/**
 * Downloads and normalises attachments, and normalises images already loaded, in parallel; returns them in the order
 * given (attachments first), with their names.
 */
export async function loadImages(
	attachments: readonly AttachmentInfo[],
	loaded: readonly LoadedImage[] = [],
): Promise<(InputImage & { name: string })[]> {
	return Promise.all([
		...attachments.map(async (attachment) => ({
			...(await normalizeImage(await downloadImage(attachment.url, attachment.name), attachment.name)),
			name: attachment.name,
		})),
		...loaded.map(async (image) => ({ ...(await normalizeImage(image.data, image.name)), name: image.name })),
	]);
}
