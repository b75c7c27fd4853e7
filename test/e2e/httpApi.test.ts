// test/e2e/httpApi.test.ts: the HTTP image API end to end: the real bot and SDK against the fake Gemini, real SQLite store.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorReply, imageReply, reply, solidPng } from "../../fakes/fakeGemini.js";
import { CONVERSATION_ID } from "../../src/http/api/schemas.js";
import { type ApiHarness, startApiHarness, TOKENS } from "./apiHarness.js";
import { botImages, expectNothingStray, geminiRequest, threadNamed } from "./harness.js";

const json = { accept: "application/json" };
type Result = {
	id: string;
	turn: number;
	images: { mimeType: string; data: string }[];
	text: string[];
	parts: { kind: string }[];
};

describe("HTTP image API", () => {
	let h: ApiHarness;
	const logLines: string[] = [];

	beforeAll(async () => {
		h = await startApiHarness({ logLines, env: { LOG_LEVEL: "info", GEMINI_MAX_RETRIES: "1" } });
	});
	afterAll(async () => {
		await h?.close();
	});

	it("POST /v1/images answers one image as image/png, with the conversation id in a header", async () => {
		const image = await solidPng(12, 34, 56);
		h.gemini.enqueue(imageReply([image], "A red square."));
		const response = await h.post("/v1/images", { prompt: "a red square", aspectRatio: "16:9", size: "2K" });
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("image/png");
		expect(Buffer.from(await response.arrayBuffer()).equals(image)).toBe(true);
		expect(response.headers.get("x-conversation-id")).toMatch(CONVERSATION_ID);
		const sent = h.gemini.requests.at(-1);
		expect(sent?.body.generationConfig?.imageConfig).toEqual({ aspectRatio: "16:9", imageSize: "2K" });
		expect(sent?.body.generationConfig?.responseModalities).toEqual(["TEXT", "IMAGE"]);
	});

	it("answers JSON with every image and text in the model's order when asked, or when there are several images", async () => {
		const [first, second] = [await solidPng(1), await solidPng(2)];
		h.gemini.enqueue(imageReply([first, second], "Two of them."));
		const response = await h.post("/v1/images", { prompt: "two squares", imageOnly: true });
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toMatch(/^application\/json/);
		const body = (await response.json()) as Result;
		expect(body.id).toMatch(CONVERSATION_ID);
		expect(body.turn).toBe(1);
		expect(body.text).toEqual(["Two of them."]);
		expect(body.images.map((image) => Buffer.from(image.data, "base64"))).toEqual([first, second]);
		expect(body.parts.map((part) => part.kind)).toEqual(["text", "image", "image"]);
		expect(h.gemini.requests.at(-1)?.body.generationConfig?.responseModalities).toEqual(["IMAGE"]);
	});

	it("continues a conversation over HTTP: the history replays with its thought signatures and images", async () => {
		const made = await solidPng(200, 10, 10);
		h.gemini.enqueue(imageReply([made], "First.", "first"));
		const start = await h.post("/v1/images", { prompt: "a red ball" }, { headers: json });
		const { id } = (await start.json()) as Result;
		const reference = await sharp({ create: { width: 3_000, height: 1_000, channels: 3, background: "#0a0" } })
			.jpeg()
			.toBuffer();
		const count = h.gemini.requests.length;
		const next = await h.post(
			`/v1/conversations/${id}/turns`,
			{ prompt: "now put it on this grass", images: [{ mimeType: "image/jpeg", data: reference.toString("base64") }] },
			{ headers: json },
		);
		expect(next.status).toBe(200);
		expect(((await next.json()) as Result).turn).toBe(2);
		const sent = await geminiRequest(h, count);
		const [user, model, latest] = sent.body.contents;
		expect(user?.parts).toEqual([{ text: "a red ball" }]);
		expect(model?.role).toBe("model");
		expect(model?.parts.map((part) => part.thoughtSignature)).toEqual(["first-text", "first-img-0"]);
		expect(model?.parts[1]?.inlineData?.data).toBe(made.toString("base64"));
		// The input image was normalised like a Discord attachment: JPEG, at most 2048 px on its long edge.
		const inline = latest?.parts[0]?.inlineData;
		expect(inline?.mimeType).toBe("image/jpeg");
		const meta = await sharp(Buffer.from(inline?.data ?? "", "base64")).metadata();
		expect([meta.width, meta.height]).toEqual([2_048, 683]);
		expect(latest?.parts[1]).toEqual({ text: "now put it on this grass" });
	});

	it("a token reaches only its own conversations: another token's, a Discord thread's or an unknown id is 404", async () => {
		const start = await h.post("/v1/images", { prompt: "mine" }, { headers: json });
		const { id } = (await start.json()) as Result;
		const other = await h.post(`/v1/conversations/${id}/turns`, { prompt: "theirs" }, { token: TOKENS[1] });
		expect(other.status).toBe(404);
		expect(await other.json()).toMatchObject({ error: "not_found" });
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a discord thread" },
		});
		const thread = await threadNamed(h, "a discord thread");
		await h.discord.waitFor(() => botImages(h, thread.id)[0]);
		expect(await h.bot.deps.store.getConversation(thread.id)).toBeDefined();
		for (const target of [thread.id, "0".repeat(32), "not-an-id"]) {
			const response = await h.post(`/v1/conversations/${target}/turns`, { prompt: "hijack" });
			expect(response.status, target).toBe(404);
		}
		const mine = await h.post(`/v1/conversations/${id}/turns`, { prompt: "mine again" });
		expect(mine.status).toBe(200);
	});

	it("refuses without a token or with a wrong one (401, WWW-Authenticate), before reading the body", async () => {
		const before = h.gemini.requests.length;
		for (const token of [null, "wrong-token-but-long-enough", `${TOKENS[0]}x`]) {
			for (const path of ["/v1/images", "/generate-image"]) {
				const response = await h.post(path, { prompt: "a cat" }, { token });
				expect(response.status, `${path} ${token}`).toBe(401);
				expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
				expect(await response.json()).toMatchObject({ error: "unauthorized" });
			}
		}
		const basic = await h.post(
			"/v1/images",
			{ prompt: "a cat" },
			{ token: null, headers: { authorization: "Basic abc" } },
		);
		expect(basic.status).toBe(401);
		expect(h.gemini.requests.length).toBe(before);
	});

	it.each<[string, number, string, unknown]>([
		["a body that is not an object", 400, "invalid_request", [1, 2]],
		["no prompt field", 400, "invalid_request", {}],
		["an empty prompt and no images", 400, "prompt_empty", { prompt: "  " }],
		["an over-long prompt", 400, "prompt_too_long", { prompt: "x".repeat(4_001) }],
		["an aspect ratio no model takes", 400, "unsupported_aspect_ratio", { prompt: "a", aspectRatio: "7:3" }],
		["a size the model does not take", 400, "unsupported_size", { prompt: "a", size: "8K" }],
		["an unknown field", 400, "invalid_request", { prompt: "a", aspect: "16:9" }],
		[
			"image data that is not base64",
			400,
			"invalid_image_data",
			{ prompt: "a", images: [{ mimeType: "image/png", data: "%%%" }] },
		],
		[
			"a type that is not an image",
			400,
			"unsupported_image_type",
			{ prompt: "a", images: [{ mimeType: "text/html", data: "" }] },
		],
		[
			"bytes that are not an image",
			400,
			"not_an_image",
			{ prompt: "a", images: [{ mimeType: "image/png", data: Buffer.from("<html>hi</html>").toString("base64") }] },
		],
		[
			"more images than the model takes",
			400,
			"too_many_images",
			{ prompt: "a", images: Array(15).fill({ mimeType: "image/png", data: "" }) },
		],
	])("answers %s with %i %s, and calls no model", async (_name, status, code, body) => {
		const before = h.gemini.requests.length;
		const response = await h.post("/v1/images", body);
		expect(response.status).toBe(status);
		const answer = (await response.json()) as { error: string; message: string };
		expect(answer.error).toBe(code);
		expect(answer.message.length).toBeGreaterThan(10);
		expect(h.gemini.requests.length).toBe(before);
	});

	it("answers a body that is not JSON with 400 invalid_json, and another content type with 415", async () => {
		const broken = await h.post("/v1/images", "{not json");
		expect(broken.status).toBe(400);
		expect(await broken.json()).toMatchObject({ error: "invalid_json" });
		const text = await h.post("/v1/images", "prompt=a", { headers: { "content-type": "text/plain" } });
		expect(text.status).toBe(415);
	});

	it("answers a blocked prompt and a withheld image with 422: reason, decoded category, what to change", async () => {
		h.gemini.enqueue(reply([], { promptFeedback: { blockReason: "PROHIBITED_CONTENT" } }));
		const prompt = await h.post("/v1/images", { prompt: "something forbidden" });
		expect(prompt.status).toBe(422);
		expect(await prompt.json()).toMatchObject({ error: "blocked", stage: "prompt", reason: "PROHIBITED_CONTENT" });
		h.gemini.enqueue(reply([], { finishReason: "IMAGE_SAFETY", finishMessage: "Blocked: support codes 49257518." }));
		const output = await h.post("/v1/images", { prompt: "a famous actor" });
		expect(output.status).toBe(422);
		expect(await output.json()).toMatchObject({
			error: "blocked",
			stage: "output",
			reason: "IMAGE_SAFETY",
			category: "celebrity",
			categoryLabel: "a photorealistic depiction of a real, famous person",
			codes: ["49257518"],
			hint: expect.stringMatching(/fictional person/),
			message: expect.stringMatching(/withheld it for a photorealistic depiction/),
		});
	});

	it("answers a text-only answer with 422 no_image_returned and the model's text", async () => {
		h.gemini.enqueue(reply([{ text: "I would rather describe it: a calm lake." }]));
		const response = await h.post("/v1/images", { prompt: "a lake" });
		expect(response.status).toBe(422);
		expect(await response.json()).toMatchObject({
			error: "no_image_returned",
			messages: ["I would rather describe it: a calm lake."],
			id: expect.stringMatching(CONVERSATION_ID),
		});
	});

	it("answers Gemini's errors after the bot's retries: 503 unavailable, 502 rejected, 429 quota with Retry-After", async () => {
		h.gemini.enqueue(errorReply(503), errorReply(503));
		const unavailable = await h.post("/v1/images", { prompt: "busy" });
		expect(unavailable.status).toBe(503);
		expect(await unavailable.json()).toMatchObject({ error: "gemini_unavailable" });
		h.gemini.enqueue(errorReply(400));
		const rejected = await h.post("/v1/images", { prompt: "odd" });
		expect(rejected.status).toBe(502);
		expect(await rejected.json()).toMatchObject({ error: "gemini_rejected", ref: expect.any(String) });
		// Gemini asks for 90 s, longer than GEMINI_MAX_QUOTA_WAIT_MS (60 s): the turn ends at once.
		h.gemini.enqueue(errorReply(429, "90s"));
		const quota = await h.post("/v1/images", { prompt: "again" });
		expect(quota.status).toBe(429);
		expect(quota.headers.get("retry-after")).toBe("90");
		expect(await quota.json()).toMatchObject({ error: "gemini_quota" });
	});

	it("GET /openapi.json needs no token; unknown routes are 404 JSON", async () => {
		expect((await fetch(`${h.base}/openapi.json`)).status).toBe(200);
		const missing = await fetch(`${h.base}/v2/nothing`);
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ error: "not_found" });
	});

	it("counts HTTP turns by entry point in /metrics and logs requests without prompt text or tokens", async () => {
		const metrics = await (await fetch(`${h.base}/metrics`)).text();
		expect(metrics).toMatch(/imagebot_turns_total\{entry="http",outcome="image",detail=""\} [1-9]/);
		expect(metrics).toMatch(/imagebot_turns_total\{entry="http",outcome="blocked",detail="celebrity"\} 1/);
		expect(metrics).toMatch(/imagebot_turns_total\{entry="http",outcome="refused",detail="promptEmpty"\} 1/);
		expect(metrics).toMatch(/imagebot_gemini_errors_total\{status="503"\} 2/);
		expect(metrics).toMatch(/imagebot_http_requests_total\{route="\/v1\/images",status="401"\} 4/);
		const lines = logLines.join("\n");
		expect(lines).toContain('"msg":"http request"');
		expect(lines).toMatch(
			/"route":"\/v1\/images","status":200,"ms":\d+,"client":"[0-9a-f]{16}","conversation":"[0-9a-f]{32}"/,
		);
		for (const secret of ["a red square", "now put it on this grass", "something forbidden", TOKENS[0], "test-token"]) {
			expect(lines).not.toContain(secret);
		}
		expectNothingStray(h);
	});
});
