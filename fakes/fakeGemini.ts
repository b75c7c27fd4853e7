// fakes/fakeGemini.ts: a local Gemini API (generateContent) that records requests and answers from a script.
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
	body: {
		contents: { role: string; parts: RecordedPart[] }[];
		generationConfig?: { responseModalities?: string[]; imageConfig?: { aspectRatio?: string; imageSize?: string } };
		safetySettings?: unknown[];
	};
};
export type ScriptedAnswer = { status?: number; body: unknown; delayMs?: number };
/** An answer (after `delayMs`, if given), or `hang`: the request is read and never answered, as a stuck Gemini call. */
export type ScriptedReply = ScriptedAnswer | { hang: true };
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

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
	response.end(JSON.stringify(body));
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
		const route = request.url?.match(/^\/v1beta\/models\/([^/:]+):generateContent(\?.*)?$/);
		if (request.method !== "POST" || !route?.[1]) {
			unknownRoutes.push(`${request.method} ${request.url}`);
			send(response, 404, { error: { code: 404, message: "unknown route", status: "NOT_FOUND" } });
			return;
		}
		const model = route[1];
		response.on("close", () => {
			if (!response.writableFinished && !closing) aborted++;
		});
		void (async () => {
			const body = JSON.parse(await readBody(request)) as RecordedRequest["body"];
			const key = request.headers["x-goog-api-key"];
			const recorded = { model, apiKey: typeof key === "string" ? key : undefined, body };
			requests.push(recorded);
			if (key !== apiKey) {
				send(response, 400, { error: { code: 400, message: "API key not valid.", status: "INVALID_ARGUMENT" } });
				return;
			}
			served++;
			const next = script.shift() ?? (responder ? await responder(recorded) : await defaultReply());
			if ("hang" in next) return;
			if (next.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs));
			if (!response.destroyed) send(response, next.status ?? 200, next.body);
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
