import { GoogleGenAI, HarmBlockThreshold, HarmCategory } from "@google/genai";
import { describe, expect, it } from "vitest";
import { parseModerationConfig } from "../../src/moderation/config.js";
import { defaultSettings } from "../../src/moderation/defaultSettings.js";
import {
	HARM_CATEGORY_IDS,
	NO_PEOPLE_INSTRUCTION,
	takesPersonGeneration,
	toGeminiSafety,
} from "../../src/moderation/geminiSafety.js";
import { type HarmCategoryName, SAFETY_THRESHOLDS, type Settings } from "../../src/moderation/settings.js";

const base = defaultSettings(parseModerationConfig({}));
const withSafety = (overrides: Partial<Settings["safety"]>, people: Settings["people"] = "allow_adult") => ({
	safety: { ...base.safety, ...overrides },
	people,
});
const GEMINI_API = { model: "gemini-3.1-flash-image", vertex: false };
const VERTEX = { model: "gemini-3.1-flash-image", vertex: true };

describe("toGeminiSafety", () => {
	it("uses the SDK's own HarmCategory and HarmBlockThreshold strings", () => {
		for (const id of Object.values(HARM_CATEGORY_IDS)) expect(Object.values(HarmCategory)).toContain(id);
		for (const threshold of SAFETY_THRESHOLDS) expect(Object.values(HarmBlockThreshold)).toContain(threshold);
	});

	it.each([
		["harassment", "HARM_CATEGORY_HARASSMENT"],
		["hateSpeech", "HARM_CATEGORY_HATE_SPEECH"],
		["sexuallyExplicit", "HARM_CATEGORY_SEXUALLY_EXPLICIT"],
		["dangerousContent", "HARM_CATEGORY_DANGEROUS_CONTENT"],
	] as const)("sends %s's threshold as %s, and only that category changes", (name: HarmCategoryName, id) => {
		const { safetySettings } = toGeminiSafety(withSafety({ [name]: "BLOCK_LOW_AND_ABOVE" }), GEMINI_API);
		expect(safetySettings).toHaveLength(4);
		expect(safetySettings.filter((setting) => setting.threshold === "BLOCK_LOW_AND_ABOVE")).toEqual([
			{ category: id, threshold: "BLOCK_LOW_AND_ABOVE" },
		]);
		expect(safetySettings.filter((setting) => setting.threshold === "BLOCK_MEDIUM_AND_ABOVE")).toHaveLength(3);
	});

	it("sends every category once, in a fixed order", () => {
		const { safetySettings } = toGeminiSafety(
			withSafety({ harassment: "OFF", hateSpeech: "BLOCK_NONE", sexuallyExplicit: "BLOCK_ONLY_HIGH" }),
			GEMINI_API,
		);
		expect(safetySettings).toEqual([
			{ category: "HARM_CATEGORY_HARASSMENT", threshold: "OFF" },
			{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" },
			{ category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", threshold: "BLOCK_ONLY_HIGH" },
			{ category: "HARM_CATEGORY_DANGEROUS_CONTENT", threshold: "BLOCK_MEDIUM_AND_ABOVE" },
		]);
	});

	it.each([
		["none", "ALLOW_NONE"],
		["allow_adult", "ALLOW_ADULT"],
		["allow_all", "ALLOW_ALL"],
	] as const)("on Vertex with a Gemini 3 image model, people=%s is personGeneration %s", (people, value) => {
		const safety = toGeminiSafety(withSafety({}, people), VERTEX);
		expect(safety.personGeneration).toBe(value);
		expect(safety.promptSuffix).toBeUndefined();
	});

	it("never sends personGeneration in Gemini API mode (the SDK throws), nor to models not known to take it", () => {
		expect(takesPersonGeneration(GEMINI_API)).toBe(false);
		expect(takesPersonGeneration({ model: "models/gemini-3-pro-image", vertex: true })).toBe(true);
		expect(takesPersonGeneration({ model: "gemini-2.5-flash-image", vertex: true })).toBe(false);
		expect(takesPersonGeneration({ model: "some-future-image-model", vertex: true })).toBe(false);
		expect(toGeminiSafety(withSafety({}, "allow_all"), GEMINI_API)).not.toHaveProperty("personGeneration");
	});

	it("asks for no people in words where personGeneration cannot be sent, and only for people=none", () => {
		expect(toGeminiSafety(withSafety({}, "none"), GEMINI_API).promptSuffix).toBe(NO_PEOPLE_INSTRUCTION);
		const older = { model: "gemini-2.5-flash-image", vertex: true };
		expect(toGeminiSafety(withSafety({}, "none"), older).promptSuffix).toBe(NO_PEOPLE_INSTRUCTION);
		expect(toGeminiSafety(withSafety({}, "allow_adult"), GEMINI_API)).toEqual({
			safetySettings: expect.any(Array),
		});
	});

	it("is right that @google/genai refuses personGeneration in Gemini API mode, before any request", async () => {
		// Port 9 on 127.0.0.1 is closed: were the request sent, it would fail with a network error instead.
		const ai = new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: "http://127.0.0.1:9" } });
		const request = ai.models.generateContent({
			model: "gemini-3.1-flash-image",
			contents: "a banana",
			config: { imageConfig: { personGeneration: "ALLOW_ADULT" } },
		});
		await expect(request).rejects.toThrow(/personGeneration parameter is only supported/);
	});
});
