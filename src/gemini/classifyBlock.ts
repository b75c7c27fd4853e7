// src/gemini/classifyBlock.ts: decodes the safety category of a block from finishMessage codes or safety ratings.
import type { SafetyCategory } from "./types.js";

/**
 * Support codes Gemini puts in finishMessage when it blocks, and the harm category each stands for.
 * @see https://cloud.google.com/vertex-ai/generative-ai/docs/multimodal/image-generation#responsible-ai
 */
export const SAFETY_CODES = {
	"89371032": "prohibited",
	"49114662": "prohibited",
	"72817394": "prohibited",
	"11030041": "prohibited",
	"47555161": "prohibited",
	"32549819": "prohibited",
	"51891163": "prohibited",
	"63429089": "sexual",
	"87332966": "dangerous",
	"22137204": "hate",
	"49257518": "celebrity",
	"65344558": "celebrity",
	"14952152": "other",
	"39322892": "people",
	"17301594": "child",
} as const satisfies Record<string, SafetyCategory>;

const HARM_CATEGORIES: Record<string, SafetyCategory> = {
	HARM_CATEGORY_HARASSMENT: "harassment",
	HARM_CATEGORY_HATE_SPEECH: "hate",
	HARM_CATEGORY_SEXUALLY_EXPLICIT: "sexual",
	HARM_CATEGORY_DANGEROUS_CONTENT: "dangerous",
	HARM_CATEGORY_CIVIC_INTEGRITY: "civic",
	HARM_CATEGORY_IMAGE_HARASSMENT: "harassment",
	HARM_CATEGORY_IMAGE_HATE: "hate",
	HARM_CATEGORY_IMAGE_SEXUALLY_EXPLICIT: "sexual",
	HARM_CATEGORY_IMAGE_DANGEROUS_CONTENT: "dangerous",
};

// Prohibited content outranks the rest when a message carries several codes.
const PRECEDENCE: readonly SafetyCategory[] = [
	"prohibited",
	"child",
	"sexual",
	"dangerous",
	"hate",
	"celebrity",
	"people",
	"other",
];

/** Finds the support codes (runs of 8 digits) in a finishMessage, in order, without repeats. */
export function supportCodesIn(finishMessage: string | undefined): string[] {
	return [...new Set(finishMessage?.match(/\b\d{8}\b/g) ?? [])];
}

/** Decodes the most serious category named by the codes, else by a blocked safety rating; undefined when nothing says. */
export function classifyBlock(
	codes: readonly string[],
	safetyRatings: readonly { category?: string; blocked?: boolean }[] = [],
): SafetyCategory | undefined {
	const fromCodes = new Set(
		codes
			.map((code) => (SAFETY_CODES as Record<string, SafetyCategory>)[code])
			.filter((category) => category !== undefined),
	);
	const best = PRECEDENCE.find((category) => fromCodes.has(category));
	if (best) return best;
	const rating = safetyRatings.find((candidate) => candidate.blocked && candidate.category);
	return rating?.category ? HARM_CATEGORIES[rating.category] : undefined;
}
