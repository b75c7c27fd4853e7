// src/gemini/errors.ts: why a Gemini call gave up before Gemini gave an answer; its code keys a message for the member.
import { CodedError } from "../errors.js";

export type GeminiGaveUpDetails = {
	/** Gemini did not answer within the call's deadline; `seconds` is how long the call had. */
	deadline: { seconds: number };
	/** A 429 asked for a longer wait than the call may spend on quota (or than is left before the deadline). */
	quotaExhausted: { retryAfterSeconds?: number };
};
export type GeminiGaveUpCode = keyof GeminiGaveUpDetails;

/** The retry policy stopped: the deadline passed, or the quota will not free up in time; `cause` is Gemini's last error. */
export class GeminiGaveUp<Code extends GeminiGaveUpCode = GeminiGaveUpCode> extends CodedError<
	GeminiGaveUpDetails,
	Code
> {
	constructor(code: Code, details: GeminiGaveUpDetails[Code], options: { cause?: unknown } = {}) {
		super(code, details);
		if ("cause" in options) this.cause = options.cause;
	}
}

/**
 * No whole answer came: the connection to Gemini failed or dropped, or the stream closed without a finish reason.
 * Retried like a failed call, and nothing of it is ever posted as the answer.
 */
export class GeminiStreamCut extends Error {
	override readonly name = "GeminiStreamCut";
	constructor(options: { cause?: unknown } = {}) {
		super("Gemini's streamed answer was cut off", options);
	}
}
