// test/e2e/streaming.test.ts: the live preview while an answer streams in (text, thoughts, drafts), stream faults, history.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RestCall } from "../../fakes/fakeDiscord.js";
import { imageReply, type RecordedPart, reply, solidPng, streamChunks } from "../../fakes/fakeGemini.js";
import { botImages, botMessages, expectNothingStray, geminiRequest, type Harness, startHarness } from "./harness.js";

/** One chunk per word of `text` (the signature on the last), then the image, finish reason on it. */
function wordChunks(text: string, image: Buffer, signature: string): unknown[] {
	const words = text.split(/(?<= )/);
	const part = (piece: RecordedPart) => ({ candidates: [{ content: { role: "model", parts: [piece] }, index: 0 }] });
	return [
		...words.map((word, index) =>
			part({ text: word, ...(index === words.length - 1 ? { thoughtSignature: `${signature}-text` } : {}) }),
		),
		{
			candidates: [
				{
					content: {
						role: "model",
						parts: [
							{
								inlineData: { mimeType: "image/png", data: image.toString("base64") },
								thoughtSignature: `${signature}-img`,
							},
						],
					},
					finishReason: "STOP",
					index: 0,
				},
			],
			usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 1_290, totalTokenCount: 1_300 },
		},
	];
}

describe("live preview of a streamed answer, end to end", () => {
	let h: Harness;
	let threadId: string;
	const messageCalls = (channelId: string) =>
		h.discord.restCalls.filter(
			(call) => call.path.startsWith(`/channels/${channelId}/messages`) && call.method !== "GET",
		);
	/** The bot's answers with an image (the progress message's draft is not one). */
	const results = (channelId: string) =>
		botImages(h, channelId).filter((message) => message.attachments.some((file) => /^v\d+\./.test(file.filename)));
	const contentOf = (call: RestCall) => String((call.body as { content?: string } | undefined)?.content ?? "");
	/** The REST calls since `from` that sent or edited the progress message (it starts with the status line). */
	const progressCalls = (channelId: string, from: number) =>
		messageCalls(channelId)
			.slice(from)
			.filter((call) => call.method !== "DELETE" && contentOf(call).startsWith("⏳"));

	beforeAll(async () => {
		h = await startHarness({ env: { GEMINI_MAX_RETRIES: "1" } });
		h.gemini.enqueue(imageReply([await solidPng(10)], "The first car.", "a"));
		await h.discord.slashCommand({ name: "imagine", channelId: h.discord.textChannelId, options: { prompt: "a car" } });
		threadId = (await h.discord.waitFor(() => h.discord.threads()[0])).id;
		await h.discord.waitFor(() => results(threadId)[0]);
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("shows text chunks arriving 300 ms apart in the progress message, a few coalesced edits, then the answer", async () => {
		const text = "Painting it yellow now, keeping the chrome and the wheels as they were before.";
		h.gemini.enqueue({
			...imageReply([]),
			stream: { chunks: wordChunks(text, await solidPng(40), "b"), chunkDelayMs: 300 },
		});
		const from = messageCalls(threadId).length;
		await h.discord.userMessage({ channelId: threadId, content: "make the car yellow" });
		const answer = await h.discord.waitFor(() => results(threadId)[1]);
		const calls = messageCalls(threadId).slice(from);
		const progress = progressCalls(threadId, from);
		// The first words were in the progress message before the answer was posted.
		const answerAt = calls.findIndex((call) => call.files?.some((file) => file.filename?.startsWith("v")));
		const firstPreview = calls.findIndex((call) => contentOf(call).includes("Painting"));
		expect(firstPreview).toBeGreaterThanOrEqual(0);
		expect(firstPreview).toBeLessThan(answerAt);
		// 14 chunks over about 4 s: edits at least 1.5 s apart, so a handful, each showing more of the text.
		expect(progress.length).toBeGreaterThanOrEqual(2);
		expect(progress.length).toBeLessThanOrEqual(5);
		const shown = progress.map((call) => contentOf(call).split("\n").slice(1).join("\n"));
		for (const [index, next] of shown.entries())
			if (index > 0) expect(next.length).toBeGreaterThan(shown[index - 1]?.length ?? 0);
		// The answer is posted whole, and the progress message is gone.
		expect(answer.content).toContain(text);
		await h.discord.waitFor(() => botMessages(h, threadId).every((message) => !message.content.startsWith("⏳")));
		// The next request replays the answer as one text part with its signature, as an unstreamed call stores it.
		h.gemini.enqueue(imageReply([await solidPng(41)], "Spoiler added.", "c"));
		await h.discord.userMessage({ channelId: threadId, content: "now add a spoiler" });
		const next = await geminiRequest(h, h.gemini.requests.length);
		const model = next.body.contents.at(-2);
		expect(model?.role).toBe("model");
		expect(model?.parts.map((part) => [part.text, part.thoughtSignature, Boolean(part.inlineData)])).toEqual([
			[text, "b-text", false],
			[undefined, "b-img", true],
		]);
		await h.discord.waitFor(() => results(threadId)[2]);
	});

	it("shows a thought and a draft image as a preview, never in the answer or the next request", async () => {
		const draft = await solidPng(250, 250, 0, 256);
		const final = await solidPng(60);
		const answer = reply([
			{ text: "**Placing the spoiler**\n\nChecking the angle against the body line.", thought: true },
			{ inlineData: { mimeType: "image/png", data: draft.toString("base64") }, thought: true },
			{ text: "Here is the spoiler, angled up.", thoughtSignature: "d-text" },
			{ inlineData: { mimeType: "image/png", data: final.toString("base64") }, thoughtSignature: "d-img" },
		]);
		h.gemini.enqueue({ ...answer, stream: { chunkDelayMs: 600 } });
		const from = messageCalls(threadId).length;
		const before = results(threadId).length;
		await h.discord.userMessage({ channelId: threadId, content: "angle the spoiler up" });
		const posted = await h.discord.waitFor(() => results(threadId)[before]);
		const request = h.gemini.requests.at(-1);
		expect(request?.body.generationConfig?.thinkingConfig).toEqual({ includeThoughts: true });
		const progress = progressCalls(threadId, from);
		const withDraft = progress.find((call) => call.files?.some((file) => file.filename === "draft.jpg"));
		expect(withDraft, JSON.stringify(progress.map(contentOf))).toBeDefined();
		expect(contentOf(withDraft as RestCall)).toContain("Draft 1");
		expect(progress.some((call) => contentOf(call).includes("💭 Thinking: Placing the spoiler"))).toBe(true);
		// The answer carries the final image only, and the preview (with its draft) is deleted.
		expect(posted.attachments.map((attachment) => attachment.filename)).toEqual([expect.stringMatching(/^v\d+\.png$/)]);
		expect(posted.content).not.toContain("Placing the spoiler");
		await h.discord.waitFor(() =>
			botMessages(h, threadId).every((message) => message.attachments.every((file) => file.filename !== "draft.jpg")),
		);
		h.gemini.enqueue(imageReply([await solidPng(61)]));
		await h.discord.userMessage({ channelId: threadId, content: "lower it a bit" });
		const next = await geminiRequest(h, h.gemini.requests.length);
		const replayed = JSON.stringify(next.body.contents);
		expect(replayed).not.toContain("Placing the spoiler");
		expect(replayed).not.toContain(draft.toString("base64").slice(0, 200));
		expect(next.body.contents.at(-2)?.parts.every((part) => !part.thought)).toBe(true);
		await h.discord.waitFor(() => results(threadId)[before + 1]);
	});

	it("retries a stream that drops after two chunks: the answer is whole and posted once", async () => {
		const text = "A whole answer that the first attempt never finished.";
		const whole = imageReply([await solidPng(70)], text, "e");
		h.gemini.enqueue({ ...whole, stream: { dropAfter: 2 } }, whole);
		const requests = h.gemini.requests.length;
		const before = results(threadId).length;
		await h.discord.userMessage({ channelId: threadId, content: "one more time" });
		const posted = await h.discord.waitFor(() => results(threadId)[before]);
		expect(h.gemini.requests.length).toBe(requests + 2);
		expect(posted.content).toContain(text);
		expect(results(threadId)).toHaveLength(before + 1);
		// Both chunks the failed attempt sent were a prefix of the answer, never posted on their own.
		const first = streamChunks(whole.body)[0] as { candidates: { content: { parts: { text: string }[] } }[] };
		const prefix = first.candidates[0]?.content.parts[0]?.text ?? "";
		expect(botMessages(h, threadId).filter((message) => message.content.trim() === prefix.trim())).toHaveLength(0);
	});

	it("a stream that keeps dropping ends in a clear failure, and the progress message is cleaned up", async () => {
		const whole = imageReply([await solidPng(80)], "Never finished, though it started well enough.");
		// Slow enough that the preview shows before each attempt breaks off.
		const cut = { ...whole, stream: { dropAfter: 3, chunkDelayMs: 700 } };
		h.gemini.enqueue(cut, cut);
		const from = messageCalls(threadId).length;
		// By id, not by count: an earlier turn's progress message may still be deleted after this line.
		const earlier = new Set(botMessages(h, threadId).map((message) => message.id));
		await h.discord.userMessage({ channelId: threadId, content: "try it" });
		const failure = await h.discord.waitFor(
			() =>
				botMessages(h, threadId)
					.filter((message) => !earlier.has(message.id))
					.find((message) => !message.content.startsWith("⏳")),
			// Two attempts of about 2 s each and a backoff, on a machine that may be busy.
			{ timeoutMs: 25_000, what: "the turn's outcome" },
		);
		expect(failure.content).toContain("Gemini is overloaded or unavailable");
		expect(failure.attachments).toEqual([]);
		expect(progressCalls(threadId, from).some((call) => contentOf(call).includes("💭 Thinking: Thinking"))).toBe(true);
		await h.discord.waitFor(() => botMessages(h, threadId).every((message) => !message.content.startsWith("⏳")));
		expect(botMessages(h, threadId).some((message) => message.content.includes("Never finished"))).toBe(false);
	});

	it("with threads.livePreview off, asks for no thoughts and shows no preview", async () => {
		const set = await h.discord.slashCommand({
			name: "settings",
			channelId: h.discord.textChannelId,
			userId: h.discord.moderatorId,
			options: { key: "threads.livePreview", value: "false" },
			subcommand: "set",
		});
		await h.discord.waitFor(() => set.callbacks.length > 0 || undefined);
		h.gemini.enqueue({
			...imageReply([await solidPng(90)], "Quietly done, no preview."),
			stream: { chunkDelayMs: 300 },
		});
		const from = messageCalls(threadId).length;
		const before = results(threadId).length;
		await h.discord.userMessage({ channelId: threadId, content: "quietly" });
		await h.discord.waitFor(() => results(threadId)[before]);
		expect(h.gemini.requests.at(-1)?.body.generationConfig?.thinkingConfig).toBeUndefined();
		expect(progressCalls(threadId, from)).toEqual([]);
	});
});
