import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_FILES_PER_MESSAGE, renderParts } from "../../src/discord/renderReply.js";
import { MAX_MESSAGE_CHARS } from "../../src/discord/splitMessage.js";
import type { ContentPart } from "../../src/gemini/types.js";

const png = (red: number) =>
	sharp({ create: { width: 16, height: 16, channels: 3, background: { r: red, g: 10, b: 10 } } })
		.png()
		.toBuffer();

const image = async (red: number): Promise<ContentPart> => ({
	kind: "image",
	data: await png(red),
	mimeType: "image/png",
});
const text = (value: string): ContentPart => ({ kind: "text", text: value });

describe("renderParts", () => {
	it("keeps the model's order: each image rides with the text before it", async () => {
		const first = await image(1);
		const second = await image(2);
		const messages = await renderParts([text("Step one"), first, text("Step two"), second]);
		expect(messages).toHaveLength(2);
		expect(messages[0]?.content).toBe("Step one");
		expect(messages[0]?.files.map((file) => file.name)).toEqual(["image-1.png"]);
		expect(messages[0]?.files[0]?.data).toBe((first as { data: Buffer }).data);
		expect(messages[1]?.content).toBe("Step two");
		expect(messages[1]?.files.map((file) => file.name)).toEqual(["image-2.png"]);
		expect(messages[1]?.files[0]?.data).toBe((second as { data: Buffer }).data);
	});

	it("sends images that come before any text in a message of their own", async () => {
		const messages = await renderParts([await image(3), text("Here it is")]);
		expect(messages.map((message) => [message.content, message.files.length])).toEqual([
			["", 1],
			["Here it is", 0],
		]);
	});

	it("puts at most 10 images in a message: 12 images make 10 + 2", async () => {
		const parts = await Promise.all(Array.from({ length: 12 }, (_, index) => image(index * 10)));
		const messages = await renderParts(parts);
		expect(messages.map((message) => message.files.length)).toEqual([MAX_FILES_PER_MESSAGE, 2]);
		const names = messages.flatMap((message) => message.files.map((file) => file.name));
		expect(names).toEqual(Array.from({ length: 12 }, (_, index) => `image-${index + 1}.png`));
	});

	it("appends notes last", async () => {
		const messages = await renderParts(
			[text("Done"), await image(4)],
			["Older images were left out.", "This is a note."],
		);
		expect(messages.map((message) => message.content)).toEqual([
			"Done",
			"Older images were left out.",
			"This is a note.",
		]);
		expect(messages.at(-1)?.files).toEqual([]);
		expect(messages[0]?.files).toHaveLength(1);
	});

	it("splits long text and attaches the following image to its last chunk", async () => {
		const long = Array.from({ length: 150 }, (_, index) => `Sentence ${index} about a yellow sofa.`).join(" ");
		expect(long.length).toBeGreaterThan(MAX_MESSAGE_CHARS * 2);
		const messages = await renderParts([text(long), await image(5)]);
		expect(messages.length).toBeGreaterThanOrEqual(3);
		for (const message of messages) expect(message.content.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
		expect(messages.slice(0, -1).every((message) => message.files.length === 0)).toBe(true);
		expect(messages.at(-1)?.files).toHaveLength(1);
		expect(messages.map((message) => message.content).join(" ")).toBe(long);
	});
});
