// The table test: every message of every locale, rendered with sample values, keeps what the English one carries
// (mentions, timestamps, code spans, numbers), leaves no placeholder behind and fits where Discord shows it.
import { describe, expect, it } from "vitest";
import { english } from "../../../src/discord/i18n/catalogue.js";
import { CATALOGUES } from "../../../src/discord/i18n/catalogues.js";
import { LOCALES } from "../../../src/discord/i18n/locale.js";
import { EMBED_LIMITS } from "../../../src/discord/moderation/embedLimits.js";
import { CHANNEL, MODERATOR, SAMPLES, UNIX, USER } from "./samples.js";

/** A string or function of a catalogue: its keys from the root, and the dotted path the samples use. */
type Leaf = { keys: readonly string[]; path: string; value: unknown };

/** Every string and function of a catalogue ("messages.queued"; setting keys keep their own dots). */
function leavesOf(node: unknown, keys: readonly string[] = []): Leaf[] {
	if (typeof node === "string" || typeof node === "function") return [{ keys, path: keys.join("."), value: node }];
	if (node && typeof node === "object")
		return Object.entries(node).flatMap(([key, child]) => leavesOf(child, [...keys, key]));
	return [];
}

function at(catalogue: unknown, keys: readonly string[]): unknown {
	let node = catalogue as Record<string, unknown> | undefined;
	for (const key of keys) node = node?.[key] as Record<string, unknown> | undefined;
	return node;
}

/** A leaf rendered with each of its samples (a string leaf renders as itself, once). */
function renderings(catalogue: unknown, leaf: Leaf): string[] {
	const value = at(catalogue, leaf.keys);
	if (typeof value !== "function") return [value as string];
	return (SAMPLES[leaf.path] ?? []).map((args) => value(...args) as string);
}

/** How many characters Discord allows where each text is shown, by path. */
const LIMITS: readonly (readonly [RegExp, number])[] = [
	[/^labels\.(editImageTitle|editThisImageTitle)$/, 45], // modal title
	[/^labels\.instructionLabel$/, 45], // a modal label component's label
	[/^labels\.(instructionPlaceholder|untitledThread)$/, 100], // text input placeholder; thread name
	[/^labels\./, 80], // button label
	[/^auditReasons\./, 512], // X-Audit-Log-Reason
	[/^commands\.[^.]+\.name$/, 32], // context-menu command name
	[/^commands\./, 100], // command and option description, choice name
	[/^modlogMessages\.(caseTitle|appealTitle|what\.|field\.)/, EMBED_LIMITS.title],
	[/^modlogMessages\.(summary\.|appealSummary)/, EMBED_LIMITS.description],
	[/^modlogMessages\.footer$/, EMBED_LIMITS.footerText],
	[
		/^modlogMessages\.(jumpLink|categoryLabel|categoryUnknown|noCodes|promptOmitted|promptEmpty|actionLine\.)/,
		EMBED_LIMITS.fieldValue,
	],
	[/^settingsMessages\.view\.(title|sections\.)/, EMBED_LIMITS.title],
	[/^settingsMessages\.view\.description$/, EMBED_LIMITS.description],
	[/^settingsMessages\.view\.footer$/, EMBED_LIMITS.footerText],
	[/^settingsMessages\.(view\.(more|emptyBlocklist)|origins\.|values\.|hint$)/, EMBED_LIMITS.fieldValue],
	[/./, 2_000], // message content
];
const limitOf = (path: string) => LIMITS.find(([pattern]) => pattern.test(path))?.[1] ?? 2_000;

const LEFTOVERS = [/\{\{?\s*[\w.]+\s*\}?\}/, /\$\{/, /\bundefined\b/, /\bNaN\b/, /\[object /, /\bnull\b/];
const MARKUP = /<@&?\d+>|<#\d+>|<t:\d+:[tTdDfFR]>/g;
const CODE_SPANS = /`[^`\n]*`/g;

/** The digit runs of a text, with digit grouping taken out ("12,34,567" and "1,234,567" are both "1234567"). */
const digitRuns = (text: string) => text.replace(/(\d)[,\u00a0\u202f](?=\d)/g, "$1").match(/\d+/g) ?? [];

/** What of `expected` (a multiset) `actual` lacks. */
function missing(expected: readonly string[], actual: readonly string[]): string[] {
	const left = [...actual];
	return expected.filter((item) => {
		const index = left.indexOf(item);
		if (index === -1) return true;
		left.splice(index, 1);
		return false;
	});
}

/** Commands and values members type, the same in every language. */
const SAME_IN_EVERY_LANGUAGE = /^(auditReasons\.(imagine|background)|commands\.settings\.choices\.scope\.)/;
/** Words a language took from English as they are. */
const SAME_WORD: Partial<Record<string, readonly string[]>> = {
	"es-419": ["labels.info", "modlogMessages.field.prompt", "settingsMessages.view.sections.preset"],
};

const LEAVES = leavesOf(english);
const FUNCTIONS = LEAVES.filter((leaf) => typeof leaf.value === "function");

describe("the sample table", () => {
	it("has samples for every message function English has", () => {
		expect(FUNCTIONS.filter((leaf) => !SAMPLES[leaf.path]?.length).map((leaf) => leaf.path)).toEqual([]);
	});

	it("has no samples for functions English no longer has", () => {
		const paths = new Set(FUNCTIONS.map((leaf) => leaf.path));
		expect(Object.keys(SAMPLES).filter((path) => !paths.has(path))).toEqual([]);
	});
});

describe.each(LOCALES)("%s", (locale) => {
	const catalogue = CATALOGUES[locale];

	it("has exactly English's keys, also where the type allows any (Record<string, string>)", () => {
		const keys = (root: unknown) => leavesOf(root).map((leaf) => leaf.path);
		expect(keys(catalogue)).toEqual(keys(english));
	});

	it.each(LEAVES.map((leaf) => [leaf.path, leaf] as const))("%s", (path, leaf) => {
		const englishTexts = renderings(english, leaf);
		const texts = renderings(catalogue, leaf);
		expect(texts).toHaveLength(englishTexts.length);
		for (const [index, text] of texts.entries()) {
			const source = englishTexts[index] ?? "";
			expect(typeof text, `${path} #${index}`).toBe("string");
			expect(text.trim().length, `${path} #${index} is empty`).toBeGreaterThan(0);
			for (const leftover of LEFTOVERS) expect(text, `${path} #${index}`).not.toMatch(leftover);
			expect(missing(source.match(MARKUP) ?? [], text.match(MARKUP) ?? []), `${path} #${index}: markup`).toEqual([]);
			expect(
				missing(source.match(CODE_SPANS) ?? [], text.match(CODE_SPANS) ?? []),
				`${path} #${index}: code spans`,
			).toEqual([]);
			expect(missing(digitRuns(source), digitRuns(text)), `${path} #${index}: numbers\n${text}`).toEqual([]);
			expect(text.length, `${path} #${index}: ${text}`).toBeLessThanOrEqual(limitOf(path));
		}
	});

	it("puts each full embed within Discord's 6,000-character total", () => {
		const m = catalogue.modlogMessages;
		const longestWhat = Object.values(m.what).reduce((a, b) => (b.length > a.length ? b : a));
		const modlog = [
			m.appealTitle(longestWhat),
			m.appealSummary(USER),
			`\n\n**${m.field.prompt}**\n`,
			m.promptOmitted,
			...Object.values(m.field),
			m.jumpLink("https://discord.com/channels/111111111111111111/222222222222222222/333333333333333333", CHANNEL),
			m.categoryLabel(catalogue.CATEGORY_LABELS.celebrity, "celebrity"),
			m.actionLine.delete(MODERATOR, UNIX),
			m.actionLine.lock(MODERATOR, UNIX),
			m.actionLine.timeout(MODERATOR, UNIX, 10),
			m.footer("c-20240115-0042"),
		].join("");
		// What the case's own data (prompt, model, codes) may still use.
		expect(modlog.length).toBeLessThanOrEqual(EMBED_LIMITS.total - 2_500);
		const view = catalogue.settingsMessages.view;
		const settings = [
			view.title,
			view.description({ channelId: CHANNEL, threadId: CHANNEL, ageRestricted: true }),
			...Object.values(view.sections),
			view.footer,
		].join("");
		// The values and origins of 19 settings and the blocklist need the rest.
		expect(settings.length).toBeLessThanOrEqual(1_500);
	});

	it.skipIf(locale === "en-US")("translates every text (none is English's word for word)", () => {
		const untranslated = LEAVES.filter(
			(leaf) =>
				typeof leaf.value === "string" &&
				/\p{L}{3}/u.test(leaf.value) &&
				!SAME_IN_EVERY_LANGUAGE.test(leaf.path) &&
				!SAME_WORD[locale]?.includes(leaf.path),
		).filter((leaf) => at(catalogue, leaf.keys) === leaf.value);
		expect(untranslated.map((leaf) => leaf.path)).toEqual([]);
	});
});
