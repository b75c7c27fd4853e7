// test/conversation/loadedImages.test.ts: images an entry point already holds (the HTTP API's base64) are checked and
// normalised exactly like downloaded attachments.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkTurnInput, type LoadedImage, loadImages } from "../../src/conversation/prepareTurn.js";
import { UserInputError } from "../../src/errors.js";
import { MAX_INPUT_IMAGE_BYTES } from "../../src/images/downloadImage.js";
import { MAX_INPUT_EDGE_PX } from "../../src/images/normalizeImage.js";

const loaded = (name: string, data: Buffer): LoadedImage => ({ name, data });
const check = (images: LoadedImage[], extra: { text?: string; model?: string; attachments?: number } = {}) =>
	checkTurnInput({
		text: extra.text ?? "a banana",
		attachments: Array.from({ length: extra.attachments ?? 0 }, (_, index) => ({
			url: `https://cdn.example.test/${index}.png`,
			name: `${index}.png`,
			size: 10,
		})),
		images,
		options: { output: "image_and_text" },
		model: extra.model ?? "gemini-3.1-flash-image",
	});

function codeOf(run: () => void): string | undefined {
	try {
		run();
	} catch (err) {
		if (err instanceof UserInputError) return err.code;
		throw err;
	}
	return undefined;
}

describe("loaded images", () => {
	it("count with attachments against the model's input images, and alone make a turn without a prompt", () => {
		const small = Buffer.alloc(10);
		expect(
			codeOf(() =>
				check([loaded("a", small), loaded("b", small)], { model: "gemini-2.5-flash-image", attachments: 2 }),
			),
		).toBe("tooManyImages");
		expect(codeOf(() => check([loaded("a", small)], { model: "gemini-2.5-flash-image", attachments: 2 }))).toBe(
			undefined,
		);
		expect(codeOf(() => check([loaded("a", small)], { text: " " }))).toBe(undefined);
		expect(codeOf(() => check([], { text: " " }))).toBe("promptEmpty");
	});

	it("over the attachment size cap are refused as too large, by their decoded bytes", () => {
		expect(codeOf(() => check([loaded("big", Buffer.alloc(MAX_INPUT_IMAGE_BYTES + 1))]))).toBe("imageTooLarge");
		expect(codeOf(() => check([loaded("ok", Buffer.alloc(MAX_INPUT_IMAGE_BYTES))]))).toBe(undefined);
	});

	it("are normalised like attachments: upright, bounded, without metadata, in the order given", async () => {
		// 4000x100 landscape stored as portrait by EXIF orientation 6 (rotate 90°), with a GPS-like comment.
		const rotated = await sharp({ create: { width: 4_000, height: 100, channels: 3, background: "#f80" } })
			.jpeg()
			.withMetadata({ orientation: 6, exif: { IFD0: { ImageDescription: "secret place" } } })
			.toBuffer();
		const transparent = await sharp({
			create: { width: 10, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
		})
			.png()
			.toBuffer();
		const [first, second] = await loadImages([], [loaded("photo", rotated), loaded("logo", transparent)]);
		expect(first).toMatchObject({ name: "photo", mimeType: "image/jpeg", height: MAX_INPUT_EDGE_PX });
		expect(first?.width).toBeLessThan(60);
		const meta = await sharp(first?.data).metadata();
		expect(meta.orientation).toBeUndefined();
		expect(meta.exif).toBeUndefined();
		expect(second).toMatchObject({ name: "logo", mimeType: "image/png", width: 10, height: 20 });
	});

	it("that are not images are refused by content, whatever they claim to be", async () => {
		await expect(loadImages([], [loaded("fake.png", Buffer.from("<html>not an image</html>"))])).rejects.toMatchObject({
			code: "notAnImage",
			details: { name: "fake.png" },
		});
	});
});
