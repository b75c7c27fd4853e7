// src/background/pixelTasks.ts: the CPU-heavy pixel work of /background, as plain data a worker thread can run.
import { type ClassicalOptions, classicalMask } from "./classicalMask.js";
import { driftIou } from "./drift.js";
import { type KeyColour, keyAgainst } from "./keyAgainst.js";
import { shrink } from "./maskOps.js";
import type { Mask, RgbImage } from "./types.js";

/** One piece of work: the classical mask, Gemini keying's mask, a dilation's shrink, or the drift check. */
export type PixelTask =
	| { kind: "classicalMask"; image: RgbImage; options: ClassicalOptions }
	| { kind: "shrink"; mask: Mask; radius: number }
	| { kind: "keyMask"; original: RgbImage; answer: RgbImage; key: KeyColour }
	| { kind: "driftIou"; original: RgbImage; generated: RgbImage; mask: Mask };

/** What each task answers: a mask, or the drift IoU. */
export type PixelAnswer<Task extends PixelTask> = Task extends { kind: "driftIou" } ? number : Mask;

/** Runs `task` where it is called (the worker thread calls it for every message). */
export async function runPixelTask(task: PixelTask): Promise<Mask | number> {
	switch (task.kind) {
		case "classicalMask":
			return classicalMask(task.image, task.options);
		case "keyMask":
			return keyAgainst(task.original, task.answer, task.key);
		case "shrink":
			return shrink(task.mask, task.radius);
		case "driftIou":
			return driftIou(task.original, task.generated, task.mask);
	}
}
