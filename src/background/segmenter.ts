// src/background/segmenter.ts: the one interface every computed mask source implements.
import type { Mask, MaskSource, RgbImage } from "./types.js";

/** What a segmenter is asked to find: the photo's subject (a product), or the people in it. */
export type SegmentTarget = "subject" | "people";

export type Segmenter = {
	readonly source: Exclude<MaskSource, "user" | "alpha">;
	/** Whether it can find `target` at all (a colour model finds a subject, not people). */
	handles(target: SegmentTarget): boolean;
	/** The kept area (1 = `target`), the photo's size; rejects when it cannot run (its Gemini call failed). */
	segment(image: RgbImage, target: SegmentTarget): Promise<Mask>;
};
