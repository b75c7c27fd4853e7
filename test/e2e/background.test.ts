// test/e2e/background.test.ts: /background end to end: the real bot, the fake Discord, and a fake Gemini that redraws the photo.
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { imageReply, type RecordedRequest, reply } from "../../fakes/fakeGemini.js";
import { shrink } from "../../src/background/maskOps.js";
import { PLACEHOLDER_SIGNATURE } from "../../src/conversation/runTurn.js";
import { type Fixture, fixtures } from "../background/fixtures.js";
import {
	botImages,
	botMessages,
	buttonId,
	buttonsOf,
	expectNothingStray,
	finalReply,
	geminiRequest,
	type Harness,
	interactionText,
	startHarness,
	threadNamed,
} from "./harness.js";

const PROMPT = "on a marble countertop, soft morning light";

/** The photo a request carries (the padded JPEG the bot sent), decoded. */
async function requestPhoto(request: RecordedRequest) {
	const user = request.body.contents.at(-1);
	const part = user?.parts.find((candidate) => candidate.inlineData);
	const { data, info } = await sharp(Buffer.from(part?.inlineData?.data ?? "", "base64"))
		.removeAlpha()
		.raw()
		.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}

const instructionOf = (request: RecordedRequest) =>
	request.body.contents.at(-1)?.parts.find((part) => part.text)?.text ?? "";

/**
 * What a good image model does with the photo: a new scene (or the flat key colour it was asked for) behind the
 * product, the product redrawn in place slightly warmer, answered at twice the size, as the model picks its own.
 */
function redraw(fixture: Fixture, options: { shiftPx?: number } = {}) {
	return async (request: RecordedRequest) => {
		const photo = await requestPhoto(request);
		const keying = instructionOf(request).includes("flat, uniform");
		const { width, height } = photo;
		const out = Buffer.alloc(width * height * 3);
		const shift = options.shiftPx ?? 0;
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				const i = y * width + x;
				const source = y * width + Math.max(0, x - shift);
				const a = fixture.coverage[source] ?? 0;
				const scene = keying ? [0, 255, 0] : [200 - y * 0.2, 170 + x * 0.1, 150];
				for (let c = 0; c < 3; c++) {
					const product = Math.min(255, (fixture.product[source * 3 + c] ?? 0) + (c === 0 ? 3 : 0));
					out[i * 3 + c] = Math.round(a * product + (1 - a) * (scene[c] ?? 0));
				}
			}
		}
		const png = await sharp(out, { raw: { width, height, channels: 3 } })
			.resize(width * 2, height * 2)
			.png()
			.toBuffer();
		return imageReply([png], "", "bg");
	};
}

async function decodedAttachment(data: Buffer) {
	const { data: rgb, info } = await sharp(data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	return { rgb, width: info.width, height: info.height };
}

/** Every pixel of the product's interior (3 px in from its edge) equals the photo's. */
function productIdentical(fixture: Fixture, rgb: Buffer): boolean {
	const interior = shrink(fixture.truth, 3);
	for (let i = 0; i < interior.data.length; i++) {
		if (interior.data[i] === 0) continue;
		for (let c = 0; c < 3; c++) if (rgb[i * 3 + c] !== fixture.image.data[i * 3 + c]) return false;
	}
	return true;
}

describe("/background, end to end", () => {
	let h: Harness;
	let set: Fixture[];
	let studio: Fixture;

	beforeAll(async () => {
		h = await startHarness();
		set = await fixtures(256);
		studio = set[0] as Fixture;
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => {
		h.gemini.respondWith(undefined);
		expectNothingStray(h);
	});

	const run = (options: Record<string, string | number | boolean | { filename: string; data: Buffer }>) =>
		h.discord.slashCommand({
			name: "background",
			channelId: h.discord.textChannelId,
			options: { image: { filename: "product.png", data: studio.png }, prompt: PROMPT, ...options },
		});

	it("with the computed mask: a thread with 2 PNG results the photo's size, product pixels identical, then a plain message continues", async () => {
		h.gemini.respondWith(redraw(studio));
		const before = h.gemini.requests.length;
		const interaction = await run({});
		const thread = await threadNamed(h, PROMPT);
		expect(interaction.callbacks[0]?.type).toBe(5);
		const result = await h.discord.waitFor(() => botImages(h, thread.id)[0], { what: "the results" });
		expect(result.attachments.map((file) => file.filename)).toEqual(["v2.png", "v3.png"]);
		for (const file of result.attachments) {
			const image = await decodedAttachment(file.data);
			expect([image.width, image.height]).toEqual([256, 256]);
			expect(productIdentical(studio, image.rgb)).toBe(true);
		}
		const requests = h.gemini.requests.slice(before);
		expect(requests).toHaveLength(2);
		for (const request of requests) {
			expect(request.body.generationConfig).toMatchObject({
				responseModalities: ["IMAGE"],
				imageConfig: { aspectRatio: "1:1" },
			});
			expect(instructionOf(request)).toContain(PROMPT);
			expect(instructionOf(request)).toContain("Keep the product exactly as it is");
		}
		const texts = await h.discord.waitFor(() => {
			const all = botMessages(h, thread.id)
				.map((message) => message.content)
				.join("\n");
			return all.includes("verified") ? all : undefined;
		});
		expect(texts).toContain("Product pixels verified identical to your photo in all 2 results");
		expect(texts).toContain("computed locally");
		const info = await h.discord.clickButton({ messageId: result.id, customId: buttonId(result, "t:info") });
		await h.discord.waitFor(() => info.callbacks.length > 0);
		expect(interactionText(info)).toContain("product pixels verified identical to the original");

		h.gemini.respondWith(undefined);
		const count = h.gemini.requests.length;
		await h.discord.userMessage({ channelId: thread.id, content: "now add a reflection" });
		const next = await geminiRequest(h, count);
		const [user, model, latest] = next.body.contents;
		expect(user?.parts.map((part) => part.inlineData?.mimeType ?? part.text)).toEqual(["image/png", PROMPT]);
		expect(model?.parts).toHaveLength(2);
		expect(model?.parts.every((part) => part.thoughtSignature === PLACEHOLDER_SIGNATURE)).toBe(true);
		expect(latest?.parts).toEqual([{ text: "now add a reflection" }]);
	});

	it("uses the member's mask_image (any size with the photo's aspect), and count 1 makes one call", async () => {
		h.gemini.respondWith(redraw(studio));
		const mask = await sharp(Buffer.from(studio.truth.data.map((value) => value * 255)), {
			raw: { width: 256, height: 256, channels: 1 },
		})
			.resize(128, 128)
			.png()
			.toBuffer();
		const before = h.gemini.requests.length;
		const interaction = await run({ mask_image: { filename: "mask.png", data: mask }, count: 1, prompt: "on slate" });
		const thread = await threadNamed(h, "on slate");
		const result = await h.discord.waitFor(() => botImages(h, thread.id)[0], { what: "the result" });
		expect(result.attachments).toHaveLength(1);
		expect(
			productIdentical(studio, (await decodedAttachment(result.attachments[0]?.data ?? Buffer.alloc(0))).rgb),
		).toBe(true);
		expect(h.gemini.requests.length - before).toBe(1);
		// The notes follow the images in a message of their own: wait for the turn to finish posting.
		await h.bot.deps.turns.idle();
		expect(
			botMessages(h, thread.id)
				.map((message) => message.content)
				.join("\n"),
		).toContain("your mask");
		expect(interaction.callbacks[0]?.type).toBe(5);
	});

	it("count 4: four calls, four results in one message", async () => {
		h.gemini.respondWith(redraw(studio));
		const before = h.gemini.requests.length;
		await run({ count: 4, prompt: "on a beach at dusk" });
		const thread = await threadNamed(h, "on a beach at dusk");
		const result = await h.discord.waitFor(() => botImages(h, thread.id)[0], { what: "the results" });
		expect(result.attachments).toHaveLength(4);
		expect(h.gemini.requests.length - before).toBe(4);
	});

	it("posts the results that passed and says which one was blocked and which one drifted", async () => {
		let call = 0;
		const good = redraw(studio);
		const shifted = redraw(studio, { shiftPx: 12 });
		h.gemini.respondWith(async (request) => {
			call++;
			if (call === 2) {
				return reply([], { finishReason: "IMAGE_SAFETY", finishMessage: "Support codes: 63429089" });
			}
			return call >= 3 ? shifted(request) : good(request);
		});
		await run({ count: 3, prompt: "in a neon bar" });
		const thread = await threadNamed(h, "in a neon bar");
		const result = await h.discord.waitFor(() => botImages(h, thread.id)[0], { what: "the results" });
		expect(result.attachments).toHaveLength(1);
		const texts = await h.discord.waitFor(() => {
			const all = botMessages(h, thread.id)
				.map((message) => message.content)
				.join("\n");
			return all.includes("moved or reshaped") ? all : undefined;
		});
		expect(texts).toMatch(/Result \d: Gemini made it but its safety filter withheld it for sexual content/);
		expect(texts).toContain("verified identical to your photo in this result");
		// The drifted result was asked for twice: 3 results, one retry.
		expect(call).toBe(4);
	});

	it("shows a doubtful mask for confirmation before any generation; Use this mask then runs the job", async () => {
		// A photo of noise everywhere: no border colour model fits, and the keying call answers with text only.
		const noise = await sharp(Buffer.from(Array.from({ length: 200 * 200 * 3 }, (_, i) => (i * 7919) % 256)), {
			raw: { width: 200, height: 200, channels: 3 },
		})
			.png()
			.toBuffer();
		h.gemini.enqueue(reply([{ text: "I cannot do that." }]));
		const before = h.gemini.requests.length;
		const interaction = await run({ image: { filename: "noise.png", data: noise }, prompt: "in space" });
		const preview = await finalReply(h, interaction, "the mask preview");
		expect(preview.content).toContain("I am not sure about this mask");
		expect(preview.attachments[0]?.filename).toBe("mask-preview.jpg");
		// Only the keying call: nothing generated yet.
		expect(h.gemini.requests.length - before).toBe(1);
		h.gemini.respondWith(async () =>
			imageReply(
				[
					await sharp({ create: { width: 400, height: 400, channels: 3, background: "#203040" } })
						.png()
						.toBuffer(),
				],
				"",
			),
		);
		await h.discord.clickButton({ messageId: preview.id, customId: buttonId(preview, "bg:use:") });
		const thread = await threadNamed(h, "in space");
		const result = await h.discord.waitFor(() => botImages(h, thread.id)[0], { what: "the results" });
		expect(result.attachments).toHaveLength(2);
		const image = await decodedAttachment(result.attachments[0]?.data ?? Buffer.alloc(0));
		expect([image.width, image.height]).toEqual([200, 200]);
		// The preview became the thread's heading: its buttons are gone, so the job cannot run twice.
		expect(buttonsOf(interaction.original())).toEqual([]);
	});

	it.each([
		["a mask of another shape", { mask_image: "wide" }, "a mask must have the photo's shape"],
		["count outside 1..4", { count: 9 }, "`count` must be between 1 and 4"],
		["dilation outside 0..1", { dilation: 2 }, "`dilation` must be between 0 and 1"],
		["a file that is not an image", { image: "text" }, "is not an image I can read"],
		["a photo too small", { image: "tiny" }, "takes photos from 64 to 4096 px"],
		["a file over 10 MB", { image: "huge" }, "larger than 10 MB"],
	])("refuses %s with a clear message and no Gemini call", async (_name, option, text) => {
		const files: Record<string, { filename: string; data: Buffer }> = {
			wide: {
				filename: "mask.png",
				data: await sharp({ create: { width: 300, height: 100, channels: 3, background: "#ffffff" } })
					.png()
					.toBuffer(),
			},
			text: { filename: "notes.png", data: Buffer.from("not an image at all") },
			tiny: {
				filename: "tiny.png",
				data: await sharp({ create: { width: 32, height: 32, channels: 3, background: "#ffffff" } })
					.png()
					.toBuffer(),
			},
			huge: { filename: "huge.png", data: Buffer.alloc(10 * 1_024 * 1_024 + 1, 1) },
		};
		const options = Object.fromEntries(
			Object.entries(option).map(([key, value]) => [
				key,
				typeof value === "string" ? (files[value] as { filename: string; data: Buffer }) : value,
			]),
		);
		const before = h.gemini.requests.length;
		const interaction = await run(options);
		await h.discord.waitFor(() => (interactionText(interaction).includes(text) ? true : undefined), {
			what: `the refusal "${text}"`,
		});
		expect(h.gemini.requests.length).toBe(before);
	});
});
