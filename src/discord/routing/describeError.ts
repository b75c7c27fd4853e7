// src/discord/routing/describeError.ts: turns any error into the line a member sees, and says how loudly to log it.
import { randomBytes } from "node:crypto";
import { ApiError } from "@google/genai";
import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";
import { TurnInterrupted } from "../../conversation/lifecycle.js";
import { isStoreUnavailable } from "../../conversation/storeUnavailable.js";
import { type UserInputCode, UserInputError } from "../../errors.js";
import { GeminiGaveUp, GeminiStreamCut } from "../../gemini/errors.js";
import { retryDelayOf } from "../../gemini/withRetry.js";
import { PolicyDenied } from "../../moderation/policyErrors.js";
import type { Text } from "../i18n/textFor.js";

export type DescribedError = { text: string; ref: string; level: "info" | "warn" | "error"; kind: string };

/** A short id shown to the member and logged with the error, so an operator can find one from the other. */
export const newRef = () => randomBytes(4).toString("hex");

function describeInput<Code extends UserInputCode>(err: UserInputError<Code>, t: Text): string {
	return t.userInputMessages[err.code](err.details);
}

function describeDenial<Code extends PolicyDenied["code"]>(err: PolicyDenied<Code>, t: Text): string {
	return t.policyMessages[err.code](err.details);
}

function describeGaveUp(err: GeminiGaveUp, t: Text): string {
	if (err.code === "deadline") return t.messages.geminiDeadline((err as GeminiGaveUp<"deadline">).details.seconds);
	return t.messages.geminiQuotaExhausted((err as GeminiGaveUp<"quotaExhausted">).details.retryAfterSeconds);
}

function describeGemini(err: ApiError, model: string, ref: string, t: Text): DescribedError {
	if (err.status === 429) {
		const delay = retryDelayOf(err);
		const text = t.messages.geminiQuota(delay ? Math.ceil(delay / 1_000) : undefined);
		return { text, ref, level: "warn", kind: "geminiQuota" };
	}
	if (err.status >= 500) return { text: t.messages.geminiUnavailable, ref, level: "warn", kind: "geminiUnavailable" };
	if (err.status === 401 || err.status === 403) {
		return { text: t.messages.geminiAuth(ref), ref, level: "error", kind: "geminiAuth" };
	}
	if (err.status === 404) {
		return { text: t.messages.geminiModelMissing(model), ref, level: "error", kind: "geminiModelMissing" };
	}
	return { text: t.messages.geminiRejected(ref), ref, level: "error", kind: "geminiRejected" };
}

/** Maps an error to a member-facing line in `t`'s language; never includes an error message, stack or raw API body. */
export function describeError(err: unknown, model: string, t: Text): DescribedError {
	const ref = newRef();
	if (err instanceof UserInputError) return { text: describeInput(err, t), ref, level: "info", kind: err.code };
	if (err instanceof PolicyDenied)
		return { text: describeDenial(err, t), ref, level: "info", kind: `policy:${err.code}` };
	if (err instanceof GeminiGaveUp)
		return { text: describeGaveUp(err, t), ref, level: "warn", kind: `gemini:${err.code}` };
	if (err instanceof TurnInterrupted)
		return { text: t.messages.turnInterrupted, ref, level: "info", kind: "interrupted" };
	if (err instanceof ApiError) return describeGemini(err, model, ref, t);
	// The answer kept being cut off mid-stream, retries included: to the member, Gemini was unavailable.
	if (err instanceof GeminiStreamCut)
		return { text: t.messages.geminiUnavailable, ref, level: "warn", kind: "geminiStreamCut" };
	if (err instanceof Error && err.name === "TimeoutError") {
		return { text: t.messages.geminiTimeout, ref, level: "warn", kind: "geminiTimeout" };
	}
	// Redis down or restarting: the client reconnects by itself, so this passes; no stack, no ref to report.
	if (isStoreUnavailable(err))
		return { text: t.messages.storeUnavailable, ref, level: "warn", kind: "storeUnavailable" };
	if (err instanceof DiscordAPIError) {
		if (err.code === RESTJSONErrorCodes.MissingPermissions || err.code === RESTJSONErrorCodes.MissingAccess) {
			return {
				text: t.messages.missingPermissions(t.TURN_PERMISSION_NAMES),
				ref,
				level: "warn",
				kind: "discordPermissions",
			};
		}
	}
	return { text: t.messages.unexpected(ref), ref, level: "error", kind: "unexpected" };
}
