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

/** Throws the first UserInputError the input has: empty or long prompt, too many or too large images, unsupported options. */
export function checkTurnInput(input: {
	text: string;
	attachments: readonly AttachmentInfo[];
	options: TurnOptions;
	model: string;
}): void {
	const capabilities = capabilitiesOf(input.model);
	if (!input.text.trim() && input.attachments.length === 0) throw new UserInputError("promptEmpty", {});
	if (input.text.length > MAX_PROMPT_CHARS) {
		throw new UserInputError("promptTooLong", { max: MAX_PROMPT_CHARS, got: input.text.length });
	}
	if (input.attachments.length > capabilities.maxInputImages) {
		throw new UserInputError("tooManyImages", { max: capabilities.maxInputImages, got: input.attachments.length });
	}
	const large = input.attachments.find((attachment) => attachment.size > MAX_INPUT_IMAGE_BYTES);
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

/** Downloads and normalises attachments in parallel; returns them in the order given, with their names. */
export async function loadImages(attachments: readonly AttachmentInfo[]): Promise<(InputImage & { name: string })[]> {
	return Promise.all(
		attachments.map(async (attachment) => ({
			...(await normalizeImage(await downloadImage(attachment.url, attachment.name), attachment.name)),
			name: attachment.name,
		})),
	);
}
