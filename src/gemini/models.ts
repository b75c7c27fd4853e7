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
	maxInputTokens: number;
	/** Tokens an input image costs in the prompt (estimate used by the history budget). */
	tokensPerInputImage: number;
	/** Estimated US dollars per output image at the default size, when Gemini reports no token usage. */
	usdPerImage: number;
	/** Prices per million tokens (prompt, and output including image tokens), for cost from usage metadata. */
	usdPerMillionInputTokens: number;
	usdPerMillionOutputTokens: number;
	/**
	 * Returns thought summaries and its draft ("interim") images when asked (thinkingConfig.includeThoughts): the
	 * Gemini 3 image models think before they draw.
	 */
	thoughtPreviews: boolean;
};

const GEMINI_3_RATIOS = [...ASPECT_RATIOS, "1:4", "4:1", "1:8", "8:1"] as const satisfies readonly AspectRatio[];

/**
 * Known models as of late 2026. Thought signatures are replayed verbatim for every model (Gemini 3 image models
 * require them; elsewhere they are harmless), so the table does not say which models need them.
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
		maxInputTokens: 131_072,
		tokensPerInputImage: 1_120,
		usdPerImage: 0.067,
		usdPerMillionInputTokens: 0.5,
		usdPerMillionOutputTokens: 60,
		thoughtPreviews: true,
	},
	"gemini-3-pro-image": {
		label: "Nano Banana Pro",
		maxInputImages: 14,
		maxContextImages: 14,
		aspectRatios: ASPECT_RATIOS,
		imageSizes: ["1K", "2K", "4K"],
		maxInputTokens: 65_536,
		tokensPerInputImage: 1_120,
		usdPerImage: 0.134,
		usdPerMillionInputTokens: 2,
		usdPerMillionOutputTokens: 120,
		thoughtPreviews: true,
	},
	"gemini-2.5-flash-image": {
		label: "Nano Banana",
		maxInputImages: 3,
		maxContextImages: 6,
		aspectRatios: ASPECT_RATIOS,
		imageSizes: [],
		maxInputTokens: 32_768,
		tokensPerInputImage: 1_290,
		usdPerImage: 0.039,
		usdPerMillionInputTokens: 0.3,
		usdPerMillionOutputTokens: 30,
		thoughtPreviews: false,
	},
} as const satisfies Record<string, ModelCapabilities>;

/** The model the bot uses when GEMINI_MODEL is unset ("Nano Banana 2"). */
export const DEFAULT_MODEL = "gemini-3.1-flash-image" satisfies keyof typeof KNOWN_MODELS;

const UNKNOWN_MODEL: ModelCapabilities = {
	label: "Gemini image model",
	maxInputImages: 3,
	maxContextImages: 6,
	aspectRatios: ASPECT_RATIOS,
	imageSizes: [],
	maxInputTokens: 32_768,
	tokensPerInputImage: 1_290,
	usdPerImage: 0.134,
	// Priced like the dearest known model, so an unknown one is never under-estimated.
	usdPerMillionInputTokens: 2,
	usdPerMillionOutputTokens: 120,
	// An unknown model may refuse thinkingConfig: never ask it for thoughts.
	thoughtPreviews: false,
};

/** A model id without the "models/" prefix the API's resource names carry ("models/gemini-3-pro-image"). */
export function bareModelId(modelId: string): string {
	return modelId.replace(/^models\//, "");
}

/** Returns the capabilities of a model id, with or without its "models/" prefix; unknown ids get conservative limits. */
export function capabilitiesOf(modelId: string): ModelCapabilities {
	return (KNOWN_MODELS as Record<string, ModelCapabilities>)[bareModelId(modelId)] ?? UNKNOWN_MODEL;
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
