// src/moderation/geminiSafety.ts: effective settings to the safetySettings and people controls of a generateContent request.
import { bareModelId } from "../gemini/models.js";
import type { HarmCategoryName, PeopleMode, SafetyThreshold, Settings } from "./settings.js";

/** Our category names to the Gemini API's HarmCategory values (the SDK's enum strings). */
export const HARM_CATEGORY_IDS = {
	harassment: "HARM_CATEGORY_HARASSMENT",
	hateSpeech: "HARM_CATEGORY_HATE_SPEECH",
	sexuallyExplicit: "HARM_CATEGORY_SEXUALLY_EXPLICIT",
	dangerousContent: "HARM_CATEGORY_DANGEROUS_CONTENT",
} as const satisfies Record<HarmCategoryName, `HARM_CATEGORY_${string}`>;
export type HarmCategoryId = (typeof HARM_CATEGORY_IDS)[HarmCategoryName];

export const PERSON_GENERATION = {
	none: "ALLOW_NONE",
	allow_adult: "ALLOW_ADULT",
	allow_all: "ALLOW_ALL",
} as const satisfies Record<PeopleMode, string>;
export type PersonGeneration = (typeof PERSON_GENERATION)[PeopleMode];

/**
 * Gemini image models that take imageConfig.personGeneration, and only on Vertex AI: @google/genai throws before
 * sending when it is set in Gemini API mode ("personGeneration parameter is only supported in … not in Gemini
 * Developer API mode"). The field arrived in the API with the Gemini 3 image models; 2.5 Flash Image and unknown ids
 * are left out, conservatively, since a field a model does not take fails the request.
 * @see https://cloud.google.com/vertex-ai/generative-ai/docs/reference/rest/v1/GenerationConfig
 */
export const PERSON_GENERATION_MODELS: readonly string[] = ["gemini-3-pro-image", "gemini-3.1-flash-image"];

/**
 * Added to the member's prompt when people = "none" cannot be sent as personGeneration. Together with Gemini's own
 * people/face filter (finishMessage code 39322892, shown as the "people" category) it is as far as the Gemini API
 * allows: the model usually complies, but an instruction is not a guarantee.
 */
export const NO_PEOPLE_INSTRUCTION =
	"(Moderation setting of this server: do not depict people, faces or human figures in any image.)";

export type GeminiSafety = {
	/** One entry per category, in HARM_CATEGORY_IDS order; goes in config.safetySettings. */
	safetySettings: { category: HarmCategoryId; threshold: SafetyThreshold }[];
	/** Goes in config.imageConfig.personGeneration; present only where the model and the API mode take it. */
	personGeneration?: PersonGeneration;
	/** Appended (after a blank line) to the text of the member's turn; present when people must be asked for in words. */
	promptSuffix?: string;
};

export type SafetyTarget = {
	model: string;
	/** True in Vertex AI mode (GOOGLE_GENAI_USE_VERTEXAI); the Gemini API refuses personGeneration. */
	vertex: boolean;
};

/** Whether a generateContent request to `model` may carry imageConfig.personGeneration. */
export function takesPersonGeneration({ model, vertex }: SafetyTarget): boolean {
	return vertex && PERSON_GENERATION_MODELS.includes(bareModelId(model));
}

/**
 * Maps effective settings to plain request data: every category's threshold, and the people setting as
 * personGeneration where the model takes it (Vertex, Gemini 3 image models); elsewhere "none" becomes an instruction
 * appended to the prompt, while "allow_adult" and "allow_all" cannot be told apart: Google's own filters decide (a
 * block for children arrives as finishMessage code 17301594, child sexual content as the prohibited-content codes).
 */
export function toGeminiSafety(settings: Pick<Settings, "safety" | "people">, target: SafetyTarget): GeminiSafety {
	const safetySettings = (Object.keys(HARM_CATEGORY_IDS) as HarmCategoryName[]).map((category) => ({
		category: HARM_CATEGORY_IDS[category],
		threshold: settings.safety[category],
	}));
	if (takesPersonGeneration(target)) return { safetySettings, personGeneration: PERSON_GENERATION[settings.people] };
	return settings.people === "none" ? { safetySettings, promptSuffix: NO_PEOPLE_INSTRUCTION } : { safetySettings };
}
