import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { UserInputError } from "../../src/errors.js";
import { MAX_INPUT_EDGE_PX, normalizeImage } from "../../src/images/normalizeImage.js";

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
	sharp({ create: { width, height, channels, background: { r: 30, g: 120, b: 200, alpha: 0.5 } } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
	const err = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(err).toBeInstanceOf(UserInputError);
	return (err as UserInputError).code;
}

describe("normalizeImage", () => {
	it("applies EXIF orientation 6 and strips the metadata", async () => {
		const input = await solid(200, 100).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		expect((await sharp(input).metadata()).orientation).toBe(6);
		const image = await normalizeImage(input, "phone.jpg");
		expect([image.width, image.height]).toEqual([100, 200]);
		const metadata = await sharp(image.data).metadata();
		expect([metadata.width, metadata.height]).toEqual([100, 200]);
		expect(metadata.exif).toBeUndefined();
		expect(metadata.orientation).toBeUndefined();
	});

	it("keeps only the first frame of an animated GIF", async () => {
		const red = await solid(40, 30).png().toBuffer();
		const blue = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#0000ff" } })
			.png()
			.toBuffer();
		const gif = await sharp([red, blue], { join: { animated: true } })
			.gif()
			.toBuffer();
		expect((await sharp(gif).metadata()).pages).toBe(2);
		const image = await normalizeImage(gif, "dance.gif");
		expect(image.firstFrameOnly).toBe(true);
		expect([image.width, image.height]).toEqual([40, 30]);
		const metadata = await sharp(image.data).metadata();
		expect(metadata.pages ?? 1).toBe(1);
		expect([metadata.width, metadata.height]).toEqual([40, 30]);
	});

	it("downscales a 5000x3000 image to fit MAX_INPUT_EDGE_PX", async () => {
		const input = await solid(5_000, 3_000).jpeg({ quality: 50 }).toBuffer();
		const image = await normalizeImage(input, "big.jpg");
		expect(image.width).toBe(MAX_INPUT_EDGE_PX);
		expect(image.height).toBe(Math.round((3_000 * MAX_INPUT_EDGE_PX) / 5_000));
		const metadata = await sharp(image.data).metadata();
		expect(Math.max(metadata.width ?? 0, metadata.height ?? 0)).toBe(MAX_INPUT_EDGE_PX);
	});

	it("scales a rotated portrait photo down along its upright long edge", async () => {
		const input = await solid(3_000, 2_000).jpeg({ quality: 50 }).withMetadata({ orientation: 6 }).toBuffer();
		const image = await normalizeImage(input, "portrait.jpg");
		expect(image.height).toBe(MAX_INPUT_EDGE_PX);
		expect(image.width).toBeLessThan(image.height);
	});

	it("never enlarges a small image", async () => {
		const image = await normalizeImage(await solid(64, 48).png().toBuffer(), "small.png");
		expect([image.width, image.height]).toEqual([64, 48]);
	});

	it("keeps a PNG with alpha as PNG, transparency included", async () => {
		const image = await normalizeImage(await solid(64, 64, 4).png().toBuffer(), "logo.png");
		expect(image.mimeType).toBe("image/png");
		const metadata = await sharp(image.data).metadata();
		expect(metadata.format).toBe("png");
		expect(metadata.hasAlpha).toBe(true);
	});

	it("keeps a JPEG as JPEG", async () => {
		const image = await normalizeImage(await solid(64, 64).jpeg().toBuffer(), "photo.jpg");
		expect(image.mimeType).toBe("image/jpeg");
		expect((await sharp(image.data).metadata()).format).toBe("jpeg");
	});

	it.each([
		["random bytes", Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 97 + 13) % 256))],
		["a text file", Buffer.from("hello, this is not an image\n")],
		["an empty file", Buffer.alloc(0)],
	])("refuses %s as notAnImage", async (_label, data) => {
		expect(await codeOf(normalizeImage(data, "file.png"))).toBe("notAnImage");
	});

	it("refuses an SVG", async () => {
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>',
		);
		expect(await codeOf(normalizeImage(svg, "drawing.svg"))).toBe("notAnImage");
	});

	it("refuses a truncated PNG", async () => {
		const png = await sharp({
			create: {
				width: 256,
				height: 256,
				channels: 3,
				background: "#000",
				noise: { type: "gaussian", mean: 128, sigma: 40 },
			},
		})
			.png()
			.toBuffer();
		const truncated = png.subarray(0, Math.floor(png.length / 2));
		expect(["notAnImage", "imageUnreadable"]).toContain(await codeOf(normalizeImage(truncated, "cut.png")));
	});

	it("names the file in the error details", async () => {
		const err = await normalizeImage(Buffer.from("nope"), "notes.txt").catch((error: unknown) => error);
		expect(err).toMatchObject({ code: "notAnImage", details: { name: "notes.txt" } });
	});
});
