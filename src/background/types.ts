// src/background/types.ts: plain data of product background replacement: pixels, masks, options, outcomes.

/** Decoded pixels, 3 bytes per pixel (RGB), row-major; `alpha` when the file had an alpha channel. */
export type RgbImage = { width: number; height: number; data: Uint8Array; alpha?: Uint8Array };

/** One byte per pixel: 1 where the original is kept (the product), 0 where the model's pixels are used. */
export type Mask = { width: number; height: number; data: Uint8Array };

/** What `mask` names as replaced: the background (the product stays), the foreground, or all but people. */
export const MASK_MODES = ["background", "foreground", "people"] as const;
export type MaskMode = (typeof MASK_MODES)[number];

/** Where a mask came from: the member's file, the photo's own transparency, or a segmenter. */
export const MASK_SOURCES = ["user", "alpha", "classical", "gemini"] as const;
export type MaskSource = (typeof MASK_SOURCES)[number];

/** /background's options, checked (see checkBackgroundJob). */
export type BackgroundJob = {
	mode: MaskMode;
	/** A fraction of the image width by which the replaced area grows into the kept one (Imagen's definition). */
	dilation: number;
	count: number;
	keepProduct: boolean;
	/** Set when the member confirmed a previewed mask: the pending job holding its input and mask. */
	confirmed?: string;
};

/** Imagen's defaults, except dilation 0 as its guide recommends for products, and 2 results as DESIGN.md says. */
export const DEFAULT_JOB: BackgroundJob = { mode: "background", dilation: 0, count: 2, keepProduct: true };
export const MAX_RESULTS = 4;
