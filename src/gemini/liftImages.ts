// src/gemini/liftImages.ts: takes the base64 image data out of raw stream events before the SDK parses them, and puts it back after.

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
