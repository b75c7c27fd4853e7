// test/e2e/imagine.test.ts: /imagine opens a thread that is a multi-turn Gemini conversation (SQLite store).
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { errorReply, imageReply, reply, solidPng } from "../../fakes/fakeGemini.js";
import { deployCommands } from "../../src/discord/deployCommands.js";
import {
	botImages,
	botMessages,
	expectNothingStray,
	geminiRequest,
	type Harness,
	startHarness,
	threadNamed,
} from "./harness.js";

const PROMPT = "a nano banana dish in a fancy restaurant";

describe("/imagine and thread turns, end to end (SQLite)", () => {
	let h: Harness;
	let threadId: string;

	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("registers every command to the configured guild, or globally without DISCORD_GUILD_ID", async () => {
		const expected = ["imagine", "undo", "forget", "settings", "usage", "help", "Edit image"];
		const namesIn = (commands: unknown[] | undefined) =>
			(commands ?? []).map((command) => (command as { name: string }).name);
		expect(namesIn(h.discord.registeredCommands.guild.get(h.discord.guildId))).toEqual(
			expect.arrayContaining(expected),
		);
		expect(namesIn(h.discord.registeredCommands.global)).toEqual([]);
		const result = await deployCommands({
			discordToken: h.discord.token,
			discordApiUrl: h.discord.apiUrl,
			discordGuildId: undefined,
		});
		expect(result.scope).toBe("global");
		expect(namesIn(h.discord.registeredCommands.global)).toEqual(expect.arrayContaining(expected));
	});

	it("acknowledges /imagine, opens a thread named after the prompt and posts text and image in model order", async () => {
		const image = await solidPng(200);
		h.gemini.enqueue(imageReply([image], "A golden dish, as asked.", "first"));
		const callsBefore = h.discord.restCalls.length;
		const interaction = await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: PROMPT, aspect: "16:9" },
		});
		const thread = await threadNamed(h, PROMPT);
		threadId = thread.id;
		// One callback both acknowledges and carries the heading the thread starts from (no defer, no edit).
		expect(interaction.callbacks.map((callback) => callback.type)).toEqual([4]);
		const posted = await h.discord.waitFor(() => botImages(h, threadId)[0], { what: "image in the thread" });
		expect(posted.content).toBe("A golden dish, as asked.\n-# v1");
		expect(posted.attachments[0]?.filename).toBe("v1.png");
		expect(posted.attachments).toHaveLength(1);
		expect(posted.attachments[0]?.data.equals(image)).toBe(true);
		expect(posted.allowed_mentions).toMatchObject({ parse: [] });
		expect(posted.content).not.toContain("Thinking about composition");
		const [request] = h.gemini.requests;
		expect(request?.model).toBe("gemini-3.1-flash-image");
		expect(request?.body.generationConfig).toMatchObject({
			responseModalities: ["TEXT", "IMAGE"],
			imageConfig: { aspectRatio: "16:9" },
		});
		expect(request?.body.contents).toEqual([{ role: "user", parts: [{ text: PROMPT }] }]);
		expect(h.discord.typing).toContain(threadId);
		expect(interaction.original()?.content).toContain(PROMPT);
		// Four REST calls in all: the reply with its heading, the thread from it, typing in the thread, the image.
		await h.bot.deps.turns.idle();
		const calls = h.discord.restCalls
			.slice(callsBefore)
			.map(
				(call) =>
					`${call.method} ${call.path.replace(/\/interactions\/\d+\/[^/]+/, "/interactions/:id/:token").replace(/\d{6,}/g, ":id")}`,
			);
		expect(calls).toEqual([
			"POST /interactions/:id/:token/callback",
			"POST /channels/:id/messages/:id/threads",
			"POST /channels/:id/typing",
			"POST /channels/:id/messages",
		]);
	});

	it("sends a follow-up with an attachment as the next turn, with the whole history and thought signatures", async () => {
		const cat = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#884422" } })
			.jpeg()
			.toBuffer();
		const before = h.gemini.requests.length;
		const message = await h.discord.userMessage({
			channelId: threadId,
			content: "put my cat at the table",
			attachments: [{ filename: "cat.jpg", contentType: "image/jpeg", data: cat }],
		});
		const request = await geminiRequest(h, before);
		const firstImage = h.gemini.requests[0]?.body.contents;
		expect(firstImage).toBeDefined();
		const contents = request.body.contents;
		expect(contents.map((content) => content.role)).toEqual(["user", "model", "user"]);
		expect(contents[0]).toEqual({ role: "user", parts: [{ text: PROMPT }] });
		const firstReplyImage = botImages(h, threadId)[0]?.attachments[0]?.data;
		expect(contents[1]?.parts).toEqual([
			{ text: "A golden dish, as asked.", thoughtSignature: "first-text" },
			{
				inlineData: { mimeType: "image/png", data: firstReplyImage?.toString("base64") },
				thoughtSignature: "first-img-0",
			},
		]);
		const [catPart, textPart] = contents[2]?.parts ?? [];
		expect(catPart?.inlineData?.mimeType).toBe("image/jpeg");
		const sent = await sharp(Buffer.from(catPart?.inlineData?.data ?? "", "base64")).metadata();
		expect([sent.width, sent.height]).toEqual([300, 200]);
		expect(textPart).toEqual({ text: "put my cat at the table" });
		const answer = await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === message.id),
			{
				what: "reply to the follow-up",
			},
		);
		expect(answer.attachments).toHaveLength(1);
	});

	it("carries on the same thread after the bot restarts", async () => {
		const before = h.gemini.requests.length;
		const previous = h.gemini.requests[before - 1]?.body.contents ?? [];
		await h.restart();
		await h.discord.userMessage({ channelId: threadId, content: "now add a spoiler" });
		const request = await geminiRequest(h, before);
		expect(request.body.contents).toHaveLength(5);
		expect(request.body.contents.slice(0, 3)).toEqual(previous);
		expect(request.body.contents[3]?.role).toBe("model");
		expect(request.body.contents[3]?.parts.every((part) => part.thoughtSignature)).toBe(true);
		expect(request.body.contents[4]).toEqual({ role: "user", parts: [{ text: "now add a spoiler" }] });
	});

	it("posts the decoded category when an image is blocked, and keeps the blocked turn out of the history", async () => {
		const before = h.gemini.requests.length;
		// The last request's contents, the model's answer to it, and the new user turn.
		const historyLength = (h.gemini.requests[before - 1]?.body.contents.length ?? 0) + 2;
		h.gemini.enqueue(
			reply([], {
				finishReason: "IMAGE_SAFETY",
				finishMessage: "Unable to show the generated image. The image was filtered out. Support codes: 63429089",
			}),
		);
		const message = await h.discord.userMessage({ channelId: threadId, content: "make it racy" });
		const notice = await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === message.id),
			{
				what: "block notice",
			},
		);
		expect(notice.content).toContain("sexual content");
		expect(notice.content).toContain("not added to the conversation");
		expect(notice.attachments).toEqual([]);
		await h.discord.userMessage({ channelId: threadId, content: "make it blue instead" });
		const next = await geminiRequest(h, before + 1);
		expect(next.body.contents).toHaveLength(historyLength);
		expect(JSON.stringify(next.body.contents)).not.toContain("make it racy");
	});

	it("says a prompt was blocked, and posts a text-only answer with a hint to ask for an image", async () => {
		h.gemini.enqueue(reply([], { promptFeedback: { blockReason: "PROHIBITED_CONTENT" } }));
		const blocked = await h.discord.userMessage({ channelId: threadId, content: "something forbidden" });
		const blockedNotice = await h.discord.waitFor(() =>
			botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === blocked.id),
		);
		expect(blockedNotice.content).toContain("blocked this prompt");
		h.gemini.enqueue(reply([{ text: "I'd rather describe it: a shiny golden plate." }]));
		await h.discord.userMessage({ channelId: threadId, content: "what would it look like?" });
		const answer = await h.discord.waitFor(() =>
			botMessages(h, threadId).find((posted) => posted.content.includes("shiny golden plate")),
		);
		expect(answer.attachments).toEqual([]);
		await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.content.includes("generate an image of")),
			{
				what: "hint to ask explicitly",
			},
		);
	});

	it("ignores bots and webhooks, and answers a non-image attachment without calling Gemini", async () => {
		const before = h.gemini.requests.length;
		await h.discord.userMessage({ channelId: threadId, content: "make it purple", bot: true });
		await h.discord.userMessage({ channelId: threadId, content: "make it orange", webhookId: h.discord.applicationId });
		const notes = await h.discord.userMessage({
			channelId: threadId,
			content: "use this",
			attachments: [
				{ filename: "notes.png", contentType: "image/png", data: Buffer.from("just some text, not a picture") },
			],
		});
		const refusal = await h.discord.waitFor(() =>
			botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === notes.id),
		);
		expect(refusal.content).toContain("`notes.png` is not an image");
		await h.discord.userMessage({ channelId: threadId, content: "make it green" });
		const request = await geminiRequest(h, before);
		expect(request.body.contents.at(-1)).toEqual({ role: "user", parts: [{ text: "make it green" }] });
		expect(h.gemini.requests).toHaveLength(before + 1);
	});

	it("runs /imagine inside the thread as the next turn, with that turn's output option", async () => {
		const before = h.gemini.requests.length;
		const interaction = await h.discord.slashCommand({
			name: "imagine",
			channelId: threadId,
			options: { prompt: "one more, image only", output: "image" },
		});
		const request = await geminiRequest(h, before);
		expect(request.body.generationConfig?.responseModalities).toEqual(["IMAGE"]);
		expect(request.body.generationConfig?.imageConfig?.aspectRatio).toBe("16:9");
		expect(request.body.contents.length).toBeGreaterThan(3);
		expect(interaction.callbacks.map((callback) => callback.type)).toEqual([4]);
		expect(interaction.original()?.content).toContain("one more, image only");
		expect(h.discord.threads().filter((thread) => thread.name === "one more, image only")).toEqual([]);
	});

	it("treats a DM as one conversation", async () => {
		const before = h.gemini.requests.length;
		await h.discord.userMessage({ channelId: h.discord.dmChannelId, content: "a cat astronaut" });
		await geminiRequest(h, before);
		await h.discord.waitFor(() => botImages(h, h.discord.dmChannelId)[0]);
		await h.discord.userMessage({ channelId: h.discord.dmChannelId, content: "give it a helmet" });
		const second = await geminiRequest(h, before + 1);
		expect(second.body.contents.map((content) => content.role)).toEqual(["user", "model", "user"]);
		expect(second.body.contents[0]).toEqual({ role: "user", parts: [{ text: "a cat astronaut" }] });
	});

	it("keeps a turn in line through a Gemini 429 and retries it when RetryInfo allows", async () => {
		const before = h.gemini.requests.length;
		h.gemini.enqueue(errorReply(429, "1s"));
		const message = await h.discord.userMessage({ channelId: threadId, content: "and a tiny umbrella" });
		const notice = await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.content.includes("keeps its place")),
			{
				what: "quota wait notice",
			},
		);
		// It names when it retries (a Discord timestamp) and never says it is working while it waits.
		expect(notice.content).toMatch(/retries <t:\d+:R>/);
		expect(notice.content).not.toContain("Working");
		expect(notice.components?.length).toBe(1);
		const answer = await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === message.id),
			{ what: "answer after the quota wait" },
		);
		expect(answer.attachments).toHaveLength(1);
		expect(h.gemini.requests).toHaveLength(before + 2);
		expect(h.gemini.requests[before + 1]?.body).toEqual(h.gemini.requests[before]?.body);
		await h.discord.waitFor(() => !h.discord.message(notice.id) || h.discord.message(notice.id)?.deleted, {
			what: "notice removed",
		});
	});
});
