// bench/fixtures.ts: the images the benchmark uses, made with sharp so they weigh what real ones do.
import sharp from "sharp";

const noise = (width: number, height: number) =>
	Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256)));

/** Raw RGB of `width` × `height`: noise scaled up (smooth with "cubic", flat areas with "nearest"). */
const raw = (width: number, height: number, kernel: "cubic" | "nearest") =>
	sharp(noise(64, 32), { raw: { width: 64, height: 32, channels: 3 } })
		.resize(width, height, { kernel, fit: "fill" })
		.raw()
		.toBuffer();

/**
 * What a Gemini image model returns at 1K: a 1024 px PNG of about 1.5 MB (half smooth detail, half flat areas;
 * a generated image has both).
 */
export async function modelOutput(): Promise<Buffer> {
	const pixels = Buffer.concat([await raw(1_024, 512, "cubic"), await raw(1_024, 512, "nearest")]);
	return sharp(pixels, { raw: { width: 1_024, height: 1_024, channels: 3 } })
		.png()
		.toBuffer();
}

/** A member's 12 MP phone photo: 4000 × 3000 JPEG at quality 90, with sensor grain, a few MB. */
export async function memberPhoto(): Promise<Buffer> {
	const pixels = await raw(4_000, 3_000, "cubic");
	for (let index = 0; index < pixels.length; index++) {
		pixels[index] = Math.max(0, Math.min(255, (pixels[index] ?? 0) + Math.floor(Math.random() * 17) - 8));
	}
	return sharp(pixels, { raw: { width: 4_000, height: 3_000, channels: 3 } })
		.jpeg({ quality: 90 })
		.toBuffer();
}
