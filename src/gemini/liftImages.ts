// src/gemini/liftImages.ts: keeps base64 images out of the SDK's JSON work: out of the request before it stringifies, out of answer events before it parses.
import type { Content, GenerateContentParameters } from "@google/genai";

const DATA_KEY = Buffer.from('"data"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Shorter values stay where they are: lifting only pays for image-sized strings. */
const MIN_LIFTED_BYTES = 1_024;
/** A lifted value's stand-in starts with a NUL, which no base64 string holds. */
const TOKEN_PREFIX = "\u0000lifted:";

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * The values lifted out of one call's events, by stand-in. The SDK JSON-parses every streamed event twice and turns
 * its bytes into a string and back; for an event carrying a 2 MB image, that was most of a turn's CPU. Lifted, each
 * image is one byte search and one string, and the SDK parses a few hundred bytes.
 */
export class LiftedImages {
	private readonly values = new Map<string, string>();

	/**
	 * `events` with every long `"data": "…"` string value (inlineData's base64; Gemini's image answers have no other
	 * "data" field) replaced by a short stand-in. A value with an escape in it stays as it is.
	 */
	lift(events: Buffer): Buffer {
		let at = events.indexOf(DATA_KEY);
		if (at < 0) return events;
		const pieces: Buffer[] = [];
		let copied = 0;
		while (at >= 0) {
			let index = at + DATA_KEY.length;
			while (isSpace(events[index])) index++;
			let next = at + DATA_KEY.length;
			if (events[index] === 0x3a) {
				index++;
				while (isSpace(events[index])) index++;
				if (events[index] === QUOTE) {
					const start = index + 1;
					const end = events.indexOf(QUOTE, start);
					const escaped = events.indexOf(BACKSLASH, start);
					if (end - start >= MIN_LIFTED_BYTES && (escaped < 0 || escaped > end)) {
						const token = `${TOKEN_PREFIX}${this.values.size}`;
						this.values.set(token, events.toString("utf8", start, end));
						pieces.push(events.subarray(copied, start), Buffer.from(JSON.stringify(token).slice(1, -1)));
						copied = end;
					}
					if (end > 0) next = end;
				}
			}
			at = events.indexOf(DATA_KEY, next);
		}
		if (copied === 0) return events;
		pieces.push(events.subarray(copied));
		return Buffer.concat(pieces);
	}

	/** The value a stand-in took the place of; any other string comes back as it is. */
	restore(value: string): string {
		return value.startsWith(TOKEN_PREFIX) ? (this.values.get(value) ?? value) : value;
	}
}

/**
 * A request image's stand-in as JSON.stringify writes it into the body, key and quotes included: the same characters
 * inside a member's text have escaped quotes, so they never match.
 */
const REQUEST_TOKEN = /"data":"\\u0000image:(\d+)"/;

/**
 * The request with every inline image's base64 swapped for a stand-in, and the strings it took out. The SDK then
 * JSON-stringifies a body of a few kB instead of one that carries a thread's replayed images (10 MB at turn 20);
 * `requestBody` puts the strings back as the body leaves, without JSON-stringifying them.
 */
export function liftRequestImages(request: GenerateContentParameters): {
	request: GenerateContentParameters;
	images: string[];
} {
	const images: string[] = [];
	if (!Array.isArray(request.contents)) return { request, images };
	const contents = (request.contents as Content[]).map((content) => ({
		...content,
		parts: content.parts?.map((part) => {
			const data = part.inlineData?.data;
			if (!data || data.length < MIN_LIFTED_BYTES) return part;
			images.push(data);
			return { ...part, inlineData: { ...part.inlineData, data: `\u0000image:${images.length - 1}` } };
		}),
	}));
	return { request: { ...request, contents }, images };
}

/**
 * The request body with the lifted images back in place of their stand-ins: one string, joined (a Blob of the pieces
 * measured worse: its external buffers made the garbage collector run more often).
 */
export function requestBody(body: string, images: readonly string[]): string {
	if (images.length === 0) return body;
	const pieces = body.split(REQUEST_TOKEN);
	// split() with a capture group alternates text and captured indexes: text, index, text, index, …, text.
	return pieces.map((piece, index) => (index % 2 === 1 ? `"data":"${images[Number(piece)] ?? ""}"` : piece)).join("");
}
