// src/gemini/observeCalls.ts: reports every streamed Gemini call the SDK makes (model, result status, duration).
import { ApiError, type GenerateContentParameters, type GoogleGenAI } from "@google/genai";
import { GeminiGaveUp } from "./errors.js";
import { bareModelId } from "./models.js";

export type GeminiCallReport = { model: string; status: string; ms: number };

/** "ok", the HTTP status of an ApiError, "timeout" (the attempt's timeout or the turn's deadline), "aborted", "network". */
function statusOf(err: unknown, params: GenerateContentParameters): string {
	if (err instanceof ApiError) return String(err.status);
	const signal = params.config?.abortSignal;
	if (signal?.aborted) {
		const reason: unknown = signal.reason;
		const timedOut = reason instanceof GeminiGaveUp || (reason instanceof Error && reason.name === "TimeoutError");
		return timedOut ? "timeout" : "aborted";
	}
	return err instanceof Error && err.name === "TimeoutError" ? "timeout" : "network";
}

/**
 * Wraps the client's models.generateContentStream so each attempt (a retry is a call of its own) is reported when
 * its stream ends, or breaks; the client is the same object and behaves the same.
 */
export function observeCalls(ai: GoogleGenAI, report: (call: GeminiCallReport) => void): GoogleGenAI {
	const models = ai.models;
	const generateContentStream = models.generateContentStream.bind(models);
	models.generateContentStream = async (params) => {
		const started = performance.now();
		const model = bareModelId(params.model);
		const ended = (status: string) => report({ model, status, ms: performance.now() - started });
		try {
			const stream = await generateContentStream(params);
			return (async function* () {
				try {
					yield* stream;
					ended("ok");
				} catch (err) {
					ended(statusOf(err, params));
					throw err;
				}
			})();
		} catch (err) {
			ended(statusOf(err, params));
			throw err;
		}
	};
	return ai;
}
