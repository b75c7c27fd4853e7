import { ApiError, type GenerateContentParameters, Modality } from "@google/genai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildRequest } from "../../src/gemini/buildRequest.js";
import { createGeminiClient, createGenerate } from "../../src/gemini/generate.js";
import { parseReply } from "../../src/gemini/parseReply.js";
import { createLogger } from "../../src/logger.js";
import { errorReply, type FakeGemini, imageReply, reply, solidPng, startFakeGemini } from "../fakes/fakeGemini.js";

const MODEL = "gemini-3.1-flash-image";
let fake: FakeGemini;

beforeEach(async () => {
	fake = await startFakeGemini();
});

afterEach(async () => {
	expect(fake.unknownRoutes).toEqual([]);
	await fake.close();
});

function generateWith(options: { timeoutMs?: number; maxRetries?: number; concurrency?: number } = {}) {
	const gemini = {
		apiKey: fake.apiKey,
		baseUrl: fake.baseUrl,
		vertex: undefined,
		model: MODEL,
		timeoutMs: options.timeoutMs ?? 10_000,
		maxRetries: options.maxRetries ?? 0,
		concurrency: options.concurrency ?? 4,
	};
	return createGenerate(createGeminiClient(gemini), {
		timeoutMs: gemini.timeoutMs,
		maxRetries: gemini.maxRetries,
		concurrency: gemini.concurrency,
		logger: createLogger("silent"),
	});
}

const request = (text = "a banana in space"): GenerateContentParameters =>
	buildRequest([{ role: "user", parts: [{ kind: "text", text }] }], {
		model: MODEL,
		output: "image_and_text",
		aspect: "16:9",
	});

describe("createGeminiClient", () => {
	// BUG (src/gemini/generate.ts, createGeminiClient): @google/genai 3.x defaults the Gemini API to "v1", so without
	// an explicit apiVersion the bot posts to /v1/models/...; DESIGN.md and the fake expect /v1beta. Left failing.
	it("posts to /v1beta/models/{model}:generateContent without any environment help", async () => {
		fake.enqueue(imageReply([await solidPng(5)]));
		await generateWith()(request()).catch(() => undefined);
		expect(fake.unknownRoutes).toEqual([]);
		expect(fake.requests.map((recorded) => recorded.model)).toEqual([MODEL]);
	});
});

describe("createGenerate against the fake Gemini API", () => {
	it("posts to the model's generateContent with the key header and our config", async () => {
		const png = await solidPng(10);
		fake.enqueue(imageReply([png], "Here it is.", "s"));
		const { response } = await generateWith()(request());
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
		const result = await generateWith()(request());
		expect(result.finishMessage).toBe(finishMessage);
		expect(parseReply(result.response, result.finishMessage)).toMatchObject({
			kind: "blocked",
			stage: "output",
			reason: "IMAGE_SAFETY",
			category: "sexual",
		});
	});

	it("retries a 503 and then succeeds (one real backoff of at most a second)", async () => {
		fake.enqueue(errorReply(503), imageReply([await solidPng(20)]));
		const result = await generateWith({ maxRetries: 2 })(request());
		expect(fake.requests).toHaveLength(2);
		expect(parseReply(result.response).kind).toBe("parts");
	});

	it("does not retry a 400", async () => {
		fake.enqueue(errorReply(400), imageReply([await solidPng(30)]));
		const error = await generateWith({ maxRetries: 3 })(request()).catch((err: unknown) => err);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).status).toBe(400);
		expect(fake.requests).toHaveLength(1);
	});

	// BUG (src/gemini/generate.ts): the SDK aborts its own per-attempt controller without a reason, so our
	// AbortSignal.timeout surfaces as an "AbortError": withRetry never retries it and describeError cannot tell it
	// is a timeout. This test and the next are left failing.
	it("fails a reply slower than timeoutMs with a TimeoutError", async () => {
		fake.enqueue({ ...imageReply([await solidPng(40)]), delayMs: 2_000 });
		const error = await generateWith({ timeoutMs: 150, maxRetries: 0 })(request()).catch((err: unknown) => err);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).name).toBe("TimeoutError");
		expect(fake.requests).toHaveLength(1);
	});

	it("retries an attempt that timed out", async () => {
		fake.enqueue({ ...imageReply([await solidPng(45)]), delayMs: 2_000 }, imageReply([await solidPng(46)]));
		const result = await generateWith({ timeoutMs: 150, maxRetries: 1 })(request()).catch((err: unknown) => err);
		expect(fake.requests).toHaveLength(2);
		expect(result).toHaveProperty("response");
	});

	it("stops at once when the caller's signal aborts", async () => {
		fake.enqueue({ ...imageReply([await solidPng(50)]), delayMs: 2_000 });
		const controller = new AbortController();
		const pending = generateWith({ maxRetries: 3 })(request(), controller.signal);
		setTimeout(() => controller.abort(new Error("member left")), 50);
		await expect(pending).rejects.toThrow();
		expect(fake.requests).toHaveLength(1);
	});
});
