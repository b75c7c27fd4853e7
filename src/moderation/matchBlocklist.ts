// src/moderation/matchBlocklist.ts: finds the first blocklist entry a prompt matches, before any model call.
import { SettingError } from "./settingErrors.js";
import type { BlocklistEntry } from "./settings.js";

export const MAX_PATTERN_LENGTH = 100;

/** What matched, cut short so that a denial never echoes much of the prompt. */
const MAX_MATCHED_LENGTH = 40;

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;
// `(a+)+`, `(\w*\s?)*`, `(x+){2,}`: a quantified group containing a quantifier can backtrack for minutes on one prompt.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/;
// Letters, digits and underscore of any script: \b only knows ASCII, so "café" would match inside "cafés" otherwise.
const WORD_BEFORE = "(?<![\\p{L}\\p{N}_])";
const WORD_AFTER = "(?![\\p{L}\\p{N}_])";

const compiled = new Map<string, RegExp>();

const escapeForUnicodeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function compile(pattern: string): RegExp {
	const literal = REGEX_LITERAL.exec(pattern);
	if (literal) {
		const [, source = "", flags = ""] = literal;
		if (NESTED_QUANTIFIER.test(source))
			throw new SettingError("invalidPattern", { pattern, problem: "nestedQuantifier" });
		// Always case-insensitive; stateful flags (g, y) and unknown ones are dropped.
		const kept = [...new Set([..."i", ...flags].filter((flag) => "imsu".includes(flag)))].join("");
		let regex: RegExp;
		try {
			regex = new RegExp(source, kept);
		} catch {
			throw new SettingError("invalidPattern", { pattern, problem: "syntax" });
		}
		// A pattern that matches the empty string (`/a*/`) would refuse every prompt.
		if (regex.test("")) throw new SettingError("invalidPattern", { pattern, problem: "matchesEverything" });
		return regex;
	}
	const words = pattern.normalize("NFKC").trim().split(/\s+/).map(escapeForUnicodeRegex);
	return new RegExp(`${WORD_BEFORE}${words.join("\\s+")}${WORD_AFTER}`, "iu");
}

/**
 * Compiles a blocklist pattern, throwing SettingError("invalidPattern") for one the bot will not run: a word or
 * phrase matches whole words, case-insensitively, in any script; `/regex/flags` is a JavaScript regular expression,
 * always case-insensitive, at most MAX_PATTERN_LENGTH characters, without nested quantifiers and not
 * matching the empty string.
 */
export function compileBlocklistPattern(pattern: string): RegExp {
	const trimmed = pattern.trim();
	if (trimmed.length === 0 || trimmed === "//") throw new SettingError("invalidPattern", { pattern, problem: "empty" });
	if (trimmed.length > MAX_PATTERN_LENGTH) throw new SettingError("invalidPattern", { pattern, problem: "tooLong" });
	let regex = compiled.get(trimmed);
	if (!regex) {
		regex = compile(trimmed);
		if (compiled.size >= 1_000) compiled.clear();
		compiled.set(trimmed, regex);
	}
	return regex;
}

export type BlocklistMatch = { entry: BlocklistEntry; matched: string };

/** Returns the first entry `text` matches and the matched words (at most 40 characters), or undefined. */
export function matchBlocklist(text: string, entries: readonly BlocklistEntry[]): BlocklistMatch | undefined {
	const normalized = text.normalize("NFKC");
	for (const entry of entries) {
		let regex: RegExp;
		try {
			regex = compileBlocklistPattern(entry.pattern);
		} catch {
			// Stored before a rule tightened; settings validation refuses such patterns now, so skip rather than crash.
			continue;
		}
		const found = regex.exec(normalized);
		if (found) return { entry, matched: found[0].slice(0, MAX_MATCHED_LENGTH) };
	}
	return undefined;
}
