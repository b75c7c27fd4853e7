// test/e2e/generateImage.test.ts: POST /generate-image answers as the production guide's Flask endpoint, byte for byte.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageReply, reply, solidPng } from "../../fakes/fakeGemini.js";
import { type ApiHarness, startApiHarness, TOKENS } from "./apiHarness.js";
import { expectNothingStray } from "./harness.js";

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString("utf8");

describe("POST /generate-image (the guide's contract)", () => {
	let h: ApiHarness;

	beforeAll(async () => {
		h = await startApiHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	it("answers the first image as a PNG, image only by default, with the aspect ratio asked for", async () => {
		const image = await solidPng(90);
		h.gemini.enqueue(imageReply([image, await solidPng(91)]));
		const response = await h.post("/generate-image", { prompt: "a banana dish", aspectRatio: "16:9" });
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("image/png");
		expect(Buffer.from(await response.arrayBuffer()).equals(image)).toBe(true);
		const sent = h.gemini.requests.at(-1)?.body;
		expect(sent?.generationConfig?.responseModalities).toEqual(["IMAGE"]);
		expect(sent?.generationConfig?.imageConfig).toEqual({ aspectRatio: "16:9" });
		expect(sent?.contents).toEqual([{ role: "user", parts: [{ text: "a banana dish" }] }]);
	});

	it("reads imageOnly as the guide does (false and null ask for text too) and a JPEG answer still comes back as PNG", async () => {
		const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } })
			.jpeg()
			.toBuffer();
		for (const imageOnly of [false, null]) {
			h.gemini.enqueue(
				reply([{ inlineData: { mimeType: "image/jpeg", data: jpeg.toString("base64") }, thoughtSignature: "s" }]),
			);
			const response = await h.post("/generate-image", { prompt: "a mug", imageOnly, aspectRatio: "" });
			expect(response.status).toBe(200);
			expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).format).toBe("png");
			const sent = h.gemini.requests.at(-1)?.body;
			expect(sent?.generationConfig?.responseModalities).toEqual(["TEXT", "IMAGE"]);
			expect(sent?.generationConfig?.imageConfig).toBeUndefined();
		}
	});

	it.each<[string, string, Record<string, string>]>([
		["no prompt", "{}", {}],
		["an empty prompt", '{"prompt": ""}', {}],
		["a null prompt", '{"prompt": null, "aspectRatio": "16:9"}', {}],
		["a prompt of spaces", '{"prompt": "   "}', {}],
		[
			"no prompt, sent as text/plain (fetch's default)",
			'{"aspectRatio": "1:1"}',
			{ "content-type": "text/plain;charset=UTF-8" },
		],
	])("answers %s with the guide's 400, byte for byte", async (_name, body, headers) => {
		const before = h.gemini.requests.length;
		const response = await h.post("/generate-image", body, { headers });
		expect(response.status).toBe(400);
		expect(response.headers.get("content-type")).toBe("application/json");
		expect(await bytesOf(response)).toBe('{"error":"prompt is required"}\n');
		expect(h.gemini.requests.length).toBe(before);
	});

	it("parses the body as JSON whatever the Content-Type says, as get_json(force=True) does", async () => {
		const response = await h.post("/generate-image", '{"prompt": "a cat"}', {
			headers: { "content-type": "text/plain" },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("image/png");
	});

	it("answers a text-only answer with the guide's 422, byte for byte (sorted keys, ASCII escapes, newline)", async () => {
		h.gemini.enqueue(reply([{ text: "Café au lait — I can only describe it." }]));
		const response = await h.post("/generate-image", { prompt: "coffee" });
		expect(response.status).toBe(422);
		expect(response.headers.get("content-type")).toBe("application/json");
		expect(await bytesOf(response)).toBe(
			'{"error":"no_image_returned","messages":["Caf\\u00e9 au lait \\u2014 I can only describe it."]}\n',
		);
	});

	it("answers a blocked prompt with the guide's 422 shape plus what was blocked and what to change", async () => {
		h.gemini.enqueue(reply([], { promptFeedback: { blockReason: "OTHER" }, finishReason: "STOP" }));
		const response = await h.post("/generate-image", { prompt: "something" });
		expect(response.status).toBe(422);
		const body = (await response.json()) as { error: string; messages: string[]; blocked: Record<string, unknown> };
		expect(body.error).toBe("no_image_returned");
		expect(body.messages).toEqual([expect.stringMatching(/safety filter blocked this prompt/)]);
		expect(body.blocked).toMatchObject({ stage: "prompt", reason: "OTHER", hint: expect.stringMatching(/Rephrase/) });
	});

	it("needs a token, and writes its other errors as Flask writes JSON", async () => {
		const response = await h.post("/generate-image", { prompt: "a one-off" });
		expect(response.status).toBe(200);
		const unauthorized = await h.post("/generate-image", { prompt: "a one-off" }, { token: null });
		expect(unauthorized.status).toBe(401);
		expect(await bytesOf(unauthorized)).toBe(
			'{"error":"unauthorized","message":"Send a valid API token as `Authorization: Bearer <token>`."}\n',
		);
		const bad = await h.post("/generate-image", { prompt: "x", aspectRatio: "7:3" }, { token: TOKENS[2] });
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ error: "unsupported_aspect_ratio" });
		expectNothingStray(h);
	});
});
