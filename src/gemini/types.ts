// src/gemini/types.ts: plain data in and out of the Gemini layer (no SDK types leak past src/gemini/).
import type { AspectRatio, ImageSize } from "./models.js";

/** Image only, or image and text (responseModalities IMAGE, or TEXT and IMAGE). */
export const OUTPUT_MODES = ["image", "image_and_text"] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

export type ContentPart =
	| { kind: "text"; text: string; thoughtSignature?: string }
	| { kind: "image"; data: Buffer; mimeType: string; thoughtSignature?: string };

export type RequestTurn = { role: "user" | "model"; parts: ContentPart[] };

export type RequestOptions = {
	model: string;
	output: OutputMode;
	aspect?: AspectRatio;
	size?: ImageSize;
	/** The server's thresholds per harm category (HarmCategory and HarmBlockThreshold names). */
	safetySettings?: { category: string; threshold: string }[];
	/** imageConfig.personGeneration, only where the model and API mode take it. */
	personGeneration?: string;
	/** Ask for thought summaries and draft images to preview (sent only to models that return them). */
	includeThoughts?: boolean;
};

export type Usage = { promptTokens: number; outputTokens: number; totalTokens: number };

export const SAFETY_CATEGORIES = [
	"prohibited",
	"sexual",
	"dangerous",
	"hate",
	"harassment",
	"celebrity",
	"people",
	"child",
	"civic",
	"other",
] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

/** Why a turn produced no image although nothing was blocked. */
export type FailureReason = "NO_IMAGE" | "IMAGE_OTHER" | "MAX_TOKENS" | "OTHER" | "EMPTY";

/** Everything a generateContent call can come back with, as values the renderer switches on. */
export type ModelReply =
	| { kind: "parts"; parts: ContentPart[]; truncated: boolean; usage?: Usage }
	| {
			kind: "blocked";
			stage: "prompt" | "output";
			/** blockReason or finishReason as Gemini sent it. */
			reason: string;
			category?: SafetyCategory;
			codes: string[];
			usage?: Usage;
	  }
	| { kind: "refused"; text: string; usage?: Usage }
	| { kind: "failed"; reason: FailureReason; text?: string; usage?: Usage };
