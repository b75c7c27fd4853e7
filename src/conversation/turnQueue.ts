// src/conversation/turnQueue.ts: runs turns of one conversation one at a time, in arrival order, with places in line.
import PQueue from "p-queue";

export type QueueHooks = {
	/** Identifies the queued task, so that it can be cancelled while it waits. */
	ticket?: string;
	/** Called with the task's place in line (1 = next) when it has to wait, and again whenever the place changes. */
	onWait?: (position: number) => void;
};

export type TurnQueue = {
	/** Runs `task` after every task queued earlier under `key`; resolves undefined if the task was cancelled while waiting. */
	run<T>(key: string, task: () => Promise<T>, hooks?: QueueHooks): Promise<T | undefined>;
	/** Cancels a waiting task; false when it is unknown, already running or done. */
	cancel(key: string, ticket: string): boolean;
	/** Tasks queued or running under `key`. */
	depth(key: string): number;
	/** Resolves once every queue is empty. */
	idle(): Promise<void>;
};

type Waiting = { ticket: string | undefined; onWait: ((position: number) => void) | undefined; cancelled: boolean };

/** Creates an in-process queue per conversation; a thread lives on one shard, so one process sees all its turns. */
export function createTurnQueue(): TurnQueue {
	const queues = new Map<string, PQueue>();
	const waiting = new Map<string, Waiting[]>();

	/** Tells the entries from `from` on their new place; those ahead of a leaver keep theirs and hear nothing. */
	const renumber = (key: string, from: number) => {
		for (const [index, entry] of (waiting.get(key) ?? []).entries()) if (index >= from) entry.onWait?.(index + 1);
	};
	const leave = (key: string, entry: Waiting) => {
		const line = waiting.get(key) ?? [];
		const index = line.indexOf(entry);
		if (index < 0) return false;
		line.splice(index, 1);
		if (line.length === 0) waiting.delete(key);
		renumber(key, index);
		return true;
	};

	return {
		run(key, task, hooks = {}) {
			let queue = queues.get(key);
			if (!queue) {
				const created = new PQueue({ concurrency: 1 });
				created.on("idle", () => {
					if (queues.get(key) === created && created.size === 0 && created.pending === 0) queues.delete(key);
				});
				queues.set(key, created);
				queue = created;
			}
			const busy = queue.size + queue.pending > 0;
			const entry: Waiting = { ticket: hooks.ticket, onWait: hooks.onWait, cancelled: false };
			const line = waiting.get(key) ?? [];
			line.push(entry);
			waiting.set(key, line);
			if (busy) entry.onWait?.(line.length);
			return queue.add(async () => {
				leave(key, entry);
				return entry.cancelled ? undefined : task();
			});
		},
		cancel(key, ticket) {
			const entry = waiting.get(key)?.find((candidate) => candidate.ticket === ticket);
			if (!entry) return false;
			entry.cancelled = true;
			return leave(key, entry);
		},
		depth(key) {
			const queue = queues.get(key);
			return queue ? queue.size + queue.pending : 0;
		},
		async idle() {
			await Promise.all([...queues.values()].map((queue) => queue.onIdle()));
		},
	};
}
