import { ApiError } from "@google/genai";
import { describe, expect, it } from "vitest";
import { isRetryable, retryDelayOf, withRetry } from "../../src/gemini/withRetry.js";

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
	const err = new Error("The operation was aborted due to timeout");
	err.name = "TimeoutError";
	return err;
}

/** A call that throws the given errors in turn, then resolves "ok"; records how often it ran. */
function scripted(errors: unknown[]) {
	const attempts: number[] = [];
	const call = async (attempt: number) => {
		attempts.push(attempt);
		const next = errors.shift();
		if (next !== undefined) throw next;
		return "ok";
	};
	return { call, attempts };
}

function recordingSleep() {
	const delays: number[] = [];
	const sleep = async (ms: number) => {
		delays.push(ms);
	};
	return { sleep, delays };
}

describe("withRetry", () => {
	it.each([429, 500, 502, 503, 504])("retries an ApiError with status %i", async (status) => {
		const { call, attempts } = scripted([apiError(status)]);
		const { sleep, delays } = recordingSleep();
		await expect(withRetry(call, { retries: 3, sleep, random: () => 0.5 })).resolves.toBe("ok");
		expect(attempts).toEqual([0, 1]);
		expect(delays).toHaveLength(1);
	});

	it.each([400, 401, 403, 404])("never retries status %i", async (status) => {
		const err = apiError(status);
		const { call, attempts } = scripted([err]);
		const { sleep, delays } = recordingSleep();
		await expect(withRetry(call, { retries: 3, sleep })).rejects.toBe(err);
		expect(attempts).toEqual([0]);
		expect(delays).toEqual([]);
	});

	it("retries a per-attempt timeout (an Error named TimeoutError)", async () => {
		const { call, attempts } = scripted([timeoutError(), timeoutError()]);
		const { sleep } = recordingSleep();
		await expect(withRetry(call, { retries: 3, sleep, random: () => 0 })).resolves.toBe("ok");
		expect(attempts).toEqual([0, 1, 2]);
	});

	it("does not retry a plain Error", async () => {
		const { call, attempts } = scripted([new Error("boom")]);
		const { sleep } = recordingSleep();
		await expect(withRetry(call, { retries: 3, sleep })).rejects.toThrow("boom");
		expect(attempts).toEqual([0]);
	});

	it("honours RetryInfo: waits at least the delay the server asked for", async () => {
		const { call } = scripted([apiError(429, "7s")]);
		const { sleep, delays } = recordingSleep();
		await withRetry(call, { retries: 2, baseDelayMs: 100, sleep, random: () => 0 });
		expect(delays).toHaveLength(1);
		expect(delays[0]).toBeGreaterThanOrEqual(7_000);
	});

	it.each([
		["7s", 7_000],
		["1.5s", 1_500],
		["0.25s", 250],
		["12s", 12_000],
	])("reads retryDelay %s as %i ms", (retryDelay, ms) => {
		expect(retryDelayOf(apiError(429, retryDelay))).toBe(ms);
	});

	it("reads no retryDelay from a body without RetryInfo or a non-JSON message", () => {
		expect(retryDelayOf(apiError(429))).toBeUndefined();
		expect(retryDelayOf(new ApiError({ message: "not json", status: 429 }))).toBeUndefined();
		expect(retryDelayOf(new Error("x"))).toBeUndefined();
	});

	it("rethrows the last error once retries are used up", async () => {
		const errors = [apiError(503), apiError(503), apiError(503), apiError(500)];
		const last = errors[3];
		const { call, attempts } = scripted([...errors]);
		const { sleep, delays } = recordingSleep();
		await expect(withRetry(call, { retries: 3, sleep, random: () => 0.5 })).rejects.toBe(last);
		expect(attempts).toEqual([0, 1, 2, 3]);
		expect(delays).toHaveLength(3);
	});

	it("makes a single attempt with retries 0", async () => {
		const err = apiError(503);
		const { call, attempts } = scripted([err]);
		const { sleep } = recordingSleep();
		await expect(withRetry(call, { retries: 0, sleep })).rejects.toBe(err);
		expect(attempts).toEqual([0]);
	});

	it("grows the backoff exponentially", async () => {
		const { call } = scripted([apiError(503), apiError(503), apiError(503), apiError(503)]);
		const { sleep, delays } = recordingSleep();
		await withRetry(call, { retries: 4, baseDelayMs: 1_000, sleep, random: () => 1 });
		expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
	});

	it("applies jitter from the injected random source", async () => {
		const low = recordingSleep();
		const high = recordingSleep();
		await withRetry(scripted([apiError(503)]).call, {
			retries: 1,
			baseDelayMs: 1_000,
			sleep: low.sleep,
			random: () => 0,
		});
		await withRetry(scripted([apiError(503)]).call, {
			retries: 1,
			baseDelayMs: 1_000,
			sleep: high.sleep,
			random: () => 1,
		});
		expect(low.delays).toEqual([500]);
		expect(high.delays).toEqual([1_000]);
	});

	it("caps every delay at maxDelayMs, RetryInfo included", async () => {
		const { call } = scripted([apiError(503), apiError(503), apiError(503), apiError(429, "120s")]);
		const { sleep, delays } = recordingSleep();
		await withRetry(call, { retries: 5, baseDelayMs: 1_000, maxDelayMs: 3_000, sleep, random: () => 1 });
		expect(delays).toEqual([1_000, 2_000, 3_000, 3_000]);
		expect(Math.max(...delays)).toBeLessThanOrEqual(3_000);
	});

	it("reports each retry through onRetry", async () => {
		const err = apiError(503);
		const { call } = scripted([err]);
		const { sleep } = recordingSleep();
		const seen: { attempt: number; delayMs: number; err: unknown }[] = [];
		await withRetry(call, { retries: 2, baseDelayMs: 10, sleep, random: () => 1, onRetry: (info) => seen.push(info) });
		expect(seen).toEqual([{ attempt: 1, delayMs: 10, err }]);
	});

	it("stops retrying once the signal is aborted", async () => {
		const controller = new AbortController();
		const attempts: number[] = [];
		const call = async (attempt: number) => {
			attempts.push(attempt);
			controller.abort();
			throw apiError(503);
		};
		const { sleep } = recordingSleep();
		await expect(withRetry(call, { retries: 3, signal: controller.signal, sleep })).rejects.toBeInstanceOf(ApiError);
		expect(attempts).toEqual([0]);
	});

	it("the default sleep gives up when the signal aborts mid-wait", async () => {
		const controller = new AbortController();
		const { call, attempts } = scripted([apiError(503)]);
		// onRetry runs just before the wait starts; the abort lands once the hour-long timer is set.
		const pending = withRetry(call, {
			retries: 1,
			baseDelayMs: 3_600_000,
			signal: controller.signal,
			onRetry: () => queueMicrotask(() => controller.abort(new Error("cancelled"))),
		});
		await expect(pending).rejects.toThrow("cancelled");
		expect(attempts).toEqual([0]);
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
