// src/gemini/models.ts: what each known image model can do; unknown ids get conservative limits.
export const ASPECT_RATIOS = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number] | "1:4" | "4:1" | "1:8" | "8:1";

export const IMAGE_SIZES = ["512", "1K", "2K", "4K"] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

export type ModelCapabilities = {
	/** Shown to members. */
	label: string;
	/** Input images one turn may attach. */
	maxInputImages: number;
	/** Images one request may carry in all, history included. */
	maxContextImages: number;
	aspectRatios: readonly AspectRatio[];
	/** imageConfig.imageSize values the model takes; empty when it takes none. */
	imageSizes: readonly ImageSize[];
	/** Gemini 3 image models reject a replayed model turn that lost its thoughtSignature. */
	requiresThoughtSignatures: boolean;
	maxInputTokens: number;
	/** Tokens an input image costs in the prompt (estimate used by the history budget). */
	tokensPerInputImage: number;
	/** Estimated US dollars per output image at the default size, when Gemini reports no token usage. */
	usdPerImage: number;
	/** Prices per million tokens (prompt, and output including image tokens), for cost from usage metadata. */
	usdPerMillionInputTokens: number;
	usdPerMillionOutputTokens: number;
};

const GEMINI_3_RATIOS = [...ASPECT_RATIOS, "1:4", "4:1", "1:8", "8:1"] as const satisfies readonly AspectRatio[];

/**
 * Known models as of late 2026.
 * @see https://ai.google.dev/gemini-api/docs/image-generation
 * @see https://ai.google.dev/gemini-api/docs/pricing
 */
export const KNOWN_MODELS = {
	"gemini-3.1-flash-image": {
		label: "Nano Banana 2",
		maxInputImages: 14,
		maxContextImages: 14,
		aspectRatios: GEMINI_3_RATIOS,
		imageSizes: ["512", "1K", "2K", "4K"],
		requiresThoughtSignatures: true,
		maxInputTokens: 131_072,
		tokensPerInputImage: 1_120,
		usdPerImage: 0.067,
		usdPerMillionInputTokens: 0.5,
		usdPerMillionOutputTokens: 60,
	},
	"gemini-3-pro-image": {
		label: "Nano Banana Pro",
		maxInputImages: 14,
		maxContextImages: 14,
		aspectRatios: ASPECT_RATIOS,
		imageSizes: ["1K", "2K", "4K"],
		requiresThoughtSignatures: true,
		maxInputTokens: 65_536,
		tokensPerInputImage: 1_120,
		usdPerImage: 0.134,
		usdPerMillionInputTokens: 2,
		usdPerMillionOutputTokens: 120,
	},
	"gemini-2.5-flash-image": {
		label: "Nano Banana",
		maxInputImages: 3,
		maxContextImages: 6,
		aspectRatios: ASPECT_RATIOS,
		imageSizes: [],
		requiresThoughtSignatures: false,
		maxInputTokens: 32_768,
		tokensPerInputImage: 1_290,
		usdPerImage: 0.039,
		usdPerMillionInputTokens: 0.3,
		usdPerMillionOutputTokens: 30,
	},
} as const satisfies Record<string, ModelCapabilities>;

const UNKNOWN_MODEL: ModelCapabilities = {
	label: "Gemini image model",
	maxInputImages: 3,
	maxContextImages: 6,
	aspectRatios: ASPECT_RATIOS,
	imageSizes: [],
	// Replaying signatures is harmless where they are not required, so an unknown model gets them too.
	requiresThoughtSignatures: true,
	maxInputTokens: 32_768,
	tokensPerInputImage: 1_290,
	usdPerImage: 0.134,
	// Priced like the dearest known model, so an unknown one is never under-estimated.
	usdPerMillionInputTokens: 2,
	usdPerMillionOutputTokens: 120,
};

/** Returns the capabilities of a model id, stripping a "models/" prefix; unknown ids get conservative limits. */
export function capabilitiesOf(modelId: string): ModelCapabilities {
	const id = modelId.replace(/^models\//, "");
	return (KNOWN_MODELS as Record<string, ModelCapabilities>)[id] ?? UNKNOWN_MODEL;
}

/** Estimated cost of a turn: from Gemini's token usage when it reported any, else per image. */
export function estimateUsd(
	modelId: string,
	images: number,
	usage?: { promptTokens: number; outputTokens: number },
): number {
	const capabilities = capabilitiesOf(modelId);
	if (!usage || usage.promptTokens + usage.outputTokens === 0) return images * capabilities.usdPerImage;
	return (
		(usage.promptTokens * capabilities.usdPerMillionInputTokens +
			usage.outputTokens * capabilities.usdPerMillionOutputTokens) /
		1_000_000
	);
}
