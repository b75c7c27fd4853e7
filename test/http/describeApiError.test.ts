// test/http/describeApiError.test.ts: every failure of an API turn maps to its status, code and Retry-After.

import { ApiError } from "@google/genai";
import { ClientOfflineError, SocketClosedUnexpectedlyError } from "@redis/client";
import { describe, expect, it } from "vitest";
import { TurnInterrupted } from "../../src/conversation/lifecycle.js";
import { isStoreUnavailable } from "../../src/conversation/storeUnavailable.js";
import { english } from "../../src/discord/i18n/catalogue.js";
import { describeError } from "../../src/discord/routing/describeError.js";
import { UserInputError } from "../../src/errors.js";
import { GeminiGaveUp, GeminiStreamCut } from "../../src/gemini/errors.js";
import { describeApiError } from "../../src/http/api/describeApiError.js";
import { PolicyDenied } from "../../src/moderation/policyErrors.js";

/** These tests read the English catalogue. */
const t = english;

const apiError = (status: number, details?: unknown[]) =>
	new ApiError({ status, message: JSON.stringify({ error: { code: status, details } }) });
const timeout = Object.assign(new Error("timed out"), { name: "TimeoutError" });
const inAnHour = new Date(Date.now() + 3_600_000).toISOString();

describe("describeApiError", () => {
	it.each<[string, unknown, number, string, string | undefined]>([
		["too many images", new UserInputError("tooManyImages", { max: 3, got: 4 }), 400, "too_many_images", undefined],
		[
			"an image over the cap",
			new UserInputError("imageTooLarge", { name: "a", maxMb: 20 }),
			413,
			"image_too_large",
			undefined,
		],
		["not an image", new UserInputError("notAnImage", { name: "a" }), 400, "not_an_image", undefined],
		[
			"an unsupported size",
			new UserInputError("sizeUnsupported", { size: "4K", model: "m", sizes: [] }),
			400,
			"unsupported_size",
			undefined,
		],
		["an empty prompt", new UserInputError("promptEmpty", {}), 400, "prompt_empty", undefined],
		[
			"the daily images",
			new PolicyDenied("memberQuota", { limit: 5, used: 5, requested: 1, resetsAt: inAnHour }),
			429,
			"daily_quota_exceeded",
			"3600",
		],
		["a cooldown", new PolicyDenied("cooldown", { secondsLeft: 7, cooldownSeconds: 10 }), 429, "cooldown", "7"],
		[
			"a blocklisted word",
			new PolicyDenied("blocklisted", { matched: "x", pattern: "x" }),
			422,
			"prompt_blocklisted",
			undefined,
		],
		["the turn's deadline", new GeminiGaveUp("deadline", { seconds: 180 }), 504, "gemini_timeout", undefined],
		["Gemini's quota, no RetryInfo", new GeminiGaveUp("quotaExhausted", {}), 429, "gemini_quota", "60"],
		[
			"Gemini's quota for 2 minutes",
			new GeminiGaveUp("quotaExhausted", { retryAfterSeconds: 120 }),
			429,
			"gemini_quota",
			"120",
		],
		[
			"a 429 with RetryInfo",
			apiError(429, [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "12s" }]),
			429,
			"gemini_quota",
			"12",
		],
		["a 503", apiError(503), 503, "gemini_unavailable", undefined],
		["a 500", apiError(500), 503, "gemini_unavailable", undefined],
		["no whole answer through any attempt", new GeminiStreamCut(), 503, "gemini_unavailable", undefined],
		["a 400 from Gemini", apiError(400), 502, "gemini_rejected", undefined],
		["a refused key", apiError(403), 502, "gemini_rejected", undefined],
		["an attempt's timeout", timeout, 504, "gemini_timeout", undefined],
		["shutdown", new TurnInterrupted(), 503, "shutting_down", "60"],
		["Redis offline", new ClientOfflineError(), 503, "store_unavailable", "5"],
		["anything else", new Error("boom"), 500, "internal_error", undefined],
	])("answers %s with %i %s", (_name, err, status, code, retryAfter) => {
		const problem = describeApiError(err);
		expect(problem.status).toBe(status);
		expect(problem.body.error).toBe(code);
		expect(problem.headers?.["retry-after"]).toBe(retryAfter);
		// Never an error's own message or an upstream body.
		expect(problem.body.message).not.toMatch(/boom|"code"|details/);
	});

	it("gives unexpected and upstream-rejected errors a ref to quote", () => {
		expect(describeApiError(new Error("boom")).body.ref).toMatch(/^[0-9a-f]{8}$/);
		const rejected = describeApiError(apiError(400));
		expect(rejected.body.message).toContain(`ref ${rejected.body.ref}`);
	});
});

describe("isStoreUnavailable", () => {
	it("knows Redis's connection errors, also as a cause, and nothing else", () => {
		expect(isStoreUnavailable(new ClientOfflineError())).toBe(true);
		expect(isStoreUnavailable(new Error("wrapped", { cause: new SocketClosedUnexpectedlyError() }))).toBe(true);
		expect(isStoreUnavailable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
		expect(isStoreUnavailable(new Error("Redis client is not connected or has failed to connect."))).toBe(true);
		expect(isStoreUnavailable(new Error("WRONGTYPE"))).toBe(false);
		expect(isStoreUnavailable(undefined)).toBe(false);
	});

	it("tells a Discord member the store is unreachable, at warn, without a ref to report", () => {
		const described = describeError(new ClientOfflineError(), "gemini-3.1-flash-image", t);
		expect(described).toMatchObject({ level: "warn", kind: "storeUnavailable" });
		expect(described.text).toMatch(/cannot reach my storage/);
		expect(described.text).not.toContain(described.ref);
	});
});
