// test/http/flaskJson.test.ts: JSON written as Flask's jsonify writes it (outside debug mode).
import { describe, expect, it } from "vitest";
import { flaskJson } from "../../src/http/api/flaskJson.js";

describe("flaskJson", () => {
	it.each<[string, unknown, string]>([
		["the guide's 400", { error: "prompt is required" }, '{"error":"prompt is required"}\n'],
		[
			"sorted keys at every depth",
			{ z: 1, a: { y: [{ b: 2, a: 1 }], x: null } },
			'{"a":{"x":null,"y":[{"a":1,"b":2}]},"z":1}\n',
		],
		["non-ASCII as \\u escapes", { messages: ["café – ok"] }, '{"messages":["caf\\u00e9 \\u2013 ok"]}\n'],
		["astral characters as surrogate pairs", ["🍌"], '["\\ud83c\\udf4c"]\n'],
		["DEL and controls escaped", ["a\u007fb\nc\u0001"], '["a\\u007fb\\nc\\u0001"]\n'],
		["slashes and quotes as Python writes them", ['a/b "c"'], '["a/b \\"c\\""]\n'],
	])("writes %s", (_name, value, expected) => {
		expect(flaskJson(value)).toBe(expected);
	});
});
