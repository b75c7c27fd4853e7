// src/gemini/generate.ts: the one place that calls Gemini (@google/genai's generateContentStream), with timeout, retries and a concurrency cap.
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
import { GeminiStreamCut } from "./errors.js";
import type { GeminiBudget } from "./geminiBudget.js";
import { LiftedImages, liftRequestImages, requestBody } from "./liftImages.js";
import { sseEvents } from "./sseEvents.js";
import { type StreamPreview, StreamReply } from "./streamReply.js";
import { type GeminiWait, withRetry } from "./withRetry.js";

export type { StreamPreview } from "./streamReply.js";
export type { GeminiWait } from "./withRetry.js";
export type GeminiResult = { response: GenerateContentResponse; finishMessage?: string };
export type GenerateOptions = {
	/** Cancel or shutdown: aborts the in-flight HTTP request and any wait; the call rejects with signal.reason. */
	signal?: AbortSignal;
	/** Epoch ms by which the whole call (queue wait, every attempt, every wait) must end. */
	deadline: number;
	/** Told when the call starts waiting (quota, backoff) and when an attempt is in flight again ("running"). */
	onWait?: (wait: GeminiWait) => void;
	/** Told as the answer streams in: its text so far, the latest thought and draft image (a retry starts afresh). */
	onPreview?: (preview: StreamPreview) => void;
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

const FINISH_MESSAGE_KEY = Buffer.from('"finishMessage"');
const FINISH_MESSAGE = /^"finishMessage"\s*:\s*("(?:[^"\\]|\\.)*")/;
/** How far past the key the value is looked for (finish messages are a sentence or two). */
const FINISH_MESSAGE_SPAN = 8_192;

/**
 * Finds candidates[0].finishMessage in whole raw events (the SDK drops it in Gemini API mode): a byte search for the
 * key, then one JSON string read just after it, so nothing is decoded or parsed a second time. The key inside the
 * model's own text never matches: there its quotes carry backslashes.
 */
export function findFinishMessage(events: Buffer): string | undefined {
	const at = events.indexOf(FINISH_MESSAGE_KEY);
	if (at < 0) return undefined;
	const value = events.toString("utf8", at, at + FINISH_MESSAGE_SPAN).match(FINISH_MESSAGE)?.[1];
	return value ? (JSON.parse(value) as string) : undefined;
}

/**
 * A fetch for the SDK that puts the request's lifted images (`sent`) back into its body, and whose event stream
 * reaches the SDK's parser regrouped into whole events (see sseEvents) with their images lifted out (see
 * LiftedImages), and shown so to `onEvents`.
 */
function streamingFetch(
	sent: readonly string[],
	lifted: LiftedImages,
	onEvents: (events: Buffer) => void,
): FetchFunction {
	return async (input, init) => {
		const body = typeof init?.body === "string" ? requestBody(init.body, sent) : init?.body;
		const response = await fetch(input, { ...init, body });
		if (!response.ok || !response.body) return response;
		const regrouped = sseEvents((events) => {
			const slim = lifted.lift(events);
			onEvents(slim);
			return slim;
		});
		return new Response(response.body.pipeThrough(regrouped), {
			status: response.status,
			statusText: response.statusText,
			headers: response.headers,
		});
	};
}

/** undici's "fetch failed": the connection could not be made or was cut (its cause names the socket error). */
const isFetchFailure = (err: unknown) => err instanceof TypeError && err.message === "fetch failed";

/**
 * One attempt: the SDK's streamed call with the call's signal, and a timeout of its own when `timeoutMs` ends
 * before the deadline does. Chunks fold into one response (see StreamReply); `onPreview` hears each change. A
 * connection that fails, or a stream that breaks off or ends without saying how, is a GeminiStreamCut: the caller
 * retries, and never posts what came.
 */
async function attemptOnce(
	ai: GoogleGenAI,
	request: GenerateContentParameters,
	signal: AbortSignal,
	timeout: AbortSignal | undefined,
	onPreview: ((preview: StreamPreview) => void) | undefined,
): Promise<GeminiResult> {
	let scannedFinishMessage: string | undefined;
	const ourSignal = () => (signal.aborted ? signal.reason : timeout?.aborted ? timeout.reason : undefined);
	const lifted = new LiftedImages();
	const reply = new StreamReply(lifted);
	const { request: slim, images } = liftRequestImages(request);
	let started = false;
	try {
		const stream = await ai.models.generateContentStream({
			...slim,
			config: {
				...slim.config,
				abortSignal: timeout ? AbortSignal.any([signal, timeout]) : signal,
				httpOptions: {
					...slim.config?.httpOptions,
					fetch: streamingFetch(images, lifted, (events) => {
						scannedFinishMessage ??= findFinishMessage(events);
					}),
				},
			},
		});
		started = true;
		for await (const chunk of stream) if (reply.add(chunk)) onPreview?.(reply.preview());
	} catch (err) {
		// The SDK aborts with a reason-less AbortError: report which of our signals it was.
		const reason: unknown = ourSignal();
		if (reason !== undefined) throw reason;
		if (err instanceof ApiError) throw err;
		// Before the answer began, only a failed connection is retried; anything else (the SDK refusing the request) is not.
		if (!started && !isFetchFailure(err)) throw err;
		throw new GeminiStreamCut({ cause: err });
	}
	if (!reply.complete) throw new GeminiStreamCut();
	const response = reply.response();
	const finishMessage = scannedFinishMessage ?? response.candidates?.[0]?.finishMessage;
	return finishMessage ? { response, finishMessage } : { response };
}

/**
 * Wraps the SDK's streamed generateContent in the one retry policy (see withRetry): each attempt waits for one of
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
	return (request, { signal, deadline, onWait, onPreview }) => {
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
						return await attemptOnce(ai, request, callSignal, timeout, onPreview);
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
