import { describe, expect, it } from "vitest";
import { MAX_THREAD_NAME_CHARS, threadTitle } from "../../../src/discord/turns/threadTitle.js";

const longPrompt = "a very detailed prompt about a banana astronaut floating above the rings of saturn ".repeat(4);

describe("threadTitle", () => {
	it("keeps a short prompt as it is", () => {
		expect(threadTitle("A banana in space")).toBe("A banana in space");
	});

	it("collapses whitespace", () => {
		expect(threadTitle("  a   banana\n\n in\tspace  ")).toBe("a banana in space");
	});

	it.each([
		["", "", "Image conversation"],
		["   \n\t", "", "Image conversation"],
		["", "🎨 ", "🎨 Image conversation"],
	])("names an empty prompt %j (prefix %j) %j", (prompt, prefix, expected) => {
		expect(threadTitle(prompt, prefix)).toBe(expected);
	});

	it("cuts a long prompt at a word boundary with an ellipsis, within 100 characters", () => {
		const title = threadTitle(longPrompt);
		expect(title.length).toBeLessThanOrEqual(MAX_THREAD_NAME_CHARS);
		expect(title.endsWith("…")).toBe(true);
		const words = title.slice(0, -1);
		expect(longPrompt.startsWith(words)).toBe(true);
		expect(longPrompt[words.length]).toBe(" ");
	});

	it("hard-cuts a single long word", () => {
		const title = threadTitle("x".repeat(300));
		expect(title).toBe(`${"x".repeat(MAX_THREAD_NAME_CHARS - 1)}…`);
	});

	it("counts the prefix in the limit", () => {
		const prefix = "Edit: ";
		const title = threadTitle(longPrompt, prefix);
		expect(title.startsWith(prefix)).toBe(true);
		expect(title.length).toBeLessThanOrEqual(MAX_THREAD_NAME_CHARS);
		expect(title.endsWith("…")).toBe(true);
	});

	it("keeps a prompt of exactly the room left", () => {
		const prompt = "y".repeat(MAX_THREAD_NAME_CHARS - 3);
		expect(threadTitle(prompt, "P: ")).toBe(`P: ${prompt}`);
	});
});
