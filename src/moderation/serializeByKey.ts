// src/moderation/serializeByKey.ts: runs read-modify-write tasks on one key one at a time, in call order, in this process.

/**
 * Returns a runner that chains tasks per key, so that two updates of one keyv record never interleave and lose
 * one another. A server lives on one shard, hence one process, so in-process order is enough for its records.
 */
export function serializeByKey(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
	const tails = new Map<string, Promise<unknown>>();
	return (key, task) => {
		// A failed task must not stop the ones queued behind it; its caller gets the failure.
		const run = (tails.get(key) ?? Promise.resolve()).catch(() => {}).then(task);
		tails.set(key, run);
		void run
			.finally(() => {
				if (tails.get(key) === run) tails.delete(key);
			})
			.catch(() => {});
		return run;
	};
}
