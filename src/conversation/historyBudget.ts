// src/conversation/historyBudget.ts: decides which stored images still fit in the next request.
import type { Exchange } from "./types.js";

/** The seeds' bound for a whole request (JSON, images in base64). */
export const MAX_REQUEST_BYTES = 50 * 1_000 * 1_000;
/** Share of the model's input limit the request may fill; the rest is margin for our token estimate's error. */
const TOKEN_HEADROOM = 0.9;
const CHARS_PER_TOKEN = 4;

export type BudgetLimits = { maxContextImages: number; maxInputTokens: number; tokensPerInputImage: number };

export type HistoryPlan = {
	/** Index of the first exchange sent; older ones drop only when their text alone would not fit. */
	firstExchange: number;
	/** Image parts left out, as `${exchange}:${role}:${part}`. */
	droppedImages: Set<string>;
};

export const imageKey = (exchange: number, role: "user" | "model", part: number) => `${exchange}:${role}:${part}`;

const textTokens = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);
const base64Bytes = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * Keeps the request inside the model's input limit, its image count and 50 MB: the newest turn always goes whole,
 * the oldest images drop first, text stays (whole exchanges drop only when text alone overflows).
 */
export function planHistory(
	exchanges: readonly Exchange[],
	newTurn: { textLength: number; imageBytes: readonly number[] },
	limits: BudgetLimits,
): HistoryPlan {
	const maxTokens = limits.maxInputTokens * TOKEN_HEADROOM;
	const images: { key: string; bytes: number }[] = [];
	const exchangeTextTokens: number[] = [];
	exchanges.forEach((exchange, index) => {
		let tokens = 0;
		for (const role of ["user", "model"] as const) {
			exchange[role].forEach((part, partIndex) => {
				if (part.kind === "text") tokens += textTokens(part.text);
				else images.push({ key: imageKey(index, role, partIndex), bytes: part.image.bytes });
			});
		}
		exchangeTextTokens.push(tokens);
	});
	let tokens =
		exchangeTextTokens.reduce((sum, value) => sum + value, 0) +
		Math.ceil(newTurn.textLength / CHARS_PER_TOKEN) +
		(images.length + newTurn.imageBytes.length) * limits.tokensPerInputImage;
	let bytes =
		images.reduce((sum, image) => sum + base64Bytes(image.bytes), 0) +
		newTurn.imageBytes.reduce((sum, value) => sum + base64Bytes(value), 0);
	let imageCount = images.length + newTurn.imageBytes.length;
	const droppedImages = new Set<string>();
	for (const image of images) {
		if (imageCount <= limits.maxContextImages && tokens <= maxTokens && bytes <= MAX_REQUEST_BYTES) break;
		droppedImages.add(image.key);
		imageCount--;
		tokens -= limits.tokensPerInputImage;
		bytes -= base64Bytes(image.bytes);
	}
	let firstExchange = 0;
	while (tokens > maxTokens && firstExchange < exchanges.length) {
		tokens -= exchangeTextTokens[firstExchange] ?? 0;
		firstExchange++;
	}
	return { firstExchange, droppedImages };
}
