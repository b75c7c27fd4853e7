import { ApiError, type GenerateContentParameters, Modality } from "@google/genai";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
	errorReply,
	type FakeGemini,
	imageReply,
	reply,
	solidPng,
	startFakeGemini,
	streamChunks,
} from "../../fakes/fakeGemini.js";
import { buildRequest } from "../../src/gemini/buildRequest.js";
import { GeminiGaveUp, GeminiStreamCut } from "../../src/gemini/errors.js";
import {
	createGeminiClient,
	createGenerate,
	findFinishMessage,
	type GeminiWait,
	type StreamPreview,
} from "../../src/gemini/generate.js";
import { parseReply } from "../../src/gemini/parseReply.js";
import { sseEvents } from "../../src/gemini/sseEvents.js";
import { createLogger } from "../../src/logger.js";

const MODEL = "gemini-3.1-flash-image";
let fake: FakeGemini;

beforeEach(async () => {
	fake = await startFakeGemini();
});

afterEach(async () => {
	expect(fake.unknownRoutes).toEqual([]);
	await fake.close();
});

type Settings = {
	timeoutMs?: number;
	maxRetries?: number;
	concurrency?: number;
	maxQuotaWaitMs?: number;
	now?: () => number;
};

function generateWith(settings: Settings = {}) {
	const gemini = {
		apiKey: fake.apiKey,
		baseUrl: fake.baseUrl,
		vertex: undefined,
		model: MODEL,
		timeoutMs: settings.timeoutMs ?? 10_000,
		maxRetries: settings.maxRetries ?? 0,
		concurrency: settings.concurrency ?? 4,
		maxQuotaWaitMs: settings.maxQuotaWaitMs ?? 5_000,
	};
	return createGenerate(createGeminiClient(gemini), {
		...gemini,
		logger: createLogger("silent"),
		...(settings.now ? { now: settings.now } : {}),
	});
}

/** A deadline far enough away that only the test's own scripted failures end a call. */
const soon = (ms = 20_000) => Date.now() + ms;

const request = (text = "a banana in space"): GenerateContentParameters =>
	buildRequest([{ role: "user", parts: [{ kind: "text", text }] }], {
		model: MODEL,
		output: "image_and_text",
		aspect: "16:9",
	});

describe("createGeminiClient", () => {
	// @google/genai 3.x defaults the Gemini API to "v1"; image options live on v1beta, which the fake serves.
	it("posts to /v1beta/models/{model}:streamGenerateContent without any environment help", async () => {
		fake.enqueue(imageReply([await solidPng(5)]));
		await generateWith()(request(), { deadline: soon() });
		expect(fake.unknownRoutes).toEqual([]);
		expect(fake.requests.map((recorded) => [recorded.model, recorded.stream])).toEqual([[MODEL, true]]);
	});
});

describe("createGenerate against the fake Gemini API", () => {
	it("posts to the model's streamGenerateContent with the key header and our config", async () => {
		const png = await solidPng(10);
		fake.enqueue(imageReply([png], "Here it is.", "s"));
		const { response } = await generateWith()(request(), { deadline: soon() });
		expect(fake.requests).toHaveLength(1);
		const recorded = fake.requests[0];
		expect(recorded?.model).toBe(MODEL);
		expect(recorded?.apiKey).toBe(fake.apiKey);
		expect(recorded?.body.contents).toEqual([{ role: "user", parts: [{ text: "a banana in space" }] }]);
		expect(recorded?.body.generationConfig?.responseModalities).toEqual([Modality.TEXT, Modality.IMAGE]);
		expect(recorded?.body.generationConfig?.imageConfig).toEqual({ aspectRatio: "16:9" });
		const parsed = parseReply(response);
		if (parsed.kind !== "parts") throw new Error(`expected parts, got ${parsed.kind}`);
		expect(parsed.parts).toEqual([
			{ kind: "text", text: "Here it is.", thoughtSignature: "s-text" },
			{ kind: "image", data: png, mimeType: "image/png", thoughtSignature: "s-img-0" },
		]);
	});

	it("captures finishMessage, which the SDK drops", async () => {
		const finishMessage = "Unable to show the generated image. Support codes: 63429089";
		fake.enqueue(reply([], { finishReason: "IMAGE_SAFETY", finishMessage }));
		const result = await generateWith()(request(), { deadline: soon() });
		expect(result.finishMessage).toBe(finishMessage);
		expect(parseReply(result.response, result.finishMessage)).toMatchObject({
			kind: "blocked",
			stage: "output",
			reason: "IMAGE_SAFETY",
			category: "sexual",
		});
	});

	it("retries a 503 and then succeeds (one real backoff of at most a second), reporting the wait", async () => {
		fake.enqueue(errorReply(503), imageReply([await solidPng(20)]));
		const waits: GeminiWait[] = [];
		const result = await generateWith({ maxRetries: 2 })(request(), {
			deadline: soon(),
			onWait: (wait) => waits.push(wait),
		});
		expect(fake.requests).toHaveLength(2);
		expect(parseReply(result.response).kind).toBe("parts");
		expect(waits).toEqual([{ kind: "retry", retryAt: expect.any(Number), attempt: 1 }, { kind: "running" }]);
	});

	it("does not retry a 400", async () => {
		fake.enqueue(errorReply(400), imageReply([await solidPng(30)]));
		const error = await generateWith({ maxRetries: 3 })(request(), { deadline: soon() }).catch((err: unknown) => err);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).status).toBe(400);
		expect(fake.requests).toHaveLength(1);
	});

	it("fails a reply slower than timeoutMs with a TimeoutError, and the request is aborted", async () => {
		fake.enqueue({ ...imageReply([await solidPng(40)]), delayMs: 2_000 });
		const error = await generateWith({ timeoutMs: 150 })(request(), { deadline: soon() }).catch((err: unknown) => err);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).name).toBe("TimeoutError");
		expect(fake.requests).toHaveLength(1);
		await vi.waitFor(() => expect(fake.aborted).toBe(1));
	});

	it("retries an attempt that timed out", async () => {
		fake.enqueue({ hang: true }, imageReply([await solidPng(46)]));
		const result = await generateWith({ timeoutMs: 150, maxRetries: 1 })(request(), { deadline: soon() });
		expect(result).toHaveProperty("response");
		expect(fake.requests).toHaveLength(2);
		await vi.waitFor(() => expect(fake.aborted).toBe(1));
	});
});

describe("createGenerate: deadline, quota and cancellation", () => {
	it("aborts a hung request at the deadline with GeminiGaveUp deadline, and the fake sees the connection closed", async () => {
		fake.enqueue({ hang: true });
		const waits: GeminiWait[] = [];
		const error = await generateWith({ timeoutMs: 60_000, maxRetries: 3 })(request(), {
			deadline: Date.now() + 300,
			onWait: (wait) => waits.push(wait),
		}).catch((err: unknown) => err);
		expect(error).toBeInstanceOf(GeminiGaveUp);
		expect(error).toMatchObject({ code: "deadline" });
		expect(fake.requests).toHaveLength(1);
		expect(waits).toEqual([]);
		await vi.waitFor(() => expect(fake.aborted).toBe(1));
	});

	it("waits out a 429 with RetryInfo 1s under a bound of 5 s and succeeds on the second attempt", async () => {
		fake.enqueue(errorReply(429, "1s"), imageReply([await solidPng(60)]));
		const clock = Date.now();
		const waits: GeminiWait[] = [];
		const result = await generateWith({ maxQuotaWaitMs: 5_000, now: () => clock })(request(), {
			deadline: clock + 20_000,
			onWait: (wait) => waits.push(wait),
		});
		expect(parseReply(result.response).kind).toBe("parts");
		expect(fake.requests).toHaveLength(2);
		expect(waits).toEqual([{ kind: "quota", retryAt: clock + 1_000 }, { kind: "running" }]);
	});

	it("fails at once with quotaExhausted when a 429 asks for 600 s", async () => {
		fake.enqueue(errorReply(429, "600s"), imageReply([await solidPng(70)]));
		const waits: GeminiWait[] = [];
		const error = await generateWith({ maxQuotaWaitMs: 5_000, maxRetries: 3 })(request(), {
			deadline: soon(),
			onWait: (wait) => waits.push(wait),
		}).catch((err: unknown) => err);
		expect(error).toBeInstanceOf(GeminiGaveUp);
		expect(error).toMatchObject({ code: "quotaExhausted", details: { retryAfterSeconds: 600 } });
		expect((error as GeminiGaveUp).cause).toBeInstanceOf(ApiError);
		expect(fake.requests).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	it("rejects with the signal's reason when aborted mid-request, and the request is aborted", async () => {
		fake.enqueue({ hang: true });
		const controller = new AbortController();
		const reason = new Error("member left");
		const pending = generateWith({ maxRetries: 3 })(request(), { signal: controller.signal, deadline: soon() });
		const outcome = pending.catch((err: unknown) => err);
		await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
		controller.abort(reason);
		expect(await outcome).toBe(reason);
		await vi.waitFor(() => expect(fake.aborted).toBe(1));
		expect(fake.requests).toHaveLength(1);
	});

	it("reports running when a call leaves the concurrency queue, and ends one that waits there past its deadline", async () => {
		fake.enqueue({ ...imageReply([await solidPng(80)]), delayMs: 400 });
		const generate = generateWith({ concurrency: 1 });
		const firstWaits: GeminiWait[] = [];
		const first = generate(request("first"), { deadline: soon(), onWait: (wait) => firstWaits.push(wait) });
		const late = await generate(request("late"), { deadline: Date.now() + 100 }).catch((err: unknown) => err);
		expect(late).toMatchObject({ code: "deadline" });
		const secondWaits: GeminiWait[] = [];
		const second = generate(request("second"), { deadline: soon(), onWait: (wait) => secondWaits.push(wait) });
		await Promise.all([first, second]);
		expect(firstWaits).toEqual([]);
		expect(secondWaits).toEqual([{ kind: "running" }]);
		expect(fake.requests.map((recorded) => recorded.body.contents[0]?.parts[0]?.text)).toEqual(["first", "second"]);
	});
});

describe("streamed answers", () => {
	/** What the unstreamed call makes of the same answer: the SDK's generateContent on the fake's plain route. */
	async function unstreamed(answer: ReturnType<typeof imageReply>) {
		fake.enqueue(answer);
		const ai = createGeminiClient({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, vertex: undefined });
		return parseReply(await ai.models.generateContent(request()));
	}

	it("folds the chunks into exactly the reply the unstreamed call gives, signatures on their parts", async () => {
		const answer = imageReply([await solidPng(1), await solidPng(2)], "Here are two takes on the banana.", "s");
		// The fake splits the text in three pieces with the signature on the last, and sends each image alone.
		expect(streamChunks(answer.body).length).toBeGreaterThan(4);
		fake.enqueue(answer);
		const streamed = await generateWith()(request(), { deadline: soon() });
		const expected = await unstreamed(answer);
		expect(parseReply(streamed.response)).toEqual(expected);
		expect(expected).toMatchObject({
			kind: "parts",
			parts: [
				{ kind: "text", text: "Here are two takes on the banana.", thoughtSignature: "s-text" },
				{ kind: "image", thoughtSignature: "s-img-0" },
				{ kind: "image", thoughtSignature: "s-img-1" },
			],
		});
	});

	it("tells onPreview the text as it arrives, before the call resolves", async () => {
		fake.enqueue({
			...imageReply([await solidPng(3)], "First words then more words then the end."),
			stream: { chunkDelayMs: 300 },
		});
		const previews: { text: string; at: number }[] = [];
		let resolvedAt = 0;
		await generateWith()(request(), {
			deadline: soon(),
			onPreview: (preview) => previews.push({ text: preview.text, at: Date.now() }),
		}).then(() => {
			resolvedAt = Date.now();
		});
		const texts = previews.map((preview) => preview.text).filter(Boolean);
		expect(texts.length).toBeGreaterThanOrEqual(3);
		expect(texts.at(-1)).toBe("First words then more words then the end.");
		expect(texts[0]?.length).toBeLessThan(texts.at(-1)?.length ?? 0);
		expect(previews[0]?.at).toBeLessThan(resolvedAt);
	});

	it("shows thought text and a draft image in the preview, and keeps both out of the reply", async () => {
		const draft = await solidPng(200);
		const answer = reply([
			{ text: "**Composing the scene**\n\nPlanning the layout.", thought: true },
			{ inlineData: { mimeType: "image/png", data: draft.toString("base64") }, thought: true },
			{ text: "Done.", thoughtSignature: "sig-t" },
			{
				inlineData: { mimeType: "image/png", data: (await solidPng(9)).toString("base64") },
				thoughtSignature: "sig-i",
			},
		]);
		fake.enqueue(answer);
		const previews: StreamPreview[] = [];
		const result = await generateWith()(request(), { deadline: soon(), onPreview: (p) => previews.push(p) });
		const withDraft = previews.find((preview) => preview.draft);
		expect(withDraft?.draft?.data.equals(draft)).toBe(true);
		expect(withDraft?.thought).toContain("Composing the scene");
		expect(previews.at(-1)?.drafts).toBe(1);
		const parsed = parseReply(result.response);
		expect(parsed.kind === "parts" && parsed.parts.map((part) => part.kind)).toEqual(["text", "image"]);
		expect(parsed.kind === "parts" && parsed.parts[1]?.kind === "image" && parsed.parts[1].data.equals(draft)).toBe(
			false,
		);
	});

	it("retries a stream that drops after two chunks, and the answer is whole", async () => {
		const answer = imageReply([await solidPng(4)], "A whole sentence that arrives in pieces.");
		fake.enqueue({ ...answer, stream: { dropAfter: 2 } }, answer);
		const waits: GeminiWait[] = [];
		const result = await generateWith({ maxRetries: 1 })(request(), {
			deadline: soon(),
			onWait: (wait) => waits.push(wait),
		});
		expect(fake.requests).toHaveLength(2);
		expect(waits[0]).toMatchObject({ kind: "retry", attempt: 1 });
		expect(parseReply(result.response)).toEqual(await unstreamed(answer));
	});

	it("retries a connection cut before any answer, as a network failure", async () => {
		fake.enqueue({ reset: true }, imageReply([await solidPng(7)]));
		const result = await generateWith({ maxRetries: 1 })(request(), { deadline: soon() });
		expect(fake.requests).toHaveLength(2);
		expect(parseReply(result.response).kind).toBe("parts");
		fake.enqueue({ reset: true });
		const failed = await generateWith()(request(), { deadline: soon() }).catch((err: unknown) => err);
		expect(failed).toBeInstanceOf(GeminiStreamCut);
	});

	it("gives up with GeminiStreamCut when every attempt drops, and treats a stream without a finish reason the same", async () => {
		const answer = imageReply([await solidPng(6)]);
		fake.enqueue({ ...answer, stream: { dropAfter: 1 } });
		const dropped = await generateWith()(request(), { deadline: soon() }).catch((err: unknown) => err);
		expect(dropped).toBeInstanceOf(GeminiStreamCut);
		// Closed cleanly after two chunks: no error from the network, but no finish reason either.
		fake.enqueue({ ...answer, stream: { chunks: streamChunks(answer.body).slice(0, 2) } });
		const unfinished = await generateWith()(request(), { deadline: soon() }).catch((err: unknown) => err);
		expect(unfinished).toBeInstanceOf(GeminiStreamCut);
		expect(fake.aborted).toBe(0);
	});
});

describe("sseEvents and findFinishMessage", () => {
	const message = "Unable to show the generated image. Support codes: 63429089 \u00e9";
	const events = [
		`data: {"candidates":[{"content":{"parts":[{"text":"say \\"finishMessage\\": \\"no\\""}]}}]}\r\n\r\n`,
		`data: {"candidates":[{"content":{"parts":[{"text":"two"}]}}]}\n\n`,
		`data: {"candidates":[{"finishReason":"IMAGE_SAFETY","finishMessage":${JSON.stringify(message)}}]}\r\n\r\n`,
	];
	const body = Buffer.from(events.join(""));

	async function regroup(reads: Buffer[]) {
		const seen: string[] = [];
		const out: string[] = [];
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				for (const read of reads) controller.enqueue(read);
				controller.close();
			},
		}).pipeThrough(
			sseEvents((run) => {
				seen.push(run.toString());
				return run;
			}),
		);
		for await (const chunk of stream) out.push(Buffer.from(chunk).toString());
		return { out, seen };
	}

	it("passes whole events on, unchanged, wherever the reads split them (even one byte at a time)", async () => {
		for (let split = 1; split < body.length; split++) {
			const { out, seen } = await regroup([body.subarray(0, split), body.subarray(split)]);
			expect(out.join(""), `split at ${split}`).toBe(body.toString());
			for (const run of out)
				expect(
					events.some((event) => run.endsWith(event)),
					`split at ${split}`,
				).toBe(true);
			expect(seen).toEqual(out);
		}
		const bytewise = await regroup([...body].map((byte) => Buffer.from([byte])));
		expect(bytewise.out).toEqual(events);
	});

	it("finds the finish message in the events, and not the key quoted inside the model's text", () => {
		expect(findFinishMessage(Buffer.from(events.join("")))).toBe(message);
		expect(findFinishMessage(Buffer.from(events[0] ?? ""))).toBeUndefined();
	});
});
