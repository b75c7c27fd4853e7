// src/background/pixelWorker.ts: /background's CPU-heavy pixel work on one worker thread, so the event loop stays free.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Logger } from "../logger.js";
import type { ClassicalOptions } from "./classicalMask.js";
import type { KeyColour } from "./keyAgainst.js";
import type { PixelAnswer, PixelTask } from "./pixelTasks.js";
import type { ThreadMessage } from "./pixelWorkerThread.js";
import type { Mask, RgbImage } from "./types.js";

/** A task running longer (a 12 MP photo takes about 2 s on a loaded 2-core machine) has gone wrong: the thread is ended. */
export const PIXEL_TASK_TIMEOUT_MS = 30_000;
/** A thread that has not loaded its modules by then will not. */
const BOOT_TIMEOUT_MS = 60_000;

/** The work the thread does, each call answered in turn; `close` ends it (bot shutdown, a test's end). */
export type PixelWork = {
	/** The classical segmenter's mask of `image` (see classicalMask). */
	classicalMask(image: RgbImage, options: ClassicalOptions): Promise<Mask>;
	/** Gemini keying's mask: `answer` (the photo on a flat key colour) keyed against `original`. */
	keyMask(original: RgbImage, answer: RgbImage, key: KeyColour): Promise<Mask>;
	/** `mask` shrunk by `radius` px (a dilation of the replaced area: an exact distance transform when it is wide). */
	shrink(mask: Mask, radius: number): Promise<Mask>;
	/** The drift check of a model's answer (see driftIou). */
	driftIou(original: RgbImage, generated: RgbImage, mask: Mask): Promise<number>;
	/** `generated` with `original`'s product laid over it through `keep`'s feathered edge (see composite). */
	composite(original: RgbImage, generated: RgbImage, keep: Mask): Promise<RgbImage>;
	/** How many fully opaque product pixels differ between `posted` (decoded back) and `original` (see verifyProduct). */
	mismatched(posted: RgbImage, original: RgbImage, keep: Mask): Promise<number>;
	/** Rejects what is queued or running, ends the thread; later calls reject. */
	close(): Promise<void>;
};

export type PixelWorkFailure = "timeout" | "exited" | "closed";

/** The thread, not the task, failed: it ran too long, crashed or exited, or the worker was closed. */
export class PixelWorkError extends Error {
	constructor(
		readonly code: PixelWorkFailure,
		message: string,
		options?: ErrorOptions,
	) {
		super(message, options);
		this.name = "PixelWorkError";
	}
}

/**
 * The thread's entry beside this module: the compiled .js in dist/, or under tsx and vitest the .ts source, which the
 * thread loads through tsx's loader (a worker starts without its parent's module hooks). Its own flags, not the
 * parent's: those may not apply to a file (`node --input-type=module -e` would make the thread refuse its entry).
 */
function threadEntry(): { url: URL; execArgv: string[] } {
	if (!import.meta.url.endsWith(".ts"))
		return { url: new URL("./pixelWorkerThread.js", import.meta.url), execArgv: [] };
	const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
	return { url: new URL("./pixelWorkerThread.ts", import.meta.url), execArgv: ["--import", tsx] };
}

/**
 * The task with its pixels copied into buffers of their own and listed for transfer: one copy of each (the caller
 * keeps using its pixels, shared by concurrent results), and none when the thread receives them.
 */
function packed(task: PixelTask): { message: PixelTask; transfer: ArrayBuffer[] } {
	const transfer: ArrayBuffer[] = [];
	const fields = Object.entries(task).map(([name, value]) => {
		if (!(value && typeof value === "object" && "data" in value && value.data instanceof Uint8Array))
			return [name, value];
		const data = value.data.slice();
		transfer.push(data.buffer);
		return [name, { width: value.width, height: value.height, data }];
	});
	return { message: Object.fromEntries(fields) as PixelTask, transfer };
}

function fromThread(error: { name: string; message: string; stack?: string }): Error {
	const err = new Error(error.message);
	err.name = error.name;
	if (error.stack) err.stack = error.stack;
	return err;
}

type Pending = { task: PixelTask; resolve(answer: unknown): void; reject(err: Error): void };
type Thread = { worker: Worker; ready: boolean; bootTimer: NodeJS.Timeout };

/**
 * One worker thread, started on first use and reused (opencv-js, when GrabCut is asked for, loads in it only), one
 * task at a time in call order. Pixels go over by transfer. A task's error rejects its call as it was thrown; a task
 * over `taskTimeoutMs`, or a thread that crashes, rejects with PixelWorkError and the next task gets a new thread.
 * An idle thread does not keep the process alive.
 */
export function createPixelWorker(options: { taskTimeoutMs?: number; logger?: Logger } = {}): PixelWork {
	const taskTimeoutMs = options.taskTimeoutMs ?? PIXEL_TASK_TIMEOUT_MS;
	const queue: Pending[] = [];
	let thread: Thread | undefined;
	let running: (Pending & { id: number; timer: NodeJS.Timeout }) | undefined;
	let nextId = 1;
	let closed = false;

	const settle = (outcome: (job: Pending) => void) => {
		const job = running;
		if (!job) return;
		clearTimeout(job.timer);
		running = undefined;
		outcome(job);
		pump();
	};

	/** The thread is gone, or must go: its running task (or, while it starts, the first queued) fails with `error`. */
	const lose = (current: Thread, error: PixelWorkError) => {
		if (thread !== current) return;
		thread = undefined;
		clearTimeout(current.bootTimer);
		void current.worker
			.terminate()
			.catch((err: unknown) => options.logger?.warn({ err }, "pixel worker thread did not end cleanly"));
		options.logger?.warn({ err: error, code: error.code }, "pixel worker thread lost");
		if (running) return settle((job) => job.reject(error));
		if (!current.ready) queue.shift()?.reject(error);
		pump();
	};

	const spawn = (): Thread => {
		const entry = threadEntry();
		const worker = new Worker(entry.url, { name: "pixels", execArgv: entry.execArgv });
		const current: Thread = {
			worker,
			ready: false,
			bootTimer: setTimeout(
				() => lose(current, new PixelWorkError("timeout", `the pixel worker did not start in ${BOOT_TIMEOUT_MS} ms`)),
				BOOT_TIMEOUT_MS,
			).unref(),
		};
		worker.on("message", (message: ThreadMessage) => {
			if (thread !== current) return;
			if (message.kind === "ready") {
				current.ready = true;
				clearTimeout(current.bootTimer);
				return pump();
			}
			if (message.id !== running?.id) return;
			if (message.kind === "done") settle((job) => job.resolve(message.answer));
			else settle((job) => job.reject(fromThread(message.error)));
		});
		worker.on("error", (err) =>
			lose(current, new PixelWorkError("exited", "the pixel worker crashed", { cause: err })),
		);
		worker.on("exit", (code) => lose(current, new PixelWorkError("exited", `the pixel worker exited (code ${code})`)));
		return current;
	};

	const dispatch = (current: Thread, job: Pending) => {
		const id = nextId++;
		const timer = setTimeout(
			() => lose(current, new PixelWorkError("timeout", `pixel work (${job.task.kind}) ran over ${taskTimeoutMs} ms`)),
			taskTimeoutMs,
		).unref();
		running = { ...job, id, timer };
		try {
			const { message, transfer } = packed(job.task);
			current.worker.postMessage({ id, task: message }, transfer);
		} catch (err) {
			settle((failed) => failed.reject(err instanceof Error ? err : new Error(String(err))));
		}
	};

	function pump(): void {
		if (closed || running) return;
		const job = queue[0];
		if (!job) {
			thread?.worker.unref();
			return;
		}
		thread ??= spawn();
		thread.worker.ref();
		if (!thread.ready) return;
		queue.shift();
		dispatch(thread, job);
	}

	const submit = <Task extends PixelTask>(task: Task): Promise<PixelAnswer<Task>> => {
		if (closed) return Promise.reject(new PixelWorkError("closed", "the pixel worker is closed"));
		return new Promise((resolve, reject) => {
			queue.push({ task, resolve: resolve as (answer: unknown) => void, reject });
			pump();
		});
	};

	return {
		classicalMask: (image, classical) => submit({ kind: "classicalMask", image, options: classical }),
		keyMask: (original, answer, key) => submit({ kind: "keyMask", original, answer, key }),
		shrink: (mask, radius) => submit({ kind: "shrink", mask, radius }),
		driftIou: (original, generated, mask) => submit({ kind: "driftIou", original, generated, mask }),
		composite: (original, generated, keep) => submit({ kind: "composite", original, generated, keep }),
		mismatched: (posted, original, keep) => submit({ kind: "mismatched", posted, original, keep }),
		async close() {
			if (closed) return;
			closed = true;
			const error = new PixelWorkError("closed", "the pixel worker was closed");
			for (const job of queue.splice(0)) job.reject(error);
			if (running) {
				clearTimeout(running.timer);
				running.reject(error);
				running = undefined;
			}
			const current = thread;
			thread = undefined;
			if (!current) return;
			clearTimeout(current.bootTimer);
			await current.worker.terminate();
		},
	};
}
