// src/background/keyAgainst.ts: Gemini keying's mask: the model's answer on a flat key colour, keyed against the photo.
import { clean } from "./maskOps.js";
import type { Mask, RgbImage } from "./types.js";

const KEYS = { green: [0, 255, 0], magenta: [255, 0, 255] } as const;
export type KeyColour = keyof typeof KEYS;

/**
 * Keys the answer against the original: a pixel is background where the answer is closer to the key colour than
 * to the original's own colour there (so a product that is itself greenish still stays).
 */
export function keyAgainst(original: RgbImage, answer: RgbImage, key: KeyColour): Mask {
	const [kr, kg, kb] = KEYS[key];
	const data = new Uint8Array(original.width * original.height);
	for (let i = 0; i < data.length; i++) {
		const r = answer.data[i * 3] as number;
		const g = answer.data[i * 3 + 1] as number;
		const b = answer.data[i * 3 + 2] as number;
		// Squared distances: whole numbers, so the comparisons are exact.
		const toKey = (r - kr) ** 2 + (g - kg) ** 2 + (b - kb) ** 2;
		const toOriginal =
			(r - (original.data[i * 3] as number)) ** 2 +
			(g - (original.data[i * 3 + 1] as number)) ** 2 +
			(b - (original.data[i * 3 + 2] as number)) ** 2;
		data[i] = toKey < toOriginal && toKey < 160 * 160 ? 0 : 1;
	}
	const pixels = data.length;
	return clean({ width: original.width, height: original.height, data }, pixels * 0.0005, pixels * 0.001);
}
