import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fitForUpload } from "../../src/images/fitForUpload.js";

const noisyPng = (size: number) =>
	sharp({
		create: {
			width: size,
			height: size,
			channels: 4,
			background: { r: 0, g: 0, b: 0, alpha: 1 },
			noise: { type: "gaussian", mean: 128, sigma: 60 },
		},
	})
		.png()
		.toBuffer();

describe("fitForUpload", () => {
	it("returns an image that fits unchanged", async () => {
		const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#ff8800" } })
			.png()
			.toBuffer();
		const fitted = await fitForUpload(png, "image/png");
		expect(fitted.data).toBe(png);
		expect(fitted).toMatchObject({ mimeType: "image/png", extension: "png", reencoded: false });
	});

	it.each([
		["image/jpeg", "jpg"],
		["image/webp", "webp"],
		["image/unknown", "png"],
	])("names a fitting %s file .%s", async (mimeType, extension) => {
		expect((await fitForUpload(Buffer.from("tiny"), mimeType)).extension).toBe(extension);
	});

	it("re-encodes a noisy PNG over the limit as a JPEG within it", async () => {
		const maxBytes = 200_000;
		const png = await noisyPng(512);
		expect(png.length).toBeGreaterThan(maxBytes);
		const fitted = await fitForUpload(png, "image/png", maxBytes);
		expect(fitted.data.length).toBeLessThanOrEqual(maxBytes);
		expect(fitted).toMatchObject({ mimeType: "image/jpeg", extension: "jpg", reencoded: true });
		expect((await sharp(fitted.data).metadata()).format).toBe("jpeg");
	});
});
