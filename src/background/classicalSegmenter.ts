// src/background/classicalSegmenter.ts: the local segmenter: the classical mask, computed on the pixel worker's thread.
import type { ClassicalOptions } from "./classicalMask.js";
import type { PixelWork } from "./pixelWorker.js";
import type { Segmenter } from "./segmenter.js";

/**
 * GrabCut stays out by default: on 2048² photos it added 0.6-0.8 s to 1.1 s for IoU gains of at most 0.004
 * (textured wood) and none elsewhere; the bench measures both.
 */
export const DEFAULT_CLASSICAL: ClassicalOptions = { grabCut: false };

/** The classical segmenter: no network, no model weights; finds a subject, not people. */
export function classicalSegmenter(
	pixels: Pick<PixelWork, "classicalMask">,
	options: ClassicalOptions = DEFAULT_CLASSICAL,
): Segmenter {
	return {
		source: "classical",
		handles: (target) => target === "subject",
		segment: (image) => pixels.classicalMask(image, options),
	};
}
