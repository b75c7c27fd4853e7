import { describe, expect, it } from "vitest";
import { classifyBlock, SAFETY_CODES, supportCodesIn } from "../../src/gemini/classifyBlock.js";

const message = (code: string) =>
	`Unable to show the generated image. The image was filtered out because it violated Google's Generative AI Prohibited Use policy. You will not be charged for blocked images. Try rephrasing the prompt. If you think this was an error, send feedback. Support codes: ${code}`;

describe("classifyBlock", () => {
	it.each(Object.entries(SAFETY_CODES))("maps support code %s to %s", (code, category) => {
		expect(classifyBlock(supportCodesIn(message(code)))).toBe(category);
	});

	it.each([
		[["14952152", "63429089"], "sexual"],
		[["63429089", "89371032"], "prohibited"],
		[["49257518", "22137204"], "hate"],
		[["39322892", "17301594"], "child"],
		[["14952152", "39322892"], "people"],
	] as const)("picks the most serious category among %j → %s", (codes, category) => {
		expect(classifyBlock(codes)).toBe(category);
	});

	it("falls back to a blocked safety rating when no code is known", () => {
		expect(
			classifyBlock(
				[],
				[
					{ category: "HARM_CATEGORY_HATE_SPEECH", blocked: false },
					{ category: "HARM_CATEGORY_DANGEROUS_CONTENT", blocked: true },
				],
			),
		).toBe("dangerous");
	});

	it("prefers codes over safety ratings", () => {
		expect(classifyBlock(["63429089"], [{ category: "HARM_CATEGORY_HATE_SPEECH", blocked: true }])).toBe("sexual");
	});

	it("ignores safety ratings that did not block", () => {
		expect(classifyBlock([], [{ category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", blocked: false }])).toBeUndefined();
	});

	it.each([[[]], [["12345678"]], [["00000000", "99999999"]]])("returns undefined for unknown codes %j", (codes) => {
		expect(classifyBlock(codes)).toBeUndefined();
	});
});

describe("supportCodesIn", () => {
	it("finds 8-digit codes in order without repeats", () => {
		expect(supportCodesIn("Support codes: 63429089, 14952152; again 63429089")).toEqual(["63429089", "14952152"]);
	});

	it("ignores longer and shorter digit runs", () => {
		expect(supportCodesIn("id 123456789 and 1234567 and 22137204")).toEqual(["22137204"]);
	});

	it("returns nothing for no message", () => {
		expect(supportCodesIn(undefined)).toEqual([]);
	});
});
