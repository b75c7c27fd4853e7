// test/e2e/redisStore.test.ts: with STORE_URL=redis://, a restarted bot continues the thread from Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageReply, solidPng } from "../../fakes/fakeGemini.js";
import { botImages, geminiRequest, type Harness, startHarness, threadNamed } from "./harness.js";

describe("thread conversations in Redis, end to end", () => {
	let h: Harness;

	beforeAll(async () => {
		h = await startHarness({ store: "redis" });
	});
	afterAll(async () => {
		await h?.close();
	});

	it("continues the thread after a restart, replaying history and signatures from Redis", async () => {
		const image = await solidPng(90);
		h.gemini.enqueue(imageReply([image], "A red car.", "redis"));
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a red car" },
		});
		const thread = await threadNamed(h, "a red car");
		await h.discord.waitFor(() => h.gemini.requests.length === 1);
		await h.discord.waitFor(() => botImages(h, thread.id)[0]);

		await h.restart();
		expect(h.env.STORE_URL).toMatch(/^redis:\/\//);
		const stored = await h.bot.deps.store.getConversation(thread.id);
		expect(stored?.exchanges).toHaveLength(1);
		expect(stored?.exchanges[0]?.model.map((part) => part.thoughtSignature)).toEqual(["redis-text", "redis-img-0"]);

		await h.discord.userMessage({ channelId: thread.id, content: "make the car yellow" });
		const request = await geminiRequest(h, 1);
		expect(request.body.contents.map((content) => content.role)).toEqual(["user", "model", "user"]);
		expect(request.body.contents[1]?.parts[1]).toEqual({
			inlineData: { mimeType: "image/png", data: image.toString("base64") },
			thoughtSignature: "redis-img-0",
		});
		expect(request.body.contents[2]).toEqual({ role: "user", parts: [{ text: "make the car yellow" }] });
		expect(h.discord.unknownRoutes).toEqual([]);
	});
});
