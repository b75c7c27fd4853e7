// fakes/promptImage.ts: a fake Gemini answer whose image shows the prompt it was asked for, so a transcript reads.
import { createHash } from "node:crypto";
import sharp, { type OverlayOptions } from "sharp";
import { imageReply, type RecordedRequest, type Responder, type ScriptedAnswer } from "./fakeGemini.js";

/** The long edge of every picture drawn here; the short one follows the requested aspect ratio. */
export const PROMPT_IMAGE_EDGE_PX = 768;
const MAX_LINES = 5;
const INSET_SHARE = 0.3;

/** The picture's size for an aspect ratio such as "16:9" (square when there is none or it cannot be read). */
export function promptImageSize(aspect?: string): { width: number; height: number } {
	const [across, down] = (aspect ?? "1:1").split(":").map(Number);
	if (!across || !down) return { width: PROMPT_IMAGE_EDGE_PX, height: PROMPT_IMAGE_EDGE_PX };
	const scale = PROMPT_IMAGE_EDGE_PX / Math.max(across, down);
	return { width: Math.round(across * scale), height: Math.round(down * scale) };
}

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Greedy word wrap to `width` characters a line, at most MAX_LINES lines, the last ending in … when cut. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = "";
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (candidate.length <= width || !line) line = candidate.slice(0, width);
		else {
			lines.push(line);
			line = word.slice(0, width);
		}
	}
	if (line) lines.push(line);
	if (lines.length <= MAX_LINES) return lines;
	const kept = lines.slice(0, MAX_LINES);
	kept[MAX_LINES - 1] = `${kept[MAX_LINES - 1]?.slice(0, width - 1)}…`;
	return kept;
}

/** An HSL colour (hue in degrees, saturation and lightness 0-1) as #rrggbb. */
function hsl(hue: number, saturation: number, lightness: number): string {
	const amount = saturation * Math.min(lightness, 1 - lightness);
	const channel = (n: number) => {
		const k = (n + hue / 30) % 12;
		const value = lightness - amount * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		return Math.round(value * 255)
			.toString(16)
			.padStart(2, "0");
	};
	return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export type PromptPictureOptions = {
	width: number;
	height: number;
	/** A small line in the top corner, such as "turn 2 · take 2". */
	caption?: string;
	/** The background's hue; by default one derived from the text, so each prompt has its colour. */
	hue?: number;
	/** An input image shown small in the bottom corner (the member's photo the answer "uses"). */
	inset?: Buffer;
};

/** Draws `text` wrapped on a diagonal gradient as a PNG, with an optional caption and inset picture. */
export async function drawPromptPicture(text: string, options: PromptPictureOptions): Promise<Buffer> {
	const { width, height } = options;
	const hue = options.hue ?? createHash("sha256").update(text).digest().readUInt16BE(0) % 360;
	const fontSize = Math.round(Math.min(width, height) / 14);
	const lines = wrap(text, Math.max(8, Math.floor((width * 0.84) / (fontSize * 0.56))));
	const top = height / 2 - ((lines.length - 1) * fontSize * 1.25) / 2;
	const tspans = lines
		.map((line, index) => `<tspan x="50%" y="${Math.round(top + index * fontSize * 1.25)}">${escapeXml(line)}</tspan>`)
		.join("");
	const caption = options.caption
		? `<text x="${Math.round(fontSize * 0.6)}" y="${Math.round(fontSize * 1.1)}" font-size="${Math.round(fontSize * 0.55)}" fill="#ffffffcc">${escapeXml(options.caption)}</text>`
		: "";
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="${hsl(hue, 0.65, 0.3)}"/><stop offset="1" stop-color="${hsl((hue + 60) % 360, 0.75, 0.58)}"/>
</linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<circle cx="${width * 0.82}" cy="${height * 0.2}" r="${Math.min(width, height) * 0.12}" fill="#ffffff22"/>
<g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="bold">${caption}
<text text-anchor="middle" dominant-baseline="middle" font-size="${fontSize}" fill="#ffffff" stroke="#00000055" stroke-width="${Math.max(1, fontSize / 16)}" paint-order="stroke">${tspans}</text></g>
</svg>`;
	const layers: OverlayOptions[] = [];
	if (options.inset) {
		const insetWidth = Math.round(width * INSET_SHARE);
		const border = Math.max(2, Math.round(width / 200));
		const inset = await sharp(options.inset)
			.resize({ width: insetWidth, height: Math.round(height * INSET_SHARE), fit: "inside" })
			.extend({ top: border, bottom: border, left: border, right: border, background: "#ffffff" })
			.png()
			.toBuffer({ resolveWithObject: true });
		const margin = Math.round(fontSize * 0.5);
		layers.push({
			input: inset.data,
			left: width - inset.info.width - margin,
			top: height - inset.info.height - margin,
		});
	}
	return sharp(Buffer.from(svg)).composite(layers).png().toBuffer();
}

/** The text of the request's last user turn (its text parts, joined), and the first image it carries. */
function lastUserTurn(request: RecordedRequest): { text: string; image: Buffer | undefined } {
	const turn = request.body.contents.findLast((content) => content.role === "user");
	const parts = turn?.parts ?? [];
	const text = parts
		.filter((part) => part.text && !part.thought)
		.map((part) => part.text)
		.join(" ")
		.trim();
	const image = parts.find((part) => part.inlineData)?.inlineData?.data;
	return { text, image: image ? Buffer.from(image, "base64") : undefined };
}

/**
 * A Gemini answer to `request`: one image showing the last user turn's text (and, small, the image it carried),
 * at the requested aspect ratio, captioned with the turn's number and `take` (which also shifts the colour, so a
 * reroll looks different).
 */
export async function promptImage(request: RecordedRequest, options: { take?: number } = {}): Promise<ScriptedAnswer> {
	const { text, image } = lastUserTurn(request);
	const turn = request.body.contents.filter((content) => content.role === "user").length;
	const take = options.take ?? 1;
	const prompt = text || "(no words, just the picture)";
	const picture = await drawPromptPicture(prompt, {
		...promptImageSize(request.body.generationConfig?.imageConfig?.aspectRatio),
		caption: take > 1 ? `turn ${turn} · take ${take}` : `turn ${turn}`,
		hue: (createHash("sha256").update(prompt).digest().readUInt16BE(0) + (take - 1) * 97) % 360,
		...(image ? { inset: image } : {}),
	});
	const said = image ? `Here it is, with your photo: “${prompt}”.` : `Here it is: “${prompt}”.`;
	return imageReply([picture], said, `prompt-${turn}-${take}`);
}

/**
 * A responder for `gemini.respondWith`: every call answered by `promptImage`, the same request asked again (a
 * reroll) numbered as its next take.
 */
export function promptImageResponder(): Responder {
	const takes = new Map<string, number>();
	return (request) => {
		const key = createHash("sha256").update(JSON.stringify(request.body.contents)).digest("hex");
		const take = (takes.get(key) ?? 0) + 1;
		takes.set(key, take);
		return promptImage(request, { take });
	};
}
