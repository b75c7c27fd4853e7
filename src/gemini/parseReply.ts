// src/gemini/parseReply.ts: reads a generateContent response into a ModelReply, in the model's part order.
import type { GenerateContentResponse } from "@google/genai";
import { classifyBlock, supportCodesIn } from "./classifyBlock.js";
import type { ContentPart, FailureReason, ModelReply, Usage } from "./types.js";

/** Finish reasons that mean a filter withheld the output (compared as strings: the SDK enum lags the API). */
export const BLOCKING_FINISH_REASONS = [
	"IMAGE_SAFETY",
	"IMAGE_PROHIBITED_CONTENT",
	"SAFETY",
	"PROHIBITED_CONTENT",
	"BLOCKLIST",
	"SPII",
	"RECITATION",
	"IMAGE_RECITATION",
] as const;

const FAILURE_FINISH_REASONS = [
	"NO_IMAGE",
	"IMAGE_OTHER",
	"MAX_TOKENS",
	"OTHER",
] as const satisfies readonly FailureReason[];

function usageOf(response: GenerateContentResponse): Usage | undefined {
	const usage = response.usageMetadata;
	if (!usage) return undefined;
	return {
		promptTokens: usage.promptTokenCount ?? 0,
		outputTokens: usage.candidatesTokenCount ?? 0,
		totalTokens: usage.totalTokenCount ?? 0,
	};
}

function outputParts(response: GenerateContentResponse): ContentPart[] {
	const parts: ContentPart[] = [];
	for (const part of response.candidates?.[0]?.content?.parts ?? []) {
		// Thought parts (and thought images) are the model's drafts: never shown, never replayed.
		if (part.thought) continue;
		const signature = part.thoughtSignature ? { thoughtSignature: part.thoughtSignature } : {};
		if (part.inlineData?.data) {
			parts.push({
				kind: "image",
				data: Buffer.from(part.inlineData.data, "base64"),
				mimeType: part.inlineData.mimeType ?? "image/png",
				...signature,
			});
		} else if (typeof part.text === "string" && (part.text.length > 0 || part.thoughtSignature)) {
			parts.push({ kind: "text", text: part.text, ...signature });
		}
	}
	return parts;
}

/**
 * Classifies a response: prompt blocked, output blocked, images (with their text), a text-only refusal, or a failure.
 * `finishMessage` is passed separately because the SDK drops it in Gemini API mode.
 */
export function parseReply(response: GenerateContentResponse, finishMessage?: string): ModelReply {
	const usage = usageOf(response);
	const feedback = response.promptFeedback;
	if (feedback?.blockReason) {
		const codes = supportCodesIn(`${feedback.blockReasonMessage ?? ""} ${finishMessage ?? ""}`);
		return {
			kind: "blocked",
			stage: "prompt",
			reason: feedback.blockReason,
			category: classifyBlock(codes, feedback.safetyRatings),
			codes,
			usage,
		};
	}
	const candidate = response.candidates?.[0];
	if (!candidate) return { kind: "failed", reason: "EMPTY", usage };
	const finishReason = String(candidate.finishReason ?? "STOP");
	const message = finishMessage ?? candidate.finishMessage;
	if ((BLOCKING_FINISH_REASONS as readonly string[]).includes(finishReason)) {
		const codes = supportCodesIn(message);
		return {
			kind: "blocked",
			stage: "output",
			reason: finishReason,
			category: classifyBlock(codes, candidate.safetyRatings),
			codes,
			usage,
		};
	}
	const parts = outputParts(response);
	const text = parts
		.filter((part) => part.kind === "text")
		.map((part) => part.text)
		.join("\n\n")
		.trim();
	if (parts.some((part) => part.kind === "image")) {
		return { kind: "parts", parts, truncated: finishReason === "MAX_TOKENS", usage };
	}
	const failure = FAILURE_FINISH_REASONS.find((reason) => reason === finishReason);
	if (failure) return { kind: "failed", reason: failure, ...(text ? { text } : {}), usage };
	// An image was asked for (every request names the IMAGE modality): text alone is a refusal or a misunderstanding.
	if (text) return { kind: "refused", text, usage };
	return { kind: "failed", reason: "EMPTY", usage };
}
