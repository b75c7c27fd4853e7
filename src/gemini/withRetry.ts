// src/gemini/withRetry.ts: retries Gemini calls on 429, 5xx and timeouts with backoff and jitter, honouring RetryInfo.
import { ApiError } from "@google/genai";

export type RetryOptions = {
	retries: number;
	baseDelayMs?: number;
	maxDelayMs?: number;
	signal?: AbortSignal;
	/** Injected for tests; defaults to a timer that the signal cancels. */
	sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	random?: () => number;
	onRetry?: (info: { attempt: number; delayMs: number; err: unknown }) => void;
};

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** True for errors worth another attempt: quota (429), server errors and per-attempt timeouts; never a 400 or a block. */
export function isRetryable(err: unknown): boolean {
	if (err instanceof ApiError) return RETRYABLE_STATUS.has(err.status);
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

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const timer = setTimeout(() => {
			signal?.removeEventListener("abort", onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		signal?.addEventListener("abort", onAbort, { once: true });
	});
}

/** Runs `call` until it succeeds, fails with a non-retryable error, or runs out of retries (then rethrows the last error). */
export async function withRetry<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
	const { retries, baseDelayMs = 1_000, maxDelayMs = 60_000, signal, sleep = sleepFor, random = Math.random } = options;
	for (let attempt = 0; ; attempt++) {
		try {
			return await call(attempt);
		} catch (err) {
			if (attempt >= retries || !isRetryable(err) || signal?.aborted) throw err;
			// Full jitter on an exponential ceiling, but never sooner than the server asked.
			const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt) * (0.5 + random() / 2);
			const delayMs = Math.round(Math.min(maxDelayMs, Math.max(backoff, retryDelayOf(err) ?? 0)));
			options.onRetry?.({ attempt: attempt + 1, delayMs, err });
			await sleep(delayMs, signal);
		}
	}
}

/** For a Gemini quota error (429), how long to wait before trying again: RetryInfo's delay, else `fallbackMs`. */
export function quotaWaitOf(err: unknown, fallbackMs: number): number | undefined {
	return err instanceof ApiError && err.status === 429 ? (retryDelayOf(err) ?? fallbackMs) : undefined;
}
