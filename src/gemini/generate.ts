// src/gemini/generate.ts: the one place that calls @google/genai's generateContent, with timeout, retries and a concurrency cap.
import {
	type GenerateContentParameters,
	type GenerateContentResponse,
	GoogleGenAI,
	type HttpOptions,
} from "@google/genai";
import PQueue from "p-queue";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { withRetry } from "./withRetry.js";

export type GeminiResult = { response: GenerateContentResponse; finishMessage?: string };
export type GenerateContent = (request: GenerateContentParameters, signal?: AbortSignal) => Promise<GeminiResult>;

/** Creates the SDK client from config: Gemini API key mode, or Vertex AI when configured. */
export function createGeminiClient(gemini: Config["gemini"]): GoogleGenAI {
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

/** The SDK drops candidates[0].finishMessage in Gemini API mode, so read it off the raw body as it passes. */
function finishMessageCatcher(): { fetch: FetchFunction; finishMessage: () => string | undefined } {
	let finishMessage: string | undefined;
	const capture: FetchFunction = async (input, init) => {
		const response = await fetch(input, init);
		if (response.ok && response.headers.get("content-type")?.includes("json")) {
			const body = (await response
				.clone()
				.json()
				.catch(() => undefined)) as { candidates?: { finishMessage?: string }[] } | undefined;
			finishMessage = body?.candidates?.[0]?.finishMessage;
		}
		return response;
	};
	return { fetch: capture, finishMessage: () => finishMessage };
}

/** Wraps the SDK's generateContent: per-attempt timeout, retries with backoff, at most `concurrency` calls at once. */
export function createGenerate(
	ai: GoogleGenAI,
	options: { timeoutMs: number; maxRetries: number; concurrency: number; logger: Logger },
): GenerateContent {
	const queue = new PQueue({ concurrency: options.concurrency });
	return (request, signal) =>
		queue.add(
			() =>
				withRetry(
					async () => {
						const catcher = finishMessageCatcher();
						const timeout = AbortSignal.timeout(options.timeoutMs);
						const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
						const response = await ai.models
							.generateContent({
								...request,
								config: { ...request.config, abortSignal: attemptSignal, httpOptions: { fetch: catcher.fetch } },
							})
							.catch((err: unknown) => {
								// The SDK aborts with a reason-less AbortError; report our timeout as the TimeoutError it is.
								throw timeout.aborted && !signal?.aborted ? timeout.reason : err;
							});
						const finishMessage = catcher.finishMessage() ?? response.candidates?.[0]?.finishMessage;
						return finishMessage ? { response, finishMessage } : { response };
					},
					{
						retries: options.maxRetries,
						signal,
						onRetry: ({ attempt, delayMs, err }) =>
							options.logger.warn(
								{ attempt, delayMs, status: (err as { status?: number }).status },
								"gemini call retrying",
							),
					},
				),
			signal ? { signal } : {},
		);
}
