// test/e2e/limits.test.ts: model limits and Discord limits, end to end, on gemini-2.5-flash-image.
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { imageReply, solidPng } from "../../fakes/fakeGemini.js";
import { botImages, botMessages, expectNothingStray, type Harness, startHarness, threadNamed } from "./harness.js";

describe("limits, end to end (gemini-2.5-flash-image)", () => {
	let h: Harness;
	let threadId: string;

	beforeAll(async () => {
		h = await startHarness({ env: { GEMINI_MODEL: "gemini-2.5-flash-image" } });
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("refuses a size the model does not take, privately, before any Gemini call", async () => {
		const interaction = await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a tiny banana", size: "2K" },
		});
		await h.discord.waitFor(() => interaction.callbacks.length > 0);
		expect(interaction.ephemeral).toBe(true);
		expect(JSON.stringify(interaction.callbacks[0]?.data)).toContain("does not take a size option");
		expect(h.gemini.requests).toHaveLength(0);
		expect(h.discord.threads()).toHaveLength(0);
	});

	it("re-encodes an output image over Discord's upload limit until it fits", async () => {
		const width = 2_400;
		const height = 1_600;
		const noise = Buffer.alloc(width * height * 3);
		for (let index = 0; index < noise.length; index++) noise[index] = (index * 2_654_435_761) >>> 24;
		const huge = await sharp(noise, { raw: { width, height, channels: 3 } })
			.png({ compressionLevel: 0 })
			.toBuffer();
		expect(huge.length).toBeGreaterThan(10 * 1_024 * 1_024);
		h.gemini.enqueue(imageReply([huge], "A very detailed banana."));
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a detailed banana" },
		});
		const thread = await threadNamed(h, "a detailed banana");
		threadId = thread.id;
		const posted = await h.discord.waitFor(() => botImages(h, threadId)[0]);
		const attachment = posted.attachments[0];
		expect(attachment?.size).toBeLessThanOrEqual(10 * 1_024 * 1_024);
		expect(attachment?.filename).toMatch(/\.jpg$/);
		expect((await sharp(attachment?.data).metadata()).format).toBe("jpeg");
	});

	it("tells the member when a message has more images than the model takes, without calling Gemini", async () => {
		const before = h.gemini.requests.length;
		const images = await Promise.all([1, 2, 3, 4].map((shade) => solidPng(shade * 50)));
		const message = await h.discord.userMessage({
			channelId: threadId,
			content: "combine these",
			attachments: images.map((data, index) => ({ filename: `p${index}.png`, contentType: "image/png", data })),
		});
		const refusal = await h.discord.waitFor(() =>
			botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === message.id),
		);
		expect(refusal.content).toBe(
			"You attached 4 images; this model takes at most 3 per turn. Attach fewer and try again.",
		);
		expect(h.gemini.requests).toHaveLength(before);
	});

	it("says an animated GIF was reduced to its first frame", async () => {
		const frame = (background: string) =>
			sharp({ create: { width: 32, height: 32, channels: 3, background } })
				.png()
				.toBuffer();
		const asAnimation = await sharp([await frame("#ff0000"), await frame("#0000ff")], { join: { animated: true } })
			.gif()
			.toBuffer();
		expect((await sharp(asAnimation).metadata()).pages).toBe(2);
		await h.discord.userMessage({
			channelId: threadId,
			content: "use this",
			attachments: [{ filename: "wave.gif", contentType: "image/gif", data: asAnimation }],
		});
		const note = await h.discord.waitFor(() =>
			botMessages(h, threadId).find((posted) => posted.content.includes("first frame")),
		);
		expect(note.content).toContain("`wave.gif` is animated");
	});
});
