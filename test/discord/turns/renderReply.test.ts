import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_FILES_PER_MESSAGE, renderParts } from "../../../src/discord/turns/renderReply.js";
import { MAX_MESSAGE_CHARS } from "../../../src/discord/turns/splitMessage.js";
import type { ContentPart } from "../../../src/gemini/types.js";

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

	it("appends notes to the last message, one line each, so a note costs no message of its own", async () => {
		const messages = await renderParts(
			[text("Done"), await image(4)],
			["Older images were left out.", "This is a note."],
		);
		expect(messages.map((message) => message.content)).toEqual(["Done\nOlder images were left out.\nThis is a note."]);
		expect(messages[0]?.files).toHaveLength(1);
	});

	it("puts a note that does not fit in the last message in messages of its own", async () => {
		const long = "x".repeat(MAX_MESSAGE_CHARS - 200);
		const note = "A note. ".repeat(30).trim();
		const messages = await renderParts([text(long)], [note]);
		expect(messages.map((message) => message.content)).toEqual([long, note]);
		const huge = "n".repeat(MAX_MESSAGE_CHARS + 5);
		const split = await renderParts([text("Done")], [huge]);
		expect(split.map((message) => message.content.length)).toEqual([4, MAX_MESSAGE_CHARS, 5]);
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

	it("labels each message with the versions of its images and names the files after them", async () => {
		const messages = await renderParts(
			[text("Two takes."), await image(6), await image(7), text("And a third."), await image(8)],
			[],
			[3, 4, 5],
		);
		expect(messages.map((message) => message.content)).toEqual(["Two takes.\n-# v3 · v4", "And a third.\n-# v5"]);
		expect(messages.map((message) => message.files.map((file) => file.name))).toEqual([
			["v3.png", "v4.png"],
			["v5.png"],
		]);
		expect(messages.map((message) => message.versions)).toEqual([[3, 4], [5]]);
	});

	it("gives images that come before any text a message holding only their label", async () => {
		const messages = await renderParts([await image(9), text("Here it is")], [], [7]);
		expect(messages.map((message) => [message.content, message.files.map((file) => file.name)])).toEqual([
			["-# v7", ["v7.png"]],
			["Here it is", []],
		]);
	});

	it("labels each message of a split batch with its own versions: 12 images make v1-v10 and v11-v12", async () => {
		const parts = await Promise.all(Array.from({ length: 12 }, (_, index) => image(index * 10)));
		const versions = Array.from({ length: 12 }, (_, index) => index + 1);
		const messages = await renderParts(parts, [], versions);
		expect(messages.map((message) => message.content)).toEqual([
			`-# ${versions
				.slice(0, 10)
				.map((version) => `v${version}`)
				.join(" · ")}`,
			"-# v11 · v12",
		]);
		expect(messages.flatMap((message) => message.files.map((file) => file.name))).toEqual(
			versions.map((version) => `v${version}.png`),
		);
	});

	it("never labels notes or messages without images", async () => {
		const messages = await renderParts([text("Plain words."), text("More words.")], ["A note."], [4]);
		expect(messages.map((message) => message.content)).toEqual(["Plain words.", "More words.\nA note."]);
		const withImage = await renderParts([text("Done"), await image(11)], ["Older images were left out."], [2]);
		expect(withImage.map((message) => message.content)).toEqual(["Done\n-# v2\nOlder images were left out."]);
	});

	it.each([
		{ images: 1, firstVersion: 1 },
		{ images: 1, firstVersion: 123_456 },
		{ images: 3, firstVersion: 998 },
		{ images: 10, firstVersion: 1 },
		{ images: 4, firstVersion: 10_000 },
		{ images: 10, firstVersion: 10 },
		{ images: 10, firstVersion: 100 },
		{ images: 10, firstVersion: 10_000 },
	])(
		"never lets the label of $images image(s) from v$firstVersion push a message past 2000 characters",
		async ({ images, firstVersion }) => {
			const longest = await longestLabelledMessage(images, firstVersion);
			expect(longest).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
		},
	);
});

/**
 * Renders text of every length from 250 under the message limit to just over it (one unbroken word, and words), so
 * some chunk is as long as splitMessage allows whatever room renderParts keeps for labels, followed by `images`
 * images numbered from `firstVersion`, checks that every version is labelled, and returns the longest content.
 */
async function longestLabelledMessage(images: number, firstVersion: number): Promise<number> {
	const picture = await image(12);
	const versions = Array.from({ length: images }, (_, index) => firstVersion + index);
	const label = `-# ${versions.map((version) => `v${version}`).join(" · ")}`;
	let longest = 0;
	for (let length = MAX_MESSAGE_CHARS - 250; length <= MAX_MESSAGE_CHARS + 20; length++) {
		for (const body of ["x".repeat(length), "word ".repeat(length).slice(0, length)]) {
			const messages = await renderParts([text(body), ...versions.map(() => picture)], [], versions);
			expect(messages.at(-1)?.content.endsWith(`\n${label}`)).toBe(true);
			longest = Math.max(longest, ...messages.map((message) => message.content.length));
		}
	}
	return longest;
}
