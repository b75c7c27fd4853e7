// src/http/timeStore.ts: times every operation of the store for the store-latency metric, whatever methods it has.
import type { Store } from "../conversation/store.js";

/** Properties of the store that are not operations to time. */
const UNTIMED = new Set(["keyv", "limiters", "close"]);

/**
 * The same store with each async method reporting its duration and whether it failed; methods added to Store later
 * are timed too. The keyv and the limiters underneath are handed on as they are.
 */
export function timeStore(store: Store, record: (operation: string, ms: number, ok: boolean) => void): Store {
	const timed: Record<string, unknown> = { ...store };
	for (const [name, value] of Object.entries(store)) {
		if (UNTIMED.has(name) || typeof value !== "function") continue;
		timed[name] = async (...args: unknown[]) => {
			const started = performance.now();
			try {
				const result = await (value as (...args: unknown[]) => Promise<unknown>).apply(store, args);
				record(name, performance.now() - started, true);
				return result;
			} catch (err) {
				record(name, performance.now() - started, false);
				throw err;
			}
		};
	}
	return timed as Store;
}
