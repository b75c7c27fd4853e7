// src/gemini/generate.ts: the one place that calls @google/genai's generateContent, with timeout, retries and a concurrency cap.
import {
	ApiError,
	type GenerateContentParameters,
	type GenerateContentResponse,
	GoogleGenAI,
	type HttpOptions,
} from "@google/genai";
import PQueue from "p-queue";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { GeminiBudget } from "./geminiBudget.js";
import { type GeminiWait, withRetry } from "./withRetry.js";

export type { GeminiWait } from "./withRetry.js";
export type GeminiResult = { response: GenerateContentResponse; finishMessage?: string };
export type GenerateOptions = {
	/** Cancel or shutdown: aborts the in-flight HTTP request and any wait; the call rejects with signal.reason. */
	signal?: AbortSignal;
	/** Epoch ms by which the whole call (queue wait, every attempt, every wait) must end. */
	deadline: number;
	/** Told when the call starts waiting (quota, backoff) and when an attempt is in flight again ("running"). */
	onWait?: (wait: GeminiWait) => void;
};
export type GenerateContent = (request: GenerateContentParameters, options: GenerateOptions) => Promise<GeminiResult>;

/** Creates the SDK client from config: Gemini API key mode, or Vertex AI when configured. */
export function createGeminiClient(gemini: Pick<Config["gemini"], "apiKey" | "vertex" | "baseUrl">): GoogleGenAI {
	const baseUrl: HttpOptions = gemini.baseUrl ? { baseUrl: gemini.baseUrl } : {};
	if (gemini.vertex) {
		const httpOptions = baseUrl;
		return new GoogleGenAI({
			vertexai: true,
			...(gemini.vertex.project ? { project: gemini.vertex.project, location: gemini.vertex.location } : {}),
			...(gemini.apiKey && !gemini.vertex.project ? { apiKey: gemini.apiKey } : {}),
			httpOptions,
		});
	}
	// The SDK now defaults to v1; image generation options (imageConfig, thought signatures) live on v1beta.
	return new GoogleGenAI({ apiKey: gemini.apiKey, httpOptions: { ...baseUrl, apiVersion: "v1beta" } });
}

type FetchFunction = NonNullable<HttpOptions["fetch"]>;

/**
 * The SDK drops candidates[0].finishMessage in Gemini API mode, so read it off the raw body as it passes. The body is
 * parsed here, once, and the SDK is handed a response whose json() returns that parse: a reply carrying megabytes of
 * base64 image is neither parsed twice nor copied for a second reader.
 */
function finishMessageCatcher(): { fetch: FetchFunction; finishMessage: () => string | undefined } {
	let finishMessage: string | undefined;
	const capture: FetchFunction = async (input, init) => {
		const response = await fetch(input, init);
		finishMessage = undefined;
		if (!response.ok || !response.headers.get("content-type")?.includes("json")) return response;
		const parsed: unknown = await response.json();
		finishMessage = (parsed as { candidates?: { finishMessage?: string }[] } | null)?.candidates?.[0]?.finishMessage;
		const parsedOnce = new Response(null, {
			status: response.status,
			statusText: response.statusText,
			headers: response.headers,
		});
		Object.defineProperty(parsedOnce, "json", { value: async () => parsed });
		return parsedOnce;
	};
	return { fetch: capture, finishMessage: () => finishMessage };
}

/** One attempt: the SDK call with the call's signal, and a timeout of its own when `timeoutMs` ends before the deadline does. */
async function attemptOnce(
	ai: GoogleGenAI,
	request: GenerateContentParameters,
	signal: AbortSignal,
	timeout: AbortSignal | undefined,
): Promise<GeminiResult> {
	const catcher = finishMessageCatcher();
	try {
		const response = await ai.models.generateContent({
			...request,
			config: {
				...request.config,
				abortSignal: timeout ? AbortSignal.any([signal, timeout]) : signal,
				httpOptions: { ...request.config?.httpOptions, fetch: catcher.fetch },
			},
		});
		const finishMessage = catcher.finishMessage() ?? response.candidates?.[0]?.finishMessage;
		return finishMessage ? { response, finishMessage } : { response };
	} catch (err) {
		// The SDK aborts with a reason-less AbortError: report which of our signals it was.
		if (signal.aborted) throw signal.reason;
		if (timeout?.aborted) throw timeout.reason;
		throw err;
	}
}

/**
 * Wraps the SDK's generateContent in the one retry policy (see withRetry): each attempt waits for one of
 * `concurrency` slots in this process (a retry goes ahead of fresh calls), then for the project-wide `budget` when
 * there is one (that wait is reported through onWait), gets min(timeoutMs, time left) and the caller's signal, and
 * the whole call ends by `deadline`.
 */
export function createGenerate(
	ai: GoogleGenAI,
	options: {
		timeoutMs: number;
		maxRetries: number;
		concurrency: number;
		maxQuotaWaitMs: number;
		logger: Logger;
		/** The cap shared by every process (GEMINI_GLOBAL_CONCURRENCY, GEMINI_GLOBAL_RPM), if any. */
		budget?: GeminiBudget;
		now?: () => number;
	},
): GenerateContent {
	const { timeoutMs, concurrency, logger, now = Date.now } = options;
	const queue = new PQueue({ concurrency });
	return (request, { signal, deadline, onWait }) => {
		let waited = false;
		const runAttempt = (attempt: number, callSignal: AbortSignal) => {
			const afterWait = waited || queue.pending >= concurrency || queue.size > 0;
			return queue.add(
				async () => {
					let waitedGlobally = false;
					const release = await options.budget?.acquire({
						signal: callSignal,
						deadline,
						onWait: (wait) => {
							waitedGlobally = true;
							onWait?.(wait);
						},
					});
					try {
						if (afterWait || waitedGlobally) onWait?.({ kind: "running" });
						waited = false;
						// At the deadline the call's own signal ends the attempt; a shorter timeout is this attempt's alone.
						const timeout = timeoutMs < deadline - now() ? AbortSignal.timeout(timeoutMs) : undefined;
						return await attemptOnce(ai, request, callSignal, timeout);
					} finally {
						await release?.();
					}
				},
				{ signal: callSignal, priority: attempt > 0 ? 1 : 0 },
			);
		};
		return withRetry(runAttempt, {
			retries: options.maxRetries,
			deadline,
			maxQuotaWaitMs: options.maxQuotaWaitMs,
			now,
			...(signal ? { signal } : {}),
			onWait: (wait, err) => {
				waited = true;
				logger.warn(
					{
						wait: wait.kind,
						...(wait.kind === "retry" ? { attempt: wait.attempt } : {}),
						delayMs: wait.retryAt - now(),
						status: err instanceof ApiError ? err.status : undefined,
						errName: err instanceof Error ? err.name : undefined,
					},
					"gemini call waiting",
				);
				onWait?.(wait);
			},
		});
	};
}
