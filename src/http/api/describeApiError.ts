// src/http/api/describeApiError.ts: any failure of an API turn as an HTTP status, a stable code and a message.
import { randomBytes } from "node:crypto";
import { ApiError } from "@google/genai";
import { TurnInterrupted } from "../../conversation/lifecycle.js";
import { isStoreUnavailable } from "../../conversation/storeUnavailable.js";
import { userInputMessages } from "../../discord/messages.js";
import { UserInputError } from "../../errors.js";
import { GeminiGaveUp, GeminiStreamCut } from "../../gemini/errors.js";
import { retryDelayOf } from "../../gemini/withRetry.js";
import { PolicyDenied } from "../../moderation/policyErrors.js";
import { apiMessages } from "./apiMessages.js";

/** An error answer: status, JSON body, headers (Retry-After), and how loudly to log it. */
export type ApiProblem = {
	status: number;
	body: { error: string; message: string; details?: Record<string, unknown>; ref?: string };
	headers?: Record<string, string>;
	level: "info" | "warn" | "error";
};

const QUOTA_FALLBACK_SECONDS = 60;

/** A problem with Retry-After set to `seconds` (at least 1). */
const retryAfter = (problem: Omit<ApiProblem, "headers">, seconds: number): ApiProblem => ({
	...problem,
	headers: { "retry-after": String(Math.max(1, Math.ceil(seconds))) },
});

const snakeCase = (code: string) => code.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Input codes whose API name says more than their snake_case. */
const INPUT_CODES: Record<string, string> = {
	aspectUnsupported: "unsupported_aspect_ratio",
	sizeUnsupported: "unsupported_size",
	notAnImage: "not_an_image",
};

function describeInput(err: UserInputError): ApiProblem {
	const message = (userInputMessages as Record<string, (details: unknown) => string>)[err.code]?.(err.details);
	return {
		status: err.code === "imageTooLarge" ? 413 : 400,
		body: {
			error: INPUT_CODES[err.code] ?? snakeCase(err.code),
			message: message ?? err.code,
			details: err.details as Record<string, unknown>,
		},
		level: "info",
	};
}

function describeDenial(err: PolicyDenied): ApiProblem {
	const secondsUntil = (iso: string) => (Date.parse(iso) - Date.now()) / 1_000;
	switch (err.code) {
		case "memberQuota":
		case "serverQuota": {
			const { limit, used, resetsAt } = (err as PolicyDenied<"memberQuota">).details;
			const body = { error: "daily_quota_exceeded", message: apiMessages.dailyQuota(limit, resetsAt) };
			return retryAfter(
				{ status: 429, body: { ...body, details: { limit, used, resetsAt } }, level: "info" },
				secondsUntil(resetsAt),
			);
		}
		case "cooldown": {
			const { secondsLeft } = (err as PolicyDenied<"cooldown">).details;
			const body = { error: "cooldown", message: apiMessages.cooldown(secondsLeft) };
			return retryAfter({ status: 429, body, level: "info" }, secondsLeft);
		}
		case "blocklisted": {
			const { matched } = (err as PolicyDenied<"blocklisted">).details;
			return {
				status: 422,
				body: { error: "prompt_blocklisted", message: apiMessages.blocklisted(matched) },
				level: "info",
			};
		}
		default:
			return { status: 403, body: { error: "forbidden", message: apiMessages.forbidden }, level: "warn" };
	}
}

function describeGemini(err: ApiError, ref: string): ApiProblem {
	if (err.status === 429) {
		const seconds = (retryDelayOf(err) ?? QUOTA_FALLBACK_SECONDS * 1_000) / 1_000;
		const body = { error: "gemini_quota", message: apiMessages.geminiQuota(Math.ceil(seconds)) };
		return retryAfter({ status: 429, body, level: "warn" }, seconds);
	}
	if (err.status >= 500) {
		return {
			status: 503,
			body: { error: "gemini_unavailable", message: apiMessages.geminiUnavailable },
			level: "warn",
		};
	}
	// 400, 401, 403, 404: the bot's request, key or model; the client can do nothing about it.
	return {
		status: 502,
		body: { error: "gemini_rejected", message: apiMessages.geminiRejected(ref), ref },
		level: "error",
	};
}

/** Maps an error to the API's answer; never includes an error's message, stack or a raw upstream body. */
export function describeApiError(err: unknown): ApiProblem {
	const ref = randomBytes(4).toString("hex");
	if (err instanceof UserInputError) return describeInput(err);
	if (err instanceof PolicyDenied) return describeDenial(err);
	if (err instanceof GeminiGaveUp) {
		if (err.code === "deadline") {
			const { seconds } = (err as GeminiGaveUp<"deadline">).details;
			return {
				status: 504,
				body: { error: "gemini_timeout", message: apiMessages.geminiTimeout(seconds) },
				level: "warn",
			};
		}
		const asked = (err as GeminiGaveUp<"quotaExhausted">).details.retryAfterSeconds ?? QUOTA_FALLBACK_SECONDS;
		const body = { error: "gemini_quota", message: apiMessages.geminiQuota(asked) };
		return retryAfter({ status: 429, body, level: "warn" }, asked);
	}
	if (err instanceof TurnInterrupted) {
		const body = { error: "shutting_down", message: apiMessages.shuttingDown };
		return retryAfter({ status: 503, body, level: "info" }, 60);
	}
	if (err instanceof ApiError) return describeGemini(err, ref);
	// No whole answer came through any attempt (connection failed or cut): Gemini is unavailable to us.
	if (err instanceof GeminiStreamCut) {
		return {
			status: 503,
			body: { error: "gemini_unavailable", message: apiMessages.geminiUnavailable },
			level: "warn",
		};
	}
	if (err instanceof Error && err.name === "TimeoutError") {
		return { status: 504, body: { error: "gemini_timeout", message: apiMessages.geminiTimeout() }, level: "warn" };
	}
	if (isStoreUnavailable(err)) {
		const body = { error: "store_unavailable", message: apiMessages.storeUnavailable };
		return retryAfter({ status: 503, body, level: "warn" }, 5);
	}
	return { status: 500, body: { error: "internal_error", message: apiMessages.internal(ref), ref }, level: "error" };
}
