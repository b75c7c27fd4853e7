// src/http/timeStore.ts: times every operation of the store for the store-latency metric, whatever methods it has.
import type { Store } from "../conversation/store.js";

/** Properties of the store that are not operations to time. */
const UNTIMED = new Set(["keyv", "limiters", "close"]);

/**
 * The same store with each method reporting its duration and whether it failed (an async one when it settles, a
 * synchronous one when it returns); methods added to Store later are timed too. keyv and the limiters are handed on.
 */
export function timeStore(store: Store, record: (operation: string, ms: number, ok: boolean) => void): Store {
	const timed: Record<string, unknown> = { ...store };
	for (const [name, value] of Object.entries(store)) {
		if (UNTIMED.has(name) || typeof value !== "function") continue;
		timed[name] = (...args: unknown[]) => {
			const started = performance.now();
			const done = (ok: boolean) => record(name, performance.now() - started, ok);
			let result: unknown;
			try {
				result = (value as (...args: unknown[]) => unknown).apply(store, args);
			} catch (err) {
				done(false);
				throw err;
			}
			if (!(result instanceof Promise)) {
				done(true);
				return result;
			}
			return result.then(
				(settled: unknown) => {
					done(true);
					return settled;
				},
				(err: unknown) => {
					done(false);
					throw err;
				},
			);
		};
	}
	return timed as Store;
}
