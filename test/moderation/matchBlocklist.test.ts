import { describe, expect, it } from "vitest";
import { compileBlocklistPattern, matchBlocklist } from "../../src/moderation/matchBlocklist.js";

describe("matchBlocklist", () => {
	it.each([
		["a CAT on a sofa", "cat", "CAT"],
		["cat.", "cat", "cat"],
		["Ein Café bitte", "café", "Café"],
		["a   Red  Panda here", "red panda", "Red  Panda"],
		["ｃａｔ in full width", "cat", "cat"],
	])("matches the word in %j for %j, case-insensitively", (prompt, pattern, matched) => {
		expect(matchBlocklist(prompt, [{ pattern }])).toEqual({ entry: { pattern }, matched });
	});

	it.each([
		["concatenate these", "cat"],
		["cats everywhere", "cat"],
		["cafés", "café"],
		["red pandas", "red panda"],
		["scatter", "cat"],
	])("does not match inside a longer word: %j for %j", (prompt, pattern) => {
		expect(matchBlocklist(prompt, [{ pattern }])).toBeUndefined();
	});

	it("matches /regex/ patterns case-insensitively, wherever they occur", () => {
		const entry = { pattern: "/porn\\w*/", reason: "No sexual content." };
		expect(matchBlocklist("some PORNOGRAPHY please", [entry])).toEqual({ entry, matched: "PORNOGRAPHY" });
		expect(matchBlocklist("a crypto   scam", [{ pattern: "/crypto\\s*scam/" }])?.matched).toBe("crypto   scam");
		expect(matchBlocklist("cryptography", [{ pattern: "/crypto\\s*scam/" }])).toBeUndefined();
	});

	it("honours flags but stays case-insensitive and stateless", () => {
		const regex = compileBlocklistPattern("/a.b/gs");
		expect(regex.flags).toBe("is");
		expect(matchBlocklist("A\nB", [{ pattern: "/a.b/gs" }])?.matched).toBe("A\nB");
		// A global regex would fail every other call; the same entry must match twice in a row.
		expect(matchBlocklist("A\nB", [{ pattern: "/a.b/gs" }])).toBeDefined();
	});

	it("returns the first entry that matches, and cuts the matched words to 40 characters", () => {
		const entries = [{ pattern: "dog" }, { pattern: "/x+/" }, { pattern: "cat" }];
		expect(matchBlocklist("cat and dog", entries)?.entry.pattern).toBe("dog");
		expect(matchBlocklist(`a ${"x".repeat(500)} b`, entries)?.matched).toBe("x".repeat(40));
	});

	it("treats regex characters in a word as plain text, and skips a stored pattern it can no longer compile", () => {
		expect(matchBlocklist("price: $5 (cheap)", [{ pattern: "(cheap)" }])?.matched).toBe("(cheap)");
		expect(matchBlocklist("c++ code", [{ pattern: "/(a+)+/" }, { pattern: "code" }])?.matched).toBe("code");
	});
});
