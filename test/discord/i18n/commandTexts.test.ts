// The command texts of every locale cover every command, option and worded choice the definitions register.
import { describe, expect, it } from "vitest";
import { allDefinitions } from "../../../commands/index.js";
import { CATALOGUES } from "../../../src/discord/i18n/catalogues.js";
import { commandTexts, MAX_CHOICE_NAME } from "../../../src/discord/i18n/commandTexts.js";
import { LOCALES } from "../../../src/discord/i18n/locale.js";

type Choice = { name: string; value: string | number };
type Option = { name: string; description?: string; options?: readonly Option[]; choices?: readonly Choice[] };
type Definition = Option & { type?: number };
type Texts = {
	description?: string;
	name?: string;
	options?: Record<string, string>;
	choices?: Record<string, Record<string, string>>;
};

/** Every option below a command, by its path ("blocklist add pattern"), subcommands and groups included. */
function optionsOf(options: readonly Option[] = [], prefix = ""): [string, Option][] {
	return options.flatMap((option) => {
		const path = `${prefix}${option.name}`;
		return [[path, option] as [string, Option], ...optionsOf(option.options, `${path} `)];
	});
}

const definitions = allDefinitions as readonly Definition[];
const textsOf = (locale: (typeof LOCALES)[number], command: string) =>
	(CATALOGUES[locale].commands as Record<string, Texts>)[command];

describe("commandTexts (English)", () => {
	it("has texts for exactly the commands the bot registers", () => {
		expect(Object.keys(commandTexts).sort()).toEqual(definitions.map((definition) => definition.name).sort());
	});

	it.each(definitions.map((definition) => [definition.name, definition] as const))(
		"%s says what its definition says",
		(name, definition) => {
			const texts = (commandTexts as Record<string, Texts>)[name];
			if (definition.description === undefined) {
				// A context-menu command: its name is what members read.
				expect(texts?.name).toBe(name);
				return;
			}
			expect(texts?.description).toBe(definition.description);
			const options = optionsOf(definition.options);
			expect(Object.keys(texts?.options ?? {}).sort()).toEqual(options.map(([path]) => path).sort());
			for (const [path, option] of options) {
				expect(texts?.options?.[path], path).toBe(option.description);
				const worded = texts?.choices?.[option.name];
				if (!option.choices || !worded) continue;
				for (const choice of option.choices) expect(worded[String(choice.value)], path).toBe(choice.name);
			}
		},
	);

	it("words only choices the definitions have", () => {
		for (const definition of definitions) {
			const texts = (commandTexts as Record<string, Texts>)[definition.name];
			const options = optionsOf(definition.options).map(([, option]) => option);
			for (const [optionName, names] of Object.entries(texts?.choices ?? {})) {
				const values = new Set(
					options.filter((option) => option.name === optionName).flatMap((option) => option.choices ?? []),
				);
				expect(values.size, `${definition.name} ${optionName}`).toBeGreaterThan(0);
				const known = new Set([...values].map((choice) => String(choice.value)));
				for (const value of Object.keys(names)) expect(known, `${definition.name} ${optionName}`).toContain(value);
			}
		}
	});
});

describe.each(LOCALES)("%s command texts", (locale) => {
	it.each(definitions.map((definition) => [definition.name, definition] as const))(
		"%s: every description, option and choice, within Discord's limits",
		(name, definition) => {
			const texts = textsOf(locale, name);
			expect(texts).toBeDefined();
			if (definition.description === undefined) {
				expect(texts?.name?.length).toBeGreaterThan(0);
				expect(texts?.name?.length ?? 0).toBeLessThanOrEqual(32);
				return;
			}
			expect(texts?.description?.length ?? 0).toBeGreaterThan(0);
			expect(texts?.description?.length ?? 0).toBeLessThanOrEqual(100);
			for (const [path, option] of optionsOf(definition.options)) {
				const description = texts?.options?.[path] ?? "";
				expect(description.length, path).toBeGreaterThan(0);
				expect(description.length, `${path}: ${description}`).toBeLessThanOrEqual(100);
				const worded = texts?.choices?.[option.name];
				if (!worded) continue;
				for (const choice of option.choices ?? []) {
					const choiceName = worded[String(choice.value)] ?? "";
					expect(choiceName.length, `${path} ${choice.value}`).toBeGreaterThan(0);
					expect(choiceName.length, `${path} ${choice.value}: ${choiceName}`).toBeLessThanOrEqual(MAX_CHOICE_NAME);
				}
			}
		},
	);

	it("names each setting key as the command receives it, first in its choice name", () => {
		const choices = (textsOf(locale, "settings")?.choices?.key ?? {}) as Record<string, string>;
		for (const [key, choiceName] of Object.entries(choices)) expect(choiceName.startsWith(`${key} — `)).toBe(true);
	});
});
