import type { GenerateContentResponse } from "@google/genai";
import { describe, expect, it } from "vitest";
import { BLOCKING_FINISH_REASONS, parseReply } from "../../src/gemini/parseReply.js";

type RawPart = {
	text?: string;
	thought?: boolean;
	thoughtSignature?: string;
	inlineData?: { mimeType?: string; data?: string };
};

const PNG_A = Buffer.from("first image bytes");
const PNG_B = Buffer.from("second image bytes");
const imagePart = (bytes: Buffer, thoughtSignature?: string): RawPart => ({
	inlineData: { mimeType: "image/png", data: bytes.toString("base64") },
	...(thoughtSignature ? { thoughtSignature } : {}),
});

function response(
	parts: RawPart[],
	extra: { finishReason?: string; finishMessage?: string; safetyRatings?: unknown[]; usage?: boolean } = {},
): GenerateContentResponse {
	return {
		candidates: [
			{
				content: { role: "model", parts },
				finishReason: extra.finishReason ?? "STOP",
				...(extra.finishMessage ? { finishMessage: extra.finishMessage } : {}),
				...(extra.safetyRatings ? { safetyRatings: extra.safetyRatings } : {}),
				index: 0,
			},
		],
		...(extra.usage === false
			? {}
			: { usageMetadata: { promptTokenCount: 120, candidatesTokenCount: 1_290, totalTokenCount: 1_410 } }),
	} as unknown as GenerateContentResponse;
}

describe("parseReply", () => {
	it.each(BLOCKING_FINISH_REASONS)("treats finish reason %s as an output block", (finishReason) => {
		const reply = parseReply(response([imagePart(PNG_A)], { finishReason }));
		expect(reply).toMatchObject({ kind: "blocked", stage: "output", reason: finishReason });
	});

	it.each(["NO_IMAGE", "IMAGE_OTHER", "MAX_TOKENS", "OTHER"] as const)(
		"treats finish reason %s without an image as a failure with that reason",
		(finishReason) => {
			const reply = parseReply(response([{ text: "I could not draw that." }], { finishReason }));
			expect(reply).toMatchObject({ kind: "failed", reason: finishReason, text: "I could not draw that." });
		},
	);

	it("keeps an image cut short by MAX_TOKENS, marked truncated", () => {
		const reply = parseReply(response([{ text: "Here" }, imagePart(PNG_A)], { finishReason: "MAX_TOKENS" }));
		expect(reply.kind).toBe("parts");
		expect(reply).toMatchObject({ truncated: true });
	});

	it("marks a normal STOP reply with images not truncated", () => {
		expect(parseReply(response([imagePart(PNG_A)]))).toMatchObject({ kind: "parts", truncated: false });
	});

	it("reports promptFeedback.blockReason as a prompt block with its category", () => {
		const raw = {
			promptFeedback: {
				blockReason: "PROHIBITED_CONTENT",
				blockReasonMessage: "Blocked. Support codes: 89371032",
			},
			usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
		} as unknown as GenerateContentResponse;
		expect(parseReply(raw)).toMatchObject({
			kind: "blocked",
			stage: "prompt",
			reason: "PROHIBITED_CONTENT",
			category: "prohibited",
			codes: ["89371032"],
		});
	});

	it("skips thought parts, thought images included", () => {
		const reply = parseReply(
			response([
				{ text: "Planning the composition", thought: true },
				{ ...imagePart(Buffer.from("draft")), thought: true },
				{ text: "Final", thoughtSignature: "sig-text" },
				imagePart(PNG_A, "sig-img"),
			]),
		);
		if (reply.kind !== "parts") throw new Error(`expected parts, got ${reply.kind}`);
		expect(reply.parts).toHaveLength(2);
		expect(reply.parts.map((part) => part.kind)).toEqual(["text", "image"]);
		expect(reply.parts.some((part) => part.kind === "text" && part.text.includes("Planning"))).toBe(false);
		expect(reply.parts.some((part) => part.kind === "image" && part.data.equals(Buffer.from("draft")))).toBe(false);
	});

	it("keeps the model's order of text and images, and each thoughtSignature verbatim", () => {
		const reply = parseReply(
			response([
				{ text: "Step one", thoughtSignature: "AAA/+=" },
				imagePart(PNG_A, "BBB=="),
				{ text: "Step two" },
				imagePart(PNG_B, "CCC"),
			]),
		);
		if (reply.kind !== "parts") throw new Error(`expected parts, got ${reply.kind}`);
		expect(reply.parts).toEqual([
			{ kind: "text", text: "Step one", thoughtSignature: "AAA/+=" },
			{ kind: "image", data: PNG_A, mimeType: "image/png", thoughtSignature: "BBB==" },
			{ kind: "text", text: "Step two" },
			{ kind: "image", data: PNG_B, mimeType: "image/png", thoughtSignature: "CCC" },
		]);
	});

	it("treats STOP with text and no image as a refusal", () => {
		const reply = parseReply(response([{ text: "I can't help with that." }]));
		expect(reply).toMatchObject({ kind: "refused", text: "I can't help with that." });
	});

	it("treats a response without candidates as an EMPTY failure", () => {
		const raw = { candidates: [] } as unknown as GenerateContentResponse;
		expect(parseReply(raw)).toMatchObject({ kind: "failed", reason: "EMPTY" });
	});

	it("decodes a finishMessage passed separately into the block category", () => {
		const reply = parseReply(response([], { finishReason: "IMAGE_SAFETY" }), "Image blocked. Support codes: 63429089");
		expect(reply).toMatchObject({ kind: "blocked", stage: "output", category: "sexual", codes: ["63429089"] });
	});

	it("falls back to the candidate's own finishMessage", () => {
		const reply = parseReply(
			response([], { finishReason: "IMAGE_SAFETY", finishMessage: "blocked, support code 22137204" }),
		);
		expect(reply).toMatchObject({ kind: "blocked", category: "hate" });
	});

	it("maps usage metadata", () => {
		expect(parseReply(response([imagePart(PNG_A)])).usage).toEqual({
			promptTokens: 120,
			outputTokens: 1_290,
			totalTokens: 1_410,
		});
		expect(parseReply(response([imagePart(PNG_A)], { usage: false })).usage).toBeUndefined();
	});
});
