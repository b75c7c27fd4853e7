// src/background/geminiSegmenter.ts: Gemini-assisted keying: the same photo on a flat key colour, keyed against the original.
import { clean } from "./maskOps.js";
import type { Segmenter, SegmentTarget } from "./segmenter.js";
import type { Mask, RgbImage } from "./types.js";

/**
 * Asks the image model to redraw `image` as `instruction` says and returns its answer at the photo's size, or
 * undefined when it made no image (blocked, refused). The pipeline builds it around its admission.
 */
export type AskForImage = (image: RgbImage, instruction: string) => Promise<RgbImage | undefined>;

const KEYS = { green: [0, 255, 0], magenta: [255, 0, 255] } as const;

/** Green, unless the photo itself is largely green; then magenta. */
function keyFor(image: RgbImage): keyof typeof KEYS {
	let greenish = 0;
	const { data } = image;
	for (let i = 0; i < data.length; i += 3 * 7) {
		const r = data[i] as number;
		const g = data[i + 1] as number;
		const b = data[i + 2] as number;
		if (g > r + 40 && g > b + 40) greenish++;
	}
	return greenish / (data.length / (3 * 7)) > 0.05 ? "magenta" : "green";
}

export function keyingInstruction(target: SegmentTarget, key: keyof typeof KEYS): string {
	const colour = key === "green" ? "pure green (#00FF00)" : "pure magenta (#FF00FF)";
	const what = target === "people" ? "every person" : "the main product or subject";
	return [
		`Return this exact photo with ${what} unchanged: same position, same size, same pixels, nothing cropped, zoomed or moved.`,
		`Replace everything else with one flat, uniform ${colour} colour: no shadows, no gradient, no texture, no border.`,
	].join(" ");
}

/**
 * Keys the answer against the original: a pixel is background where the answer is closer to the key colour than
 * to the original's own colour there (so a product that is itself greenish still stays).
 */
export function keyAgainst(original: RgbImage, answer: RgbImage, key: keyof typeof KEYS): Mask {
	const [kr, kg, kb] = KEYS[key];
	const data = new Uint8Array(original.width * original.height);
	for (let i = 0; i < data.length; i++) {
		const r = answer.data[i * 3] as number;
		const g = answer.data[i * 3 + 1] as number;
		const b = answer.data[i * 3 + 2] as number;
		const toKey = Math.hypot(r - kr, g - kg, b - kb);
		const toOriginal = Math.hypot(
			r - (original.data[i * 3] as number),
			g - (original.data[i * 3 + 1] as number),
			b - (original.data[i * 3 + 2] as number),
		);
		data[i] = toKey < toOriginal && toKey < 160 ? 0 : 1;
	}
	const pixels = data.length;
	return clean({ width: original.width, height: original.height, data }, pixels * 0.0005, pixels * 0.001);
}

/** The Gemini-assisted segmenter: costs one image call; finds people as well as products. */
export function geminiSegmenter(ask: AskForImage): Segmenter {
	return {
		source: "gemini",
		handles: () => true,
		async segment(image, target) {
			const key = keyFor(image);
			const answer = await ask(image, keyingInstruction(target, key));
			if (!answer) throw new Error("the keying call made no image");
			return keyAgainst(image, answer, key);
		},
	};
}
