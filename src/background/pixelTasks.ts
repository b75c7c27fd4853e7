// src/background/pixelTasks.ts: the CPU-heavy pixel work of /background, as plain data a worker thread can run.
import { type ClassicalOptions, classicalMask } from "./classicalMask.js";
import { composite, featherAlpha, verifyProduct } from "./composite.js";
import { driftIou } from "./drift.js";
import { type KeyColour, keyAgainst } from "./keyAgainst.js";
import { shrink } from "./maskOps.js";
import type { Mask, RgbImage } from "./types.js";

/**
 * One piece of work: the classical mask, Gemini keying's mask, a dilation's shrink, the drift check, the composite
 * of a result through the keep-mask's feathered edge, or the count of product pixels a posted result changed.
 */
export type PixelTask =
	| { kind: "classicalMask"; image: RgbImage; options: ClassicalOptions }
	| { kind: "shrink"; mask: Mask; radius: number }
	| { kind: "keyMask"; original: RgbImage; answer: RgbImage; key: KeyColour }
	| { kind: "driftIou"; original: RgbImage; generated: RgbImage; mask: Mask }
	| { kind: "composite"; original: RgbImage; generated: RgbImage; keep: Mask }
	| { kind: "mismatched"; posted: RgbImage; original: RgbImage; keep: Mask };

/** What each task answers: a mask, an image, or a number (the drift IoU, a pixel count). */
export type PixelAnswer<Task extends PixelTask> = Task extends { kind: "driftIou" | "mismatched" }
	? number
	: Task extends { kind: "composite" }
		? RgbImage
		: Mask;

/** Runs `task` where it is called (the worker thread calls it for every message). */
export async function runPixelTask(task: PixelTask): Promise<Mask | RgbImage | number> {
	switch (task.kind) {
		case "classicalMask":
			return classicalMask(task.image, task.options);
		case "keyMask":
			return keyAgainst(task.original, task.answer, task.key);
		case "shrink":
			return shrink(task.mask, task.radius);
		case "driftIou":
			return driftIou(task.original, task.generated, task.mask);
		case "composite":
			return composite(task.original, task.generated, featherAlpha(task.keep));
		case "mismatched":
			return verifyProduct(task.posted, task.original, featherAlpha(task.keep)).mismatched;
	}
}
