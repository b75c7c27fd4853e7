// fakes/fakeGemini.ts: a local Gemini API (generateContent and its SSE stream) that records requests and answers from a script.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

export type RecordedPart = {
	text?: string;
	thought?: boolean;
	thoughtSignature?: string;
	inlineData?: { mimeType: string; data: string };
};
export type RecordedRequest = {
	model: string;
	apiKey: string | undefined;
	/** Asked on :streamGenerateContent (server-sent events) rather than :generateContent. */
	stream: boolean;
	body: {
		contents: { role: string; parts: RecordedPart[] }[];
		generationConfig?: {
			responseModalities?: string[];
			imageConfig?: { aspectRatio?: string; imageSize?: string };
			thinkingConfig?: { includeThoughts?: boolean };
		};
		safetySettings?: unknown[];
	};
};
/**
 * How a streamed call sends its answer: `chunks` (default: `streamChunks(body)`) `chunkDelayMs` apart; with
 * `dropAfter` the connection is cut after that many chunks, as a network drop mid-answer, and with `hangAfter` the
 * stream stays open after that many, never finishing (a call stuck mid-answer).
 */
export type StreamScript = { chunks?: unknown[]; chunkDelayMs?: number; dropAfter?: number; hangAfter?: number };
export type ScriptedAnswer = { status?: number; body: unknown; delayMs?: number; stream?: StreamScript };
/**
 * An answer (after `delayMs`, if given); `hang`: the request is read and never answered, as a stuck Gemini call;
 * `reset`: the connection is cut before any answer, as a network failure.
 */
export type ScriptedReply = ScriptedAnswer | { hang: true } | { reset: true };
/** Computes the answer from the request itself (an image derived from the request's input image, say). */
export type Responder = (request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;

export type FakeGemini = {
	baseUrl: string;
	apiKey: string;
	requests: RecordedRequest[];
	unknownRoutes: string[];
	/** Requests whose connection the client closed before an answer was sent (an aborted or timed-out call). */
	readonly aborted: number;
	/** Replies served in order, one per call; when none is left, each call gets the responder's or `defaultReply()`. */
	enqueue(...replies: ScriptedReply[]): void;
	/** Answers every call the script does not cover with `responder(request)`; undefined goes back to the default. */
	respondWith(responder: Responder | undefined): void;
	close(): Promise<void>;
};

/** A small PNG of one colour, made with sharp: distinct colours make distinct images (and hashes). */
export async function solidPng(red: number, green = 80, blue = 160, size = 64): Promise<Buffer> {
	return sharp({ create: { width: size, height: size, channels: 3, background: { r: red, g: green, b: blue } } })
		.png()
		.toBuffer();
}

/** A candidate with the given parts and finish reason, shaped as the Gemini API sends it. */
export function reply(
	parts: RecordedPart[],
	extra: { finishReason?: string; finishMessage?: string; promptFeedback?: unknown } = {},
): ScriptedAnswer {
	return {
		body: {
			candidates: [
				{
					content: { role: "model", parts },
					finishReason: extra.finishReason ?? "STOP",
					...(extra.finishMessage ? { finishMessage: extra.finishMessage } : {}),
					index: 0,
				},
			],
			...(extra.promptFeedback ? { promptFeedback: extra.promptFeedback } : {}),
			usageMetadata: { promptTokenCount: 120, candidatesTokenCount: 1_290, totalTokenCount: 1_410 },
			modelVersion: "fake",
		},
	};
}

/** A typical image answer: a thought (never shown), then text and images, each image with its own signature. */
export function imageReply(images: Buffer[], text = "Here is your image.", signaturePrefix = "sig"): ScriptedAnswer {
	return reply([
		{ text: "Thinking about composition", thought: true },
		{ text, thoughtSignature: `${signaturePrefix}-text` },
		...images.map((image, index) => ({
			inlineData: { mimeType: "image/png", data: image.toString("base64") },
			thoughtSignature: `${signaturePrefix}-img-${index}`,
		})),
	]);
}

/** An HTTP error with Google's JSON error shape; a 429 carries google.rpc.RetryInfo when `retryDelay` is given. */
export function errorReply(status: number, retryDelay?: string): ScriptedAnswer {
	const statusName: Record<number, string> = {
		400: "INVALID_ARGUMENT",
		429: "RESOURCE_EXHAUSTED",
		500: "INTERNAL",
		503: "UNAVAILABLE",
	};
	return {
		status,
		body: {
			error: {
				code: status,
				message: "fake error",
				status: statusName[status] ?? "UNKNOWN",
				...(retryDelay ? { details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay }] } : {}),
			},
		},
	};
}

type StreamPart = RecordedPart & Record<string, unknown>;

/** Splits a text part in up to three pieces at spaces; the signature rides on the last piece, as Gemini streams it. */
function splitText(part: StreamPart): StreamPart[] {
	const text = part.text ?? "";
	const words = text.split(/(?<= )/);
	const size = Math.max(1, Math.ceil(words.length / 3));
	const pieces: string[] = [];
	for (let index = 0; index < words.length; index += size) pieces.push(words.slice(index, index + size).join(""));
	if (pieces.length === 0) pieces.push("");
	const { thoughtSignature, ...rest } = part;
	return pieces.map((piece, index) => ({
		...rest,
		text: piece,
		...(index === pieces.length - 1 && thoughtSignature ? { thoughtSignature } : {}),
	}));
}

/**
 * The chunks Gemini would stream for a whole generateContent answer: each text part split in pieces, each image
 * whole in a chunk of its own, the finish reason, usage and model version on the last chunk. A body without
 * candidates (a blocked prompt) is one chunk.
 */
export function streamChunks(body: unknown): unknown[] {
	const whole = body as {
		candidates?: { content?: { role?: string; parts?: StreamPart[] }; [key: string]: unknown }[];
		[key: string]: unknown;
	};
	const candidate = whole.candidates?.[0];
	const parts = candidate?.content?.parts;
	if (!candidate || !parts?.length) return [body];
	const { content, ...finish } = candidate;
	const { candidates: _, ...rest } = whole;
	const pieces = parts.flatMap((part) => (typeof part.text === "string" ? splitText(part) : [part]));
	return pieces.map((piece, index) => {
		const last = index === pieces.length - 1;
		const chunkCandidate = { content: { role: content?.role ?? "model", parts: [piece] }, index: 0 };
		return last ? { candidates: [{ ...chunkCandidate, ...finish }], ...rest } : { candidates: [chunkCandidate] };
	});
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
	response.end(JSON.stringify(body));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a 200 answer as server-sent events (`data: {json}` frames), as :streamGenerateContent?alt=sse does. */
async function sendStream(response: ServerResponse, answer: ScriptedAnswer, drop: () => void): Promise<void> {
	const script = answer.stream ?? {};
	const chunks = script.chunks ?? streamChunks(answer.body);
	response.writeHead(200, { "content-type": "text/event-stream" });
	for (const [index, chunk] of chunks.entries()) {
		if (response.destroyed) return;
		if (index === script.hangAfter) return;
		if (index === script.dropAfter) {
			drop();
			response.destroy();
			return;
		}
		if (index > 0 && script.chunkDelayMs) await sleep(script.chunkDelayMs);
		// Each chunk leaves before the next step, so a drop cuts the stream after what was sent, not before it.
		await new Promise((resolve) => response.write(`data: ${JSON.stringify(chunk)}\r\n\r\n`, resolve));
	}
	response.end();
}

/** Starts the fake on 127.0.0.1; point GOOGLE_GEMINI_BASE_URL at `baseUrl` and use `apiKey`. */
export async function startFakeGemini(): Promise<FakeGemini> {
	const apiKey = "fake-gemini-key";
	const requests: RecordedRequest[] = [];
	const unknownRoutes: string[] = [];
	const script: ScriptedReply[] = [];
	let served = 0;
	let aborted = 0;
	let closing = false;
	let responder: Responder | undefined;
	const defaultReply = async () =>
		imageReply([await solidPng((served * 40) % 256)], `Image number ${served}.`, `sig${served}`);
	const server = createServer((request, response) => {
		const route = request.url?.match(/^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)(\?.*)?$/);
		if (request.method !== "POST" || !route?.[1]) {
			unknownRoutes.push(`${request.method} ${request.url}`);
			send(response, 404, { error: { code: 404, message: "unknown route", status: "NOT_FOUND" } });
			return;
		}
		const model = route[1];
		const stream = route[2] === "streamGenerateContent";
		// A drop the script asked for is the fake's doing, not a call the client gave up on.
		let dropped = false;
		response.on("close", () => {
			if (!response.writableFinished && !closing && !dropped) aborted++;
		});
		void (async () => {
			const body = JSON.parse(await readBody(request)) as RecordedRequest["body"];
			const key = request.headers["x-goog-api-key"];
			const recorded = { model, apiKey: typeof key === "string" ? key : undefined, stream, body };
			requests.push(recorded);
			if (key !== apiKey) {
				send(response, 400, { error: { code: 400, message: "API key not valid.", status: "INVALID_ARGUMENT" } });
				return;
			}
			served++;
			const next = script.shift() ?? (responder ? await responder(recorded) : await defaultReply());
			if ("hang" in next) return;
			if ("reset" in next) {
				dropped = true;
				request.socket.destroy();
				return;
			}
			if (next.delayMs) await sleep(next.delayMs);
			if (response.destroyed) return;
			if (stream && (next.status ?? 200) === 200)
				await sendStream(response, next, () => {
					dropped = true;
				});
			else send(response, next.status ?? 200, next.body);
		})().catch((err: unknown) =>
			send(response, 500, { error: { code: 500, message: String(err), status: "INTERNAL" } }),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		apiKey,
		requests,
		unknownRoutes,
		get aborted() {
			return aborted;
		},
		enqueue: (...replies) => script.push(...replies),
		respondWith: (next) => {
			responder = next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				closing = true;
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
