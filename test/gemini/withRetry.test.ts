import { ApiError } from "@google/genai";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GeminiGaveUp } from "../../src/gemini/errors.js";
import {
	type GeminiWait,
	isRetryable,
	type RetryOptions,
	retryDelayOf,
	withRetry,
} from "../../src/gemini/withRetry.js";

const T0 = Date.UTC(2026, 0, 1);
const HOUR_MS = 3_600_000;

beforeEach(() => {
	vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
	vi.useRealTimers();
});

function apiError(status: number, retryDelay?: string): ApiError {
	const body = {
		error: {
			code: status,
			message: "fake",
			status: status === 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE",
			...(retryDelay
				? {
						details: [
							{ "@type": "type.googleapis.com/google.rpc.QuotaFailure", violations: [] },
							{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay },
						],
					}
				: {}),
		},
	};
	return new ApiError({ message: JSON.stringify(body), status });
}

function timeoutError(): Error {
	return new DOMException("The operation was aborted due to timeout", "TimeoutError");
}

/** A call that throws the given errors in turn, then resolves "ok"; records each attempt and the signal it got. */
function scripted(errors: unknown[]) {
	const attempts: number[] = [];
	const signals: AbortSignal[] = [];
	const call = async (attempt: number, signal: AbortSignal) => {
		attempts.push(attempt);
		signals.push(signal);
		const next = errors.shift();
		if (next !== undefined) throw next;
		return "ok";
	};
	return { call, attempts, signals };
}

/** A call that never settles and ignores its signal, as a stuck request would if nothing aborted it. */
function hanging() {
	const signals: AbortSignal[] = [];
	const call = (_attempt: number, signal: AbortSignal) => {
		signals.push(signal);
		return new Promise<string>(() => {});
	};
	return { call, signals };
}

/** Sleeps that return at once and remember how long they were asked to wait. */
function recordingSleep() {
	const delays: number[] = [];
	const sleep = async (ms: number) => {
		delays.push(ms);
	};
	return { sleep, delays };
}

type Settled = { value?: string; error?: unknown; done: boolean };

/** Starts withRetry with test defaults (an hour's deadline, fake clock) and tracks how it settles. */
function start(call: (attempt: number, signal: AbortSignal) => Promise<string>, overrides: Partial<RetryOptions> = {}) {
	const waits: GeminiWait[] = [];
	const settled: Settled = { done: false };
	const options: RetryOptions = {
		retries: 3,
		deadline: T0 + HOUR_MS,
		maxQuotaWaitMs: 60_000,
		now: () => Date.now(),
		onWait: (wait) => waits.push(wait),
		...overrides,
	};
	const promise = withRetry(call, options).then(
		(value) => Object.assign(settled, { value, done: true }),
		(error: unknown) => Object.assign(settled, { error, done: true }),
	);
	/** Runs every pending timer (waits, and a hanging call's deadline) until the call has settled. */
	const finish = async () => {
		await vi.runAllTimersAsync();
		return promise;
	};
	return { waits, settled, finish };
}

describe("withRetry: which failures are retried", () => {
	it.each([
		[400, false],
		[401, false],
		[403, false],
		[404, false],
		[408, true],
		[409, false],
		[429, true],
		[500, true],
		[501, false],
		[502, true],
		[503, true],
		[504, true],
	])("status %i → retried: %s", async (status, retried) => {
		const err = apiError(status);
		const { call, attempts } = scripted([err]);
		const run = start(call, { random: () => 0.5 });
		const settled = await run.finish();
		if (retried) {
			expect(settled).toEqual({ value: "ok", done: true });
			expect(attempts).toEqual([0, 1]);
			expect(run.waits).toHaveLength(1);
		} else {
			expect(settled.error).toBe(err);
			expect(attempts).toEqual([0]);
			expect(run.waits).toEqual([]);
		}
	});

	it.each([
		["a per-attempt timeout (TimeoutError)", timeoutError(), true],
		["an AbortError that is not ours", new DOMException("aborted", "AbortError"), false],
		["a plain Error", new Error("boom"), false],
		["a non-Error", "a string", false],
	])("%s → retried: %s", async (_name, err, retried) => {
		const { call, attempts } = scripted([err]);
		const settled = await start(call).finish();
		expect(attempts).toEqual(retried ? [0, 1] : [0]);
		if (retried) expect(settled.value).toBe("ok");
		else expect(settled.error).toBe(err);
	});

	it("rethrows the last error once retries are used up, reporting each retry's number", async () => {
		const errors = [apiError(503), apiError(503), apiError(503), apiError(500)];
		const last = errors[3];
		const { call, attempts } = scripted([...errors]);
		const run = start(call, { retries: 3 });
		expect((await run.finish()).error).toBe(last);
		expect(attempts).toEqual([0, 1, 2, 3]);
		expect(run.waits.map((wait) => (wait.kind === "retry" ? wait.attempt : wait.kind))).toEqual([1, 2, 3]);
	});

	it("makes a single attempt with retries 0", async () => {
		const err = apiError(503);
		const { call, attempts } = scripted([err]);
		expect((await start(call, { retries: 0 }).finish()).error).toBe(err);
		expect(attempts).toEqual([0]);
	});
});

describe("withRetry: backoff", () => {
	it("grows the backoff exponentially up to maxDelayMs, reporting retryAt", async () => {
		const { call } = scripted([apiError(503), apiError(503), apiError(503), apiError(503)]);
		const { sleep, delays } = recordingSleep();
		const run = start(call, { retries: 4, baseDelayMs: 1_000, maxDelayMs: 5_000, sleep, random: () => 1 });
		await run.finish();
		expect(delays).toEqual([1_000, 2_000, 4_000, 5_000]);
		expect(run.waits).toEqual(delays.map((ms, index) => ({ kind: "retry", retryAt: T0 + ms, attempt: index + 1 })));
	});

	// Equal jitter: half the exponential ceiling is fixed, the other half random, so a retry never fires at once.
	it.each([0, 0.25, 0.5, 0.999])("with random() = %f the delay lies in [ceiling / 2, ceiling)", async (random) => {
		const { call } = scripted([apiError(503), apiError(503)]);
		const { sleep, delays } = recordingSleep();
		await start(call, { baseDelayMs: 1_000, sleep, random: () => random }).finish();
		expect(delays).toEqual([Math.floor(500 + random * 500), Math.floor(1_000 + random * 1_000)]);
		for (const [index, ms] of delays.entries()) {
			const ceiling = 1_000 * 2 ** index;
			expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
			expect(ms).toBeLessThan(ceiling);
		}
	});

	it("waits at least what RetryInfo asks on a 5xx", async () => {
		const { call } = scripted([apiError(503, "7s")]);
		const { sleep, delays } = recordingSleep();
		await start(call, { baseDelayMs: 100, sleep, random: () => 0 }).finish();
		expect(delays).toEqual([7_000]);
	});

	it("gives up at once with GeminiGaveUp deadline when a backoff would reach the deadline", async () => {
		const second = apiError(503);
		const { call, attempts } = scripted([apiError(503), second]);
		const { sleep, delays } = recordingSleep();
		const run = start(call, { deadline: T0 + 1_500, baseDelayMs: 1_000, sleep, random: () => 1 });
		const { error } = await run.finish();
		expect(error).toBeInstanceOf(GeminiGaveUp);
		expect(error).toMatchObject({ code: "deadline", details: { seconds: 2 }, cause: second });
		expect(attempts).toEqual([0, 1]);
		expect(delays).toEqual([1_000]);
	});
});

describe("withRetry: quota (429)", () => {
	it("waits out RetryInfo within the bound, reports the quota wait with its retryAt, and succeeds", async () => {
		const { call, attempts } = scripted([apiError(429, "7s")]);
		const run = start(call, { maxQuotaWaitMs: 10_000 });
		const settled = await run.finish();
		expect(settled.value).toBe("ok");
		expect(attempts).toEqual([0, 1]);
		expect(run.waits).toEqual([{ kind: "quota", retryAt: T0 + 7_000 }]);
		expect(Date.now()).toBe(T0 + 7_000);
	});

	it("waits the fallback (30 s) when a 429 carries no RetryInfo", async () => {
		const { call } = scripted([apiError(429)]);
		const run = start(call);
		expect((await run.finish()).value).toBe("ok");
		expect(run.waits).toEqual([{ kind: "quota", retryAt: T0 + 30_000 }]);
	});

	it("does not spend retries on quota waits", async () => {
		const { call, attempts } = scripted([apiError(429, "2s"), apiError(429, "2s"), apiError(503), apiError(429, "2s")]);
		const { sleep } = recordingSleep();
		const run = start(call, { retries: 1, maxQuotaWaitMs: 10_000, sleep, random: () => 1 });
		expect((await run.finish()).value).toBe("ok");
		expect(attempts).toEqual([0, 1, 2, 3, 4]);
		expect(run.waits.map((wait) => wait.kind)).toEqual(["quota", "quota", "retry", "quota"]);
	});

	it("fails at once with quotaExhausted, without waiting, when a 429 asks for more than maxQuotaWaitMs", async () => {
		const err = apiError(429, "600s");
		const { call, attempts } = scripted([err]);
		const { sleep, delays } = recordingSleep();
		const run = start(call, { maxQuotaWaitMs: 60_000, sleep });
		const { error } = await run.finish();
		expect(error).toBeInstanceOf(GeminiGaveUp);
		expect(error).toMatchObject({ code: "quotaExhausted", details: { retryAfterSeconds: 600 }, cause: err });
		expect(attempts).toEqual([0]);
		expect(delays).toEqual([]);
		expect(run.waits).toEqual([]);
	});

	it("sits out successive 429s, each within the bound, until the next would pass the deadline", async () => {
		const { call, attempts } = scripted([apiError(429, "4s"), apiError(429, "4s"), apiError(429, "4s")]);
		const run = start(call, { retries: 0, maxQuotaWaitMs: 5_000, deadline: T0 + 10_000 });
		const { error } = await run.finish();
		expect(error).toMatchObject({ code: "quotaExhausted", details: { retryAfterSeconds: 4 } });
		expect(attempts).toEqual([0, 1, 2]);
		expect(run.waits).toEqual([
			{ kind: "quota", retryAt: T0 + 4_000 },
			{ kind: "quota", retryAt: T0 + 8_000 },
		]);
	});

	it("waits at least baseDelayMs even when RetryInfo says 0s, so 429s never spin", async () => {
		const { call } = scripted([apiError(429, "0s")]);
		const run = start(call, { baseDelayMs: 1_000 });
		expect((await run.finish()).value).toBe("ok");
		expect(run.waits).toEqual([{ kind: "quota", retryAt: T0 + 1_000 }]);
	});

	it("fails at once with quotaExhausted when the quota wait would pass the deadline", async () => {
		const { call } = scripted([apiError(429, "10s")]);
		const { sleep, delays } = recordingSleep();
		const { error } = await start(call, { deadline: T0 + 5_000, sleep }).finish();
		expect(error).toMatchObject({ code: "quotaExhausted", details: { retryAfterSeconds: 10 } });
		expect(delays).toEqual([]);
	});

	it("gives no retryAfterSeconds when the 429 named no delay and the fallback is over the bound", async () => {
		const { call } = scripted([apiError(429)]);
		const { error } = await start(call, { maxQuotaWaitMs: 10_000 }).finish();
		expect(error).toMatchObject({ code: "quotaExhausted", details: {} });
		expect((error as GeminiGaveUp<"quotaExhausted">).details.retryAfterSeconds).toBeUndefined();
	});
});

describe("withRetry: deadline", () => {
	it("ends a hanging call at the deadline with GeminiGaveUp deadline and aborts the attempt's signal", async () => {
		const { call, signals } = hanging();
		const run = start(call, { deadline: T0 + 10_000 });
		await vi.advanceTimersByTimeAsync(9_999);
		expect(run.settled.done).toBe(false);
		expect(signals[0]?.aborted).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(run.settled.done).toBe(true);
		expect(run.settled.error).toBeInstanceOf(GeminiGaveUp);
		expect(run.settled.error).toMatchObject({ code: "deadline", details: { seconds: 10 } });
		expect(signals).toHaveLength(1);
		expect(signals[0]?.aborted).toBe(true);
		expect(signals[0]?.reason).toBe(run.settled.error);
	});

	it("ends a retry's hanging attempt at the deadline too", async () => {
		let attempts = 0;
		const call = (_attempt: number, _signal: AbortSignal) =>
			attempts++ === 0 ? Promise.reject(apiError(503)) : new Promise<string>(() => {});
		const run = start(call, { deadline: T0 + 10_000, random: () => 0 });
		await vi.advanceTimersByTimeAsync(10_000);
		expect(run.settled.error).toMatchObject({ code: "deadline", details: { seconds: 10 } });
		expect(attempts).toBe(2);
		expect(run.waits).toEqual([{ kind: "retry", retryAt: T0 + 500, attempt: 1 }]);
	});

	it("makes no attempt when the deadline has already passed", async () => {
		const { call, attempts } = scripted([]);
		const { error } = await start(call, { deadline: T0 }).finish();
		expect(error).toMatchObject({ code: "deadline" });
		expect(attempts).toEqual([]);
	});
});

describe("withRetry: cancellation", () => {
	it("rejects with the signal's reason when cancelled mid-wait, and makes no further attempt", async () => {
		const controller = new AbortController();
		const reason = new Error("cancelled");
		const { call, attempts } = scripted([apiError(503)]);
		const run = start(call, { signal: controller.signal, baseDelayMs: HOUR_MS / 4, random: () => 0 });
		await vi.advanceTimersByTimeAsync(1_000);
		expect(run.waits).toHaveLength(1);
		controller.abort(reason);
		await vi.advanceTimersByTimeAsync(0);
		expect(run.settled).toEqual({ error: reason, done: true });
		expect(attempts).toEqual([0]);
	});

	it("ends a wait even when an injected sleep ignores the signal", async () => {
		const controller = new AbortController();
		const reason = new Error("shutdown");
		const { call, attempts } = scripted([apiError(429, "30s")]);
		const run = start(call, { signal: controller.signal, sleep: () => new Promise(() => {}) });
		await vi.advanceTimersByTimeAsync(0);
		controller.abort(reason);
		await vi.advanceTimersByTimeAsync(0);
		expect(run.settled.error).toBe(reason);
		expect(attempts).toEqual([0]);
	});

	it("rejects with the reason mid-attempt and aborts the attempt's signal", async () => {
		const controller = new AbortController();
		const reason = new Error("member left");
		const { call, signals } = hanging();
		const run = start(call, { signal: controller.signal });
		await vi.advanceTimersByTimeAsync(1_000);
		controller.abort(reason);
		await vi.advanceTimersByTimeAsync(0);
		expect(run.settled.error).toBe(reason);
		expect(signals).toHaveLength(1);
		expect(signals[0]?.reason).toBe(reason);
	});

	it("does not retry a failure that arrives after the signal aborted", async () => {
		const controller = new AbortController();
		const reason = new Error("cancelled");
		const attempts: number[] = [];
		const call = async (attempt: number) => {
			attempts.push(attempt);
			controller.abort(reason);
			throw apiError(503);
		};
		const { error } = await start(call, { signal: controller.signal }).finish();
		expect(error).toBe(reason);
		expect(attempts).toEqual([0]);
	});

	it("makes no attempt when the signal is already aborted", async () => {
		const reason = new Error("gone");
		const { call, attempts } = scripted([]);
		const { error } = await start(call, { signal: AbortSignal.abort(reason) }).finish();
		expect(error).toBe(reason);
		expect(attempts).toEqual([]);
	});
});

describe("retryDelayOf", () => {
	it.each([
		["7s", 7_000],
		["1.5s", 1_500],
		["0.25s", 250],
		["600s", 600_000],
	])("reads retryDelay %s as %i ms", (retryDelay, ms) => {
		expect(retryDelayOf(apiError(429, retryDelay))).toBe(ms);
	});

	it("reads no retryDelay from a body without RetryInfo or a non-JSON message", () => {
		expect(retryDelayOf(apiError(429))).toBeUndefined();
		expect(retryDelayOf(new ApiError({ message: "not json", status: 429 }))).toBeUndefined();
		expect(retryDelayOf(new Error("x"))).toBeUndefined();
	});
});

describe("isRetryable", () => {
	it.each([
		[apiError(429), true],
		[apiError(500), true],
		[apiError(503), true],
		[apiError(400), false],
		[timeoutError(), true],
		[new Error("x"), false],
		["a string", false],
	])("%s → %s", (err, expected) => {
		expect(isRetryable(err)).toBe(expected);
	});
});
