// src/discord/turns/splitMessage.ts: splits long text under Discord's message limit on natural boundaries.

/** Discord's limit on message content. @see https://discord.com/developers/docs/resources/message#create-message */
export const MAX_MESSAGE_CHARS = 2_000;

const BOUNDARIES = [/\n\s*\n/g, /\n/g, /(?<=[.!?。！？])\s+/g, /\s+/g];

function lastBoundary(window: string): number {
	for (const pattern of BOUNDARIES) {
		let cut = -1;
		for (const match of window.matchAll(pattern)) if (match.index > 0) cut = match.index + match[0].length;
		// A boundary in the first third would leave a stub of a chunk; try a finer boundary instead.
		if (cut > window.length / 3) return cut;
	}
	return -1;
}

/** Splits text into chunks of at most `limit` characters, preferring paragraph, then line, sentence and word breaks. */
export function splitMessage(text: string, limit = MAX_MESSAGE_CHARS): string[] {
	const chunks: string[] = [];
	let rest = text.trim();
	while (rest.length > limit) {
		const window = rest.slice(0, limit);
		let cut = lastBoundary(window);
		if (cut <= 0) {
			cut = limit;
			// Never cut a surrogate pair in half.
			const code = rest.charCodeAt(cut - 1);
			if (code >= 0xd800 && code <= 0xdbff) cut--;
		}
		const chunk = rest.slice(0, cut).trim();
		if (chunk) chunks.push(chunk);
		rest = rest.slice(cut).trim();
	}
	if (rest) chunks.push(rest);
	return chunks;
}
