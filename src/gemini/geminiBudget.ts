// src/gemini/geminiBudget.ts: the project-wide Gemini cap shared by every process through Redis (calls at once, requests per minute).
import { randomUUID } from "node:crypto";
import type { RedisClientConnectionType } from "@keyv/redis";
import { RateLimiterRes } from "rate-limiter-flexible";
import { Semaphore } from "redis-semaphore";
import type { Logger } from "../logger.js";
import type { LimiterStore } from "../moderation/openLimiterStore.js";
import type { GeminiWait } from "./withRetry.js";

/** A slot for one Gemini attempt; `acquire` resolves once the attempt may start, with the function that frees it. */
export type GeminiBudget = {
	acquire(options: {
		signal: AbortSignal;
		/** Epoch ms the caller's call ends by; a wait never outlives it. */
		deadline: number;
		onWait: (wait: Extract<GeminiWait, { kind: "globalCap" | "globalRate" }>) => void;
	}): Promise<() => Promise<void>>;
};

/** A slot is dropped this long after its holder last refreshed it (a process that died mid-call gives it back so). */
const SLOT_TIMEOUT_MS = 30_000;
const SLOT_REFRESH_MS = 10_000;
/** How often a waiting call asks for a free slot again (with jitter), and reports its place. */
const POLL_MS = 100;

type NodeRedis = {
	eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
	evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
	zRem(key: string, member: string): Promise<number>;
	zAdd(key: string, member: { score: number; value: string }): Promise<number>;
	zRank(key: string, member: string): Promise<number | null>;
	zRemRangeByScore(key: string, min: number | string, max: number | string): Promise<number>;
};

/** redis-semaphore speaks ioredis (`eval(script, numKeys, ...keysAndArgs)`); this maps its few calls to node-redis. */
function ioredisFacade(client: NodeRedis): ConstructorParameters<typeof Semaphore>[0] {
	const split = (numKeys: number, rest: unknown[]) => ({
		keys: rest.slice(0, numKeys).map(String),
		arguments: rest.slice(numKeys).map(String),
	});
	return {
		eval: (script: string, numKeys: number, ...rest: unknown[]) => client.eval(script, split(numKeys, rest)),
		evalsha: (sha: string, numKeys: number, ...rest: unknown[]) => client.evalSha(sha, split(numKeys, rest)),
		zrem: (key: string, member: string) => client.zRem(key, member),
	} as unknown as ConstructorParameters<typeof Semaphore>[0];
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(signal.reason);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal.reason);
		};
		const timer = setTimeout(() => {
			signal.removeEventListener("abort", onAbort);
			resolve();
		}, ms);
		signal.addEventListener("abort", onAbort, { once: true });
	});
}

/**
 * The budget over the store's Redis connection: at most `concurrency` attempts at once across every process (a
 * redis-semaphore slot, refreshed while held, dropped SLOT_TIMEOUT_MS after a holder dies) and at most
 * `requestsPerMinute` attempts per minute (rate-limiter-flexible on the same connection); 0 turns either off.
 * A waiting call reports its place among the waiters (ordered by deadline, so by arrival: every process uses the same
 * TURN_DEADLINE_MS) or, for the rate, when it tries again.
 */
export function createGeminiBudget(options: {
	client: RedisClientConnectionType;
	limiters: LimiterStore;
	namespace: string;
	concurrency: number;
	requestsPerMinute: number;
	logger: Logger;
}): GeminiBudget {
	const client = options.client as unknown as NodeRedis;
	const facade = ioredisFacade(client);
	const slotsKey = `${options.namespace}:gemini:calls`;
	const waitersKey = `${options.namespace}:gemini:waiting`;
	const rate =
		options.requestsPerMinute > 0
			? options.limiters.createLimiter({
					keyPrefix: `${options.namespace}:gemini:rpm`,
					points: options.requestsPerMinute,
					duration: 60,
				})
			: undefined;

	const waitForRate: GeminiBudget["acquire"] = async ({ signal, deadline, onWait }) => {
		for (;;) {
			signal.throwIfAborted();
			try {
				await rate?.consume("project");
				return async () => {};
			} catch (err) {
				if (!(err instanceof RateLimiterRes)) throw err;
				const retryAt = Math.min(Date.now() + err.msBeforeNext + Math.random() * POLL_MS, deadline);
				onWait({ kind: "globalRate", retryAt });
				await sleep(Math.max(0, retryAt - Date.now()), signal);
			}
		}
	};

	const waitForSlot: GeminiBudget["acquire"] = async ({ signal, deadline, onWait }) => {
		const slot = new Semaphore(facade, slotsKey, options.concurrency, {
			lockTimeout: SLOT_TIMEOUT_MS,
			refreshInterval: SLOT_REFRESH_MS,
			acquireAttemptsLimit: 1,
			onLockLost: (err) => options.logger.warn({ err }, "gemini slot lost"),
		});
		const waiter = `${deadline}:${randomUUID()}`;
		let waiting = false;
		let position = 0;
		try {
			while (!(await slot.tryAcquire(signal))) {
				if (!waiting) {
					waiting = true;
					await client.zAdd(waitersKey, { score: deadline, value: waiter });
				}
				// Waiters whose deadline passed are gone (given up, or their process died).
				await client.zRemRangeByScore(waitersKey, "-inf", `(${Date.now()}`);
				const rank = (await client.zRank(waitersKey, waiter)) ?? 0;
				if (rank + 1 !== position) {
					position = rank + 1;
					onWait({ kind: "globalCap", position });
				}
				await sleep(POLL_MS / 2 + Math.random() * POLL_MS, signal);
			}
		} finally {
			if (waiting) await client.zRem(waitersKey, waiter).catch(() => 0);
		}
		return async () => {
			await slot.release().catch((err: unknown) => options.logger.warn({ err }, "gemini slot release failed"));
		};
	};

	return {
		async acquire(call) {
			const release = options.concurrency > 0 ? await waitForSlot(call) : async () => {};
			try {
				if (rate) await waitForRate(call);
			} catch (err) {
				await release();
				throw err;
			}
			return release;
		},
	};
}
