// src/background/geminiSegmenter.ts: Gemini-assisted keying: the same photo on a flat key colour, keyed against the original.
import type { KeyColour } from "./keyAgainst.js";
import type { PixelWork } from "./pixelWorker.js";
import type { Segmenter, SegmentTarget } from "./segmenter.js";
import type { RgbImage } from "./types.js";

/**
 * Asks the image model to redraw `image` as `instruction` says and returns its answer at the photo's size, or
 * undefined when it made no image (blocked, refused). The pipeline builds it around its admission.
 */
export type AskForImage = (image: RgbImage, instruction: string) => Promise<RgbImage | undefined>;

/** Green, unless the photo itself is largely green; then magenta. */
function keyFor(image: RgbImage): KeyColour {
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

export function keyingInstruction(target: SegmentTarget, key: KeyColour): string {
	const colour = key === "green" ? "pure green (#00FF00)" : "pure magenta (#FF00FF)";
	const what = target === "people" ? "every person" : "the main product or subject";
	return [
		`Return this exact photo with ${what} unchanged: same position, same size, same pixels, nothing cropped, zoomed or moved.`,
		`Replace everything else with one flat, uniform ${colour} colour: no shadows, no gradient, no texture, no border.`,
	].join(" ");
}

/** The Gemini-assisted segmenter: costs one image call (keyed on the pixel worker's thread); finds people too. */
export function geminiSegmenter(ask: AskForImage, pixels: Pick<PixelWork, "keyMask">): Segmenter {
	return {
		source: "gemini",
		handles: () => true,
		async segment(image, target) {
			const key = keyFor(image);
			const answer = await ask(image, keyingInstruction(target, key));
			if (!answer) throw new Error("the keying call made no image");
			return pixels.keyMask(image, answer, key);
		},
	};
}
