import { describe, expect, it } from "vitest";
import {
	type BudgetLimits,
	DEFAULT_HISTORY,
	type HistoryLimits,
	imageKey,
	MAX_REQUEST_BYTES,
	planHistory,
} from "../../src/conversation/historyBudget.js";
import type { Exchange, StoredPart } from "../../src/conversation/types.js";

const MB = 1_000 * 1_000;
const roomy: BudgetLimits = { maxContextImages: 100, maxInputTokens: 1_000_000, tokensPerInputImage: 1_000 };
/** No operator bound beyond the seeds' 50 MB, to test the model's own limits. */
const unbounded: HistoryLimits = { maxRequestBytes: MAX_REQUEST_BYTES, maxImages: 100 };

let imageCounter = 0;
const image = (bytes = 1_000): StoredPart => {
	imageCounter++;
	return {
		kind: "image",
		image: { sha256: `sha-${imageCounter}`, mimeType: "image/png", bytes },
		version: imageCounter,
	};
};
const text = (length = 20): StoredPart => ({ kind: "text", text: "x".repeat(length) });

let turnCounter = 0;
const exchange = (user: StoredPart[], model: StoredPart[]): Exchange => ({
	turn: ++turnCounter,
	user,
	model,
	requesterId: "1",
	modelId: "gemini-3.1-flash-image",
	options: { output: "image_and_text" },
	at: "2026-01-01T00:00:00.000Z",
	ms: 1_000,
	messageIds: [],
});

/** An exchange with one user image and prompt, answered by text and one image. */
const imageExchange = (bytes = 1_000) => exchange([image(bytes), text()], [text(), image(bytes)]);

describe("planHistory", () => {
	it("drops nothing under the limits", () => {
		const plan = planHistory(
			[imageExchange(), imageExchange()],
			{ textLength: 30, imageBytes: [1_000] },
			roomy,
			unbounded,
		);
		expect(plan.firstExchange).toBe(0);
		expect([...plan.droppedImages]).toEqual([]);
	});

	it("keeps the latest answer, then the member's uploads, then older answers, when over maxContextImages", () => {
		const exchanges = [imageExchange(), imageExchange(), imageExchange()];
		// 6 stored images + 1 new; 3 fit, so 2 earlier ones: the latest answer's image and the newest upload.
		const plan = planHistory(
			exchanges,
			{ textLength: 10, imageBytes: [1_000] },
			{ ...roomy, maxContextImages: 3 },
			unbounded,
		);
		expect([...plan.droppedImages]).toEqual([
			imageKey(0, "model", 1),
			imageKey(1, "model", 1),
			imageKey(0, "user", 0),
			imageKey(1, "user", 0),
		]);
		expect(plan.firstExchange).toBe(0);
	});

	it("replays at most HISTORY_MAX_IMAGES earlier images (default 5) and at most HISTORY_MAX_MB (default 20 MB)", () => {
		expect(DEFAULT_HISTORY).toEqual({ maxRequestBytes: 20 * MB, maxImages: 5 });
		const exchanges = Array.from({ length: 10 }, () => exchange([text()], [text(), image()]));
		const byCount = planHistory(exchanges, { textLength: 10, imageBytes: [] }, roomy);
		// Ten answers' images, five kept: the five oldest go.
		expect([...byCount.droppedImages]).toEqual([0, 1, 2, 3, 4].map((index) => imageKey(index, "model", 1)));
		// Five 4 MB images are 27 MB of base64: only three fit in 20 MB with the new turn's 1 MB.
		const big = Array.from({ length: 5 }, () => exchange([text()], [image(4 * MB)]));
		const bySize = planHistory(big, { textLength: 10, imageBytes: [1 * MB] }, roomy);
		expect(bySize.droppedImages.size).toBe(2);
		expect(bySize.droppedImages.has(imageKey(4, "model", 0))).toBe(false);
	});

	it("never drops the newest turn's images, even when they alone pass the limit", () => {
		const exchanges = [imageExchange(), imageExchange()];
		const plan = planHistory(
			exchanges,
			{ textLength: 10, imageBytes: [1_000, 1_000, 1_000, 1_000, 1_000] },
			{ ...roomy, maxContextImages: 3 },
		);
		// Every stored image goes; the plan has no way to name the new turn's images at all.
		expect(plan.droppedImages).toEqual(
			new Set([imageKey(0, "user", 0), imageKey(0, "model", 1), imageKey(1, "user", 0), imageKey(1, "model", 1)]),
		);
		expect(plan.firstExchange).toBe(0);
	});

	it("drops old big images to stay under the 50 MB request bound", () => {
		expect(MAX_REQUEST_BYTES).toBe(50 * MB);
		// Three 15 MB images are 60 MB in base64; the newest turn adds 1 MB more.
		const exchanges = [
			exchange([image(15 * MB), text()], [text()]),
			exchange([text()], [image(15 * MB)]),
			exchange([image(1_000), text()], [image(15 * MB)]),
		];
		const plan = planHistory(exchanges, { textLength: 10, imageBytes: [1 * MB] }, roomy, unbounded);
		// Dropping the middle exchange's 15 MB answer (the oldest answer that is not the latest; uploads are kept
		// before it) leaves ~41 MB of base64 + 1.3 MB: under the bound.
		expect([...plan.droppedImages]).toEqual([imageKey(1, "model", 0)]);
		expect(plan.firstExchange).toBe(0);
	});

	it("drops old images when the estimated tokens pass the model's input limit", () => {
		const exchanges = [imageExchange(), imageExchange(), imageExchange()];
		// 0.9 × 10,000 = 9,000 tokens allowed; 7 images × 2,000 = 14,000, so three must go (8,000 + a little text).
		const plan = planHistory(
			exchanges,
			{ textLength: 10, imageBytes: [1_000] },
			{ maxContextImages: 100, maxInputTokens: 10_000, tokensPerInputImage: 2_000 },
			unbounded,
		);
		expect([...plan.droppedImages]).toEqual([imageKey(0, "model", 1), imageKey(1, "model", 1), imageKey(0, "user", 0)]);
		expect(plan.firstExchange).toBe(0);
	});

	it("drops whole oldest exchanges when text alone overflows", () => {
		// Each exchange is 4,000 + 4,000 chars = 2,000 tokens; 0.9 × 5,000 = 4,500 allowed.
		const exchanges = Array.from({ length: 5 }, () => exchange([text(4_000)], [text(4_000)]));
		const plan = planHistory(
			exchanges,
			{ textLength: 400, imageBytes: [] },
			{ maxContextImages: 10, maxInputTokens: 5_000, tokensPerInputImage: 1_000 },
		);
		// 10,100 tokens; dropping three exchanges leaves 4,100.
		expect(plan.firstExchange).toBe(3);
		expect([...plan.droppedImages]).toEqual([]);
	});

	it("drops every image before any exchange", () => {
		const exchanges = [
			exchange([image(), text(8_000)], [image()]),
			exchange([text(8_000)], [image()]),
			exchange([text(400)], [image()]),
		];
		const plan = planHistory(
			exchanges,
			{ textLength: 400, imageBytes: [] },
			{ maxContextImages: 10, maxInputTokens: 3_000, tokensPerInputImage: 100 },
		);
		// 4,200 text tokens against 2,700 allowed: all 4 images go first, then the first exchange (2,000 tokens).
		expect(plan.droppedImages.size).toBe(4);
		expect(plan.firstExchange).toBe(1);
	});
});
