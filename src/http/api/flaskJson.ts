// src/http/api/flaskJson.ts: JSON exactly as the production guide's Flask endpoint writes it, so its clients see the same bytes.

/** Python's json.dumps with ensure_ascii: every character past ASCII as \uXXXX (UTF-16 code units, as Python does). */
const asciiOnly = (json: string) =>
	json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== "object") return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
	);
}

/**
 * Flask's jsonify outside debug mode: keys sorted, no spaces, non-ASCII escaped, and a trailing newline
 * (`{"error":"prompt is required"}\n`); Content-Type application/json.
 * @see https://flask.palletsprojects.com/en/stable/api/#flask.json.provider.DefaultJSONProvider
 */
export function flaskJson(value: unknown): string {
	return `${asciiOnly(JSON.stringify(sortKeys(value)))}\n`;
}
