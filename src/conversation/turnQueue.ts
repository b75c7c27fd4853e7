// src/conversation/turnQueue.ts: runs turns of one conversation one at a time, in arrival order, with places in line.
import PQueue from "p-queue";

export type QueueHooks = {
	/** Identifies the queued task, so that it can be cancelled while it waits or runs. */
	ticket?: string;
	/** Called with the task's place in line (1 = next) when it has to wait, and again whenever the place changes. */
	onWait?: (position: number) => void;
};

export type TurnQueue = {
	/**
	 * Runs `task` after every task queued earlier under `key`, handing it a signal that cancel() aborts; resolves
	 * undefined if the task was cancelled while waiting.
	 */
	run<T>(key: string, task: (signal: AbortSignal) => Promise<T>, hooks?: QueueHooks): Promise<T | undefined>;
	/** Cancels a waiting task (it never runs) or aborts a running one; false when it is unknown or done. */
	cancel(key: string, ticket: string): boolean;
	/** Tasks queued or running under `key`. */
	depth(key: string): number;
	/** Resolves once every queue is empty. */
	idle(): Promise<void>;
	/** Tasks waiting and running across every key (the queue-depth metric). */
	counts(): { waiting: number; running: number };
};

type Entry = {
	ticket: string | undefined;
	onWait: ((position: number) => void) | undefined;
	controller: AbortController;
	running: boolean;
};

/** Creates an in-process queue per conversation; a thread lives on one shard, so one process sees all its turns. */
export function createTurnQueue(): TurnQueue {
	const queues = new Map<string, PQueue>();
	/** Per key: the waiting entries in order, then (once started) the running one stays until it ends. */
	const entries = new Map<string, Entry[]>();

	const waitingOf = (key: string) => (entries.get(key) ?? []).filter((entry) => !entry.running);
	/** Tells the waiting entries from `from` on their new place; those ahead of a leaver keep theirs and hear nothing. */
	const renumber = (key: string, from: number) => {
		for (const [index, entry] of waitingOf(key).entries()) if (index >= from) entry.onWait?.(index + 1);
	};
	const remove = (key: string, entry: Entry) => {
		const list = entries.get(key) ?? [];
		const index = list.indexOf(entry);
		if (index < 0) return;
		list.splice(index, 1);
		if (list.length === 0) entries.delete(key);
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
			const entry: Entry = {
				ticket: hooks.ticket,
				onWait: hooks.onWait,
				controller: new AbortController(),
				running: false,
			};
			const list = entries.get(key) ?? [];
			list.push(entry);
			entries.set(key, list);
			if (busy) entry.onWait?.(waitingOf(key).length);
			return queue.add(async () => {
				if (entry.controller.signal.aborted) return undefined;
				const place = waitingOf(key).indexOf(entry);
				entry.running = true;
				renumber(key, place);
				try {
					return await task(entry.controller.signal);
				} finally {
					remove(key, entry);
				}
			});
		},
		cancel(key, ticket) {
			const entry = entries.get(key)?.find((candidate) => candidate.ticket === ticket);
			if (!entry || entry.controller.signal.aborted) return false;
			const place = waitingOf(key).indexOf(entry);
			entry.controller.abort(new DOMException("The member cancelled the turn.", "AbortError"));
			if (!entry.running) {
				remove(key, entry);
				renumber(key, place);
			}
			return true;
		},
		depth(key) {
			const queue = queues.get(key);
			return queue ? queue.size + queue.pending : 0;
		},
		async idle() {
			await Promise.all([...queues.values()].map((queue) => queue.onIdle()));
		},
		counts() {
			let waiting = 0;
			let running = 0;
			for (const list of entries.values()) {
				for (const entry of list) {
					if (entry.running) running++;
					else waiting++;
				}
			}
			return { waiting, running };
		},
	};
}
