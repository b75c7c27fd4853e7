// src/background/pixelWorkerThread.ts: the pixel worker thread's entry: runs each task it is sent, posts the answer back.
import { parentPort } from "node:worker_threads";
import { type PixelTask, runPixelTask } from "./pixelTasks.js";

/** Messages from the thread: it is ready, a task's answer, or a task's error (its name, message and stack). */
export type ThreadMessage =
	| { kind: "ready" }
	| { kind: "done"; id: number; answer: number | { width: number; height: number; data: Uint8Array } }
	| { kind: "failed"; id: number; error: { name: string; message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error("pixelWorkerThread.js is a worker thread's entry, not a module to import");

const post = (message: ThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** A mask's bytes in an ArrayBuffer of their own, so that it can be transferred whole. */
const standalone = (data: Uint8Array) =>
	data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();

port.on("message", ({ id, task }: { id: number; task: PixelTask }) => {
	runPixelTask(task).then(
		(answer) => {
			if (typeof answer === "number") return post({ kind: "done", id, answer });
			const data = standalone(answer.data);
			post({ kind: "done", id, answer: { width: answer.width, height: answer.height, data } }, [
				data.buffer as ArrayBuffer,
			]);
		},
		(err: unknown) => {
			const error = err instanceof Error ? err : new Error(String(err));
			post({
				kind: "failed",
				id,
				error: { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) },
			});
		},
	);
});
post({ kind: "ready" });
