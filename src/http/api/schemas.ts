// src/http/api/schemas.ts: the API's bodies and answers as zod schemas; the same schemas validate and document (OpenAPI).
import { z } from "zod";
import { MAX_PROMPT_CHARS } from "../../conversation/prepareTurn.js";
import type { ModelCapabilities } from "../../gemini/models.js";
import { SAFETY_CATEGORIES } from "../../gemini/types.js";

/** Image types an input may declare; the bytes are checked by their content whatever the declaration says. */
export const INPUT_MIME_TYPES = [
	"image/png",
	"image/jpeg",
	"image/webp",
	"image/gif",
	"image/heic",
	"image/heif",
	"image/avif",
	"image/tiff",
] as const;

/** A conversation id the API hands out: 32 hex digits (Discord ids are decimal, so they never collide). */
export const CONVERSATION_ID = /^[0-9a-f]{32}$/;

const inputImage = z.strictObject({
	mimeType: z.enum(INPUT_MIME_TYPES).describe("The image's type; its bytes are checked by their content."),
	data: z.base64().describe("The image file, base64 (at most 20 MiB decoded)."),
});

/**
 * The body of POST /v1/images and POST /v1/conversations/{id}/turns, with the aspect ratios and sizes of `model` (the
 * operator's GEMINI_MODEL), so the schema names exactly what the model takes.
 */
export function imageRequestSchema(model: ModelCapabilities) {
	const size =
		model.imageSizes.length > 0
			? z
					.enum(model.imageSizes as [string, ...string[]])
					.describe("imageConfig.imageSize: the output's resolution.")
					.optional()
			: z.never().describe("This model takes no size.").optional();
	return z.strictObject({
		prompt: z.string().max(MAX_PROMPT_CHARS).describe("What to make or change; may be empty when images are sent."),
		aspectRatio: z
			.enum(model.aspectRatios as [string, ...string[]])
			.describe("imageConfig.aspectRatio; square by default, or the input image's.")
			.optional(),
		size,
		imageOnly: z
			.boolean()
			.describe("true: ask for an image only (responseModalities IMAGE); default false, image and text.")
			.optional(),
		images: z
			.array(inputImage)
			.max(model.maxInputImages)
			.describe("Input images, in order, normalised like Discord attachments.")
			.optional(),
	});
}
export type ImageRequest = z.infer<ReturnType<typeof imageRequestSchema>>;

/** The body of POST /generate-image: the production guide's, where only a missing prompt is an error of its own. */
export function generateImageSchema(model: ModelCapabilities) {
	return z.looseObject({
		prompt: z.string().min(1).max(MAX_PROMPT_CHARS).describe("What to make (required)."),
		// The guide passes a falsy aspectRatio (absent, null, "") as none.
		aspectRatio: z
			.union([z.enum(model.aspectRatios as [string, ...string[]]), z.literal(""), z.null()])
			.describe("imageConfig.aspectRatio, e.g. 16:9; empty or null for none.")
			.optional(),
		imageOnly: z
			.boolean()
			.nullable()
			.describe("Ask for an image only; default true, as in the guide (null, like Python's None, is false).")
			.optional(),
	});
}
export type GenerateImageRequest = z.infer<ReturnType<typeof generateImageSchema>>;

const outputImage = z.object({
	mimeType: z.string().describe("image/png, or the type Gemini sent."),
	data: z.base64().describe("The image file, base64."),
});

/** POST /v1/images (and turns) with Accept: application/json, or when the answer has several images. */
export const imageResultSchema = z.object({
	id: z
		.string()
		.regex(CONVERSATION_ID)
		.describe("The conversation; continue it with POST /v1/conversations/{id}/turns."),
	turn: z.int().describe("The number of this turn in the conversation."),
	images: z.array(outputImage).describe("Every image, in the order the model made them."),
	text: z.array(z.string()).describe("The model's text passages, in order."),
	parts: z
		.array(
			z.discriminatedUnion("kind", [
				z.object({ kind: z.literal("text"), text: z.string() }),
				z.object({ kind: z.literal("image"), mimeType: z.string(), data: z.base64() }),
			]),
		)
		.describe("Text and images interleaved, exactly in the model's order."),
});
export type ImageResult = z.infer<typeof imageResultSchema>;

/** Every error of the /v1 routes; `error` is a stable code, `message` says what happened and what to do. */
export const errorSchema = z.looseObject({
	error: z.string().describe("A stable code such as prompt_empty, unauthorized, rate_limited, gemini_unavailable."),
	message: z.string().describe("What happened and what to do, in English."),
	details: z.record(z.string(), z.unknown()).describe("The numbers behind the error (limits, counts).").optional(),
	ref: z.string().describe("Logged with the error, for the operator.").optional(),
});

/** 422 when a safety filter blocked the prompt or withheld the image. */
export const blockedSchema = z.object({
	error: z.literal("blocked"),
	message: z.string(),
	stage: z.enum(["prompt", "output"]).describe("prompt: the prompt was refused; output: the image was withheld."),
	reason: z.string().describe("Gemini's blockReason or finishReason (e.g. PROHIBITED_CONTENT, IMAGE_SAFETY)."),
	category: z.enum(SAFETY_CATEGORIES).nullable().describe("The decoded category, when Gemini's codes name one."),
	categoryLabel: z.string().nullable().describe("The category as the Discord bot names it."),
	codes: z.array(z.string()).describe("Gemini's support codes from finishMessage."),
	hint: z.string().describe("What to change in the request."),
});

/** 422 when the model answered without an image (the guide's shape, with a message). */
export const noImageSchema = z.object({
	error: z.literal("no_image_returned"),
	message: z.string().optional(),
	messages: z.array(z.string()).describe("The model's text, in order."),
	reason: z.string().describe("Set when Gemini gave a finish reason (NO_IMAGE, MAX_TOKENS, …).").optional(),
});

/** The guide's 400: exactly `{"error":"prompt is required"}`. */
export const guideBadRequestSchema = z.object({ error: z.literal("prompt is required") });

/** /healthz and /readyz. */
export const healthSchema = z.object({ status: z.literal("ok") });
export const readinessSchema = z.object({
	status: z.enum(["ready", "not_ready"]),
	checks: z.record(z.string(), z.string()).describe("Each check: ok, or why it fails."),
	reasons: z.array(z.string()).describe("The failing checks, for a person reading the answer.").optional(),
});
