import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_CHARS, splitMessage } from "../../../src/discord/turns/splitMessage.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const sentence = (index: number) => `This is sentence number ${index} of a long answer about bananas.`;
const sentences = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => sentence(from + index)).join(" ");
const nonWhitespace = (text: string) => text.replace(/\s/g, "");

const samples: [string, string][] = [
	["one long paragraph", sentences(0, 200)],
	["many short lines", Array.from({ length: 400 }, (_, index) => `line ${index}`).join("\n")],
	["paragraphs", Array.from({ length: 12 }, (_, index) => sentences(index * 10, 8)).join("\n\n")],
	["one huge word", "x".repeat(5_000)],
	["emoji", "🍌".repeat(3_000)],
	["mixed", `${"word ".repeat(500)}${"y".repeat(2_500)}\n\n${sentences(0, 40)}`],
];

describe("splitMessage", () => {
	it("keeps short text in one chunk", () => {
		expect(splitMessage("  A banana in space.  ")).toEqual(["A banana in space."]);
	});

	it("returns nothing for blank text", () => {
		expect(splitMessage(" \n ")).toEqual([]);
	});

	it.each(samples)("keeps every chunk of %s within the limit", (_label, text) => {
		const chunks = splitMessage(text);
		expect(chunks.length).toBeGreaterThan(1);
		for (const chunk of chunks) {
			expect(chunk.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
			expect(chunk.length).toBeGreaterThan(0);
		}
	});

	it.each(samples)("keeps all non-whitespace content of %s, in order", (_label, text) => {
		expect(nonWhitespace(splitMessage(text).join(""))).toBe(nonWhitespace(text));
	});

	it("splits at a paragraph boundary first", () => {
		const first = sentences(0, 18);
		const second = sentences(100, 18);
		expect(first.length).toBeGreaterThan(1_000);
		expect(first.length + second.length).toBeGreaterThan(MAX_MESSAGE_CHARS);
		expect(splitMessage(`${first}\n\n${second}`)).toEqual([first, second]);
	});

	it("splits at a sentence boundary when no paragraph or line break fits", () => {
		const text = sentences(0, 60);
		const chunks = splitMessage(text);
		expect(chunks.length).toBeGreaterThan(1);
		for (const chunk of chunks) {
			expect(chunk.startsWith("This is sentence number")).toBe(true);
			expect(chunk.endsWith("bananas.")).toBe(true);
		}
	});

	it("hard-splits a 5000-character word", () => {
		const word = "a".repeat(5_000);
		const chunks = splitMessage(word);
		expect(chunks.map((chunk) => chunk.length)).toEqual([2_000, 2_000, 1_000]);
		expect(chunks.join("")).toBe(word);
	});

	it.each([
		["emoji only", "😀".repeat(3_000)],
		["emoji after one letter", `a${"😀".repeat(3_000)}`],
		["emoji after a long word", `${"b".repeat(1_999)}${"🍌".repeat(10)}`],
	])("never splits a surrogate pair (%s)", (_label, text) => {
		const chunks = splitMessage(text);
		expect(chunks.length).toBeGreaterThan(1);
		for (const chunk of chunks) {
			expect(chunk.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
			expect(chunk).not.toMatch(LONE_SURROGATE);
		}
		expect(chunks.join("")).toBe(text);
	});

	it("honours a smaller limit", () => {
		const chunks = splitMessage("one two three four five six seven eight nine ten", 12);
		for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(12);
		expect(chunks.join(" ")).toBe("one two three four five six seven eight nine ten");
	});
});
