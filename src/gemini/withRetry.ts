// src/gemini/withRetry.ts: the one retry policy for Gemini calls: backoff for 5xx and timeouts, quota waits for 429s, one deadline.
import { ApiError } from "@google/genai";
import { GeminiGaveUp, GeminiStreamCut } from "./errors.js";

/** What a call is doing while it has no answer yet; `retryAt` is the epoch ms of the next attempt. */
export type GeminiWait =
	| { kind: "quota"; retryAt: number }
	/** `attempt` counts backoff retries: 1 for the first, at most `retries`. */
	| { kind: "retry"; retryAt: number; attempt: number }
	/** Waiting for one of the project-wide GEMINI_GLOBAL_CONCURRENCY slots; `position` 1 = next. */
	| { kind: "globalCap"; position: number }
	/** The project-wide GEMINI_GLOBAL_RPM is used up for this minute. */
	| { kind: "globalRate"; retryAt: number }
	| { kind: "running" };

export type RetryOptions = {
	/** Backoff retries after a 5xx or a timeout. Quota (429) waits do not count here: `maxQuotaWaitMs` bounds them. */
	retries: number;
	/** Epoch ms by which the whole call ends, attempts and waits included. */
	deadline: number;
	/** The longest single 429 wait the call sits out; the deadline bounds them all together. */
	maxQuotaWaitMs: number;
	/** How long to wait out a 429 that carries no RetryInfo. */
	quotaFallbackMs?: number;
	baseDelayMs?: number;
	/** Caps the exponential backoff; a longer RetryInfo on a 5xx is still honoured. */
	maxDelayMs?: number;
	/** Cancel or shutdown: ends the call (the attempt in flight and any wait) with `signal.reason`. */
	signal?: AbortSignal;
	/** Told before each wait, with the error that caused it. */
	onWait?: (wait: Extract<GeminiWait, { kind: "quota" | "retry" }>, err: unknown) => void;
	/** Injected for tests. */
	now?: () => number;
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
	random?: () => number;
};

// 408 and 504 are timeouts; 501 (not implemented) and other 4xx will not change on a retry.
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const DEFAULT_QUOTA_WAIT_MS = 30_000;
// setTimeout fires at once for delays past 2^31 - 1 ms; longer deadlines re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * True for errors worth another attempt: quota (429), server errors, per-attempt timeouts and a stream cut off
 * mid-answer; never a 400 or a block.
 */
export function isRetryable(err: unknown): boolean {
	if (err instanceof ApiError) return RETRYABLE_STATUS.has(err.status);
	if (err instanceof GeminiStreamCut) return true;
	return err instanceof Error && err.name === "TimeoutError";
}

/** Reads google.rpc.RetryInfo's retryDelay ("12s", "1.5s") from an ApiError's JSON body, in ms. */
export function retryDelayOf(err: unknown): number | undefined {
	if (!(err instanceof ApiError)) return undefined;
	try {
		const body = JSON.parse(err.message) as { error?: { details?: { "@type"?: string; retryDelay?: string }[] } };
		const info = body.error?.details?.find((detail) => detail["@type"]?.endsWith("google.rpc.RetryInfo"));
		const seconds = info?.retryDelay?.match(/^(\d+(?:\.\d+)?)s$/)?.[1];
		return seconds === undefined ? undefined : Math.ceil(Number(seconds) * 1_000);
	} catch {
		return undefined;
	}
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(signal.reason);
		const timer = setTimeout(() => {
			signal.removeEventListener("abort", onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal.reason);
		};
		signal.addEventListener("abort", onAbort, { once: true });
	});
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts, whether or not `work` listens. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
	return new Promise((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		if (signal.aborted) onAbort();
		else signal.addEventListener("abort", onAbort, { once: true });
		// Always listen to `work`, so that its late rejection is handled rather than unhandled.
		void work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
	});
}

/** A signal that aborts at epoch ms `at` with `reason()`. */
function abortAt(at: number, now: () => number, reason: () => unknown): { signal: AbortSignal; dispose: () => void } {
	const controller = new AbortController();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => {
		const left = at - now();
		if (left <= 0) controller.abort(reason());
		else timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
	};
	arm();
	return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}

/**
 * Runs `call` until it succeeds, fails for good, or the deadline passes (then GeminiGaveUp "deadline", at the deadline,
 * with the attempt's signal aborted). A 5xx or timeout is retried up to `retries` times after an equal-jitter
 * exponential backoff (half fixed, half random, so no retry fires right after a failure), never sooner than RetryInfo
 * asks; once retries are used up its error is rethrown, and a backoff that would reach the deadline gives up at once
 * ("deadline"). A 429 waits RetryInfo's delay (else `quotaFallbackMs`) and uses no retry: quota waits are bounded by
 * time, each by `maxQuotaWaitMs` and all by the deadline, and one that would pass either ends the call at once with
 * GeminiGaveUp "quotaExhausted". Any other error is rethrown as it is.
 */
export async function withRetry<T>(
	call: (attempt: number, signal: AbortSignal) => Promise<T>,
	options: RetryOptions,
): Promise<T> {
	const { deadline, baseDelayMs = 1_000, maxDelayMs = 60_000, quotaFallbackMs = DEFAULT_QUOTA_WAIT_MS } = options;
	const { now = Date.now, sleep = sleepFor, random = Math.random } = options;
	const started = now();
	const gaveUp = (cause?: unknown) =>
		new GeminiGaveUp("deadline", { seconds: Math.ceil((deadline - started) / 1_000) }, cause ? { cause } : {});
	const timer = abortAt(deadline, now, () => gaveUp());
	const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
	let retries = 0;
	try {
		for (let attempt = 0; ; attempt++) {
			signal.throwIfAborted();
			try {
				return await untilAborted(call(attempt, signal), signal);
			} catch (err) {
				if (signal.aborted) throw signal.reason;
				if (!isRetryable(err)) throw err;
				let wait: Extract<GeminiWait, { kind: "quota" | "retry" }>;
				let delayMs: number;
				if (err instanceof ApiError && err.status === 429) {
					const asked = retryDelayOf(err);
					delayMs = Math.max(asked ?? quotaFallbackMs, baseDelayMs);
					const retryAt = now() + delayMs;
					if (delayMs > options.maxQuotaWaitMs || retryAt >= deadline) {
						const details = asked === undefined ? {} : { retryAfterSeconds: Math.ceil(asked / 1_000) };
						throw new GeminiGaveUp("quotaExhausted", details, { cause: err });
					}
					wait = { kind: "quota", retryAt };
				} else {
					if (retries >= options.retries) throw err;
					const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** retries);
					delayMs = Math.max(Math.floor(ceiling / 2 + (random() * ceiling) / 2), retryDelayOf(err) ?? 0);
					const retryAt = now() + delayMs;
					if (retryAt >= deadline) throw gaveUp(err);
					wait = { kind: "retry", retryAt, attempt: ++retries };
				}
				options.onWait?.(wait, err);
				await untilAborted(sleep(delayMs, signal), signal);
			}
		}
	} finally {
		timer.dispose();
	}
}
