// src/conversation/turnQueue.ts: runs turns of one conversation one at a time, in arrival order.
import PQueue from "p-queue";

export type TurnQueue = {
	/** Runs `task` after every task queued earlier under `key` has settled. */
	run<T>(key: string, task: () => Promise<T>): Promise<T>;
	/** Tasks queued or running under `key`. */
	depth(key: string): number;
};

/** Creates an in-process queue per conversation; a thread lives on one shard, so one process sees all its turns. */
export function createTurnQueue(): TurnQueue {
	const queues = new Map<string, PQueue>();
	return {
		run(key, task) {
			let queue = queues.get(key);
			if (!queue) {
				const created = new PQueue({ concurrency: 1 });
				created.on("idle", () => {
					if (queues.get(key) === created && created.size === 0 && created.pending === 0) queues.delete(key);
				});
				queues.set(key, created);
				queue = created;
			}
			return queue.add(task);
		},
		depth(key) {
			const queue = queues.get(key);
			return queue ? queue.size + queue.pending : 0;
		},
	};
}
