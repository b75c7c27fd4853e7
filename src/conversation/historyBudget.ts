// src/conversation/historyBudget.ts: decides which stored images still fit in the next request.
import type { Exchange, StoredPart } from "./types.js";

/** The seeds' bound for a whole request (JSON, images in base64); the operator's HISTORY_MAX_MB may only be lower. */
export const MAX_REQUEST_BYTES = 50 * 1_000 * 1_000;
/**
 * What a request replays by default: 20 MB (Vertex AI's inline request limit, and the Gemini API's before 2026) and
 * five earlier images (the latest result and four more), so that turn 30 of a thread costs about what turn 5 does
 * (which replays four).
 */
export const DEFAULT_HISTORY: HistoryLimits = { maxRequestBytes: 20 * 1_000 * 1_000, maxImages: 5 };
/** Share of the model's input limit the request may fill; the rest is margin for our token estimate's error. */
const TOKEN_HEADROOM = 0.9;
const CHARS_PER_TOKEN = 4;
/** JSON around one part (`{"inlineData":{"mimeType":…,"data":""}}`, role and signature keys), rounded up. */
const PART_OVERHEAD_BYTES = 96;

export type BudgetLimits = { maxContextImages: number; maxInputTokens: number; tokensPerInputImage: number };
/** The operator's bounds (HISTORY_MAX_MB, HISTORY_MAX_IMAGES). */
export type HistoryLimits = { maxRequestBytes: number; maxImages: number };

export type HistoryPlan = {
	/** Index of the first exchange sent; older ones drop only when their text alone would not fit. */
	firstExchange: number;
	/** Image parts left out, as `${exchange}:${role}:${part}`. */
	droppedImages: Set<string>;
};

export const imageKey = (exchange: number, role: "user" | "model", part: number) => `${exchange}:${role}:${part}`;

const textTokens = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);
const base64Bytes = (bytes: number) => Math.ceil(bytes / 3) * 4;
/** What a part adds to the request's JSON besides an image's own bytes: its text, signature and punctuation. */
const partBytes = (part: StoredPart) =>
	PART_OVERHEAD_BYTES +
	(part.thoughtSignature?.length ?? 0) +
	(part.kind === "text" ? Buffer.byteLength(part.text) : 0);

type Candidate = { key: string; bytes: number; exchange: number; part: number; rank: number };

/**
 * Keeps the request inside the model's input limit and image count, `history.maxRequestBytes` and
 * `history.maxImages` earlier images: the newest turn always goes whole. Earlier images are kept in this order and
 * dropped from its end: the latest answer's images, then the member's own uploads (newest first), then older answers
 * (newest first). Text stays; whole exchanges drop, oldest first, only when text alone overflows.
 */
export function planHistory(
	exchanges: readonly Exchange[],
	newTurn: { textLength: number; imageBytes: readonly number[] },
	limits: BudgetLimits,
	history: HistoryLimits = DEFAULT_HISTORY,
): HistoryPlan {
	const maxTokens = limits.maxInputTokens * TOKEN_HEADROOM;
	const maxBytes = Math.min(history.maxRequestBytes, MAX_REQUEST_BYTES);
	const maxReplayed = Math.max(0, Math.min(history.maxImages, limits.maxContextImages - newTurn.imageBytes.length));
	const candidates: Candidate[] = [];
	const exchangeText = exchanges.map((exchange, index) => {
		let tokens = 0;
		let bytes = 0;
		for (const role of ["user", "model"] as const) {
			exchange[role].forEach((part, partIndex) => {
				bytes += partBytes(part);
				if (part.kind === "text") {
					tokens += textTokens(part.text);
					return;
				}
				const latest = role === "model" && index === exchanges.length - 1;
				candidates.push({
					key: imageKey(index, role, partIndex),
					bytes: base64Bytes(part.image.bytes),
					exchange: index,
					part: partIndex,
					rank: latest ? 0 : role === "user" ? 1 : 2,
				});
			});
		}
		return { tokens, bytes };
	});
	const kept = candidates.sort((a, b) => a.rank - b.rank || b.exchange - a.exchange || a.part - b.part);
	const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
	let tokens =
		sum(exchangeText.map((text) => text.tokens)) +
		Math.ceil(newTurn.textLength / CHARS_PER_TOKEN) +
		(kept.length + newTurn.imageBytes.length) * limits.tokensPerInputImage;
	let bytes =
		sum(exchangeText.map((text) => text.bytes)) +
		sum(kept.map((image) => image.bytes)) +
		newTurn.textLength * 4 +
		sum(newTurn.imageBytes.map((value) => base64Bytes(value) + PART_OVERHEAD_BYTES));
	const droppedImages = new Set<string>();
	while (kept.length > 0 && (kept.length > maxReplayed || tokens > maxTokens || bytes > maxBytes)) {
		const image = kept.pop() as Candidate;
		droppedImages.add(image.key);
		tokens -= limits.tokensPerInputImage;
		// The image's part stays, as a short text saying an image was left out.
		bytes -= image.bytes;
	}
	let firstExchange = 0;
	while ((tokens > maxTokens || bytes > maxBytes) && firstExchange < exchanges.length) {
		tokens -= exchangeText[firstExchange]?.tokens ?? 0;
		bytes -= exchangeText[firstExchange]?.bytes ?? 0;
		firstExchange++;
	}
	return { firstExchange, droppedImages };
}
