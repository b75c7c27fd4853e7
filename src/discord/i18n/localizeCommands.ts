// src/discord/i18n/localizeCommands.ts: each command definition with its descriptions and choice names in every language.
import { DISCORD_LOCALES_SERVED, LOCALES, type Locale } from "./locale.js";
import { textFor } from "./textFor.js";

type Texts = {
	description?: string;
	name?: string;
	options?: Record<string, string>;
	choices?: Record<string, Record<string, string>>;
};
type Option = {
	name: string;
	description?: string;
	options?: readonly Option[];
	choices?: readonly { name: string; value: string | number }[];
};
type Definition = { name: string; description?: string; options?: readonly Option[] };

/** `pick(locale)` for every Discord locale the bot speaks except English, Discord's default. */
function localizations(pick: (locale: Locale) => string | undefined): Record<string, string> | undefined {
	const entries = LOCALES.filter((locale) => locale !== "en-US").flatMap((locale) => {
		const text = pick(locale);
		return text ? DISCORD_LOCALES_SERVED[locale].map((code) => [code, text] as const) : [];
	});
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

const textsOf = (locale: Locale, command: string): Texts | undefined =>
	(textFor(locale).commands as unknown as Record<string, Texts | undefined>)[command];

function localizeOption(command: string, option: Option, path: string): Option {
	const key = path ? `${path} ${option.name}` : option.name;
	const description = localizations((locale) => textsOf(locale, command)?.options?.[key]);
	return {
		...option,
		...(description ? { description_localizations: description } : {}),
		...(option.options ? { options: option.options.map((child) => localizeOption(command, child, key)) } : {}),
		...(option.choices
			? {
					choices: option.choices.map((choice) => {
						const names = localizations(
							(locale) => textsOf(locale, command)?.choices?.[option.name]?.[String(choice.value)],
						);
						return names ? { ...choice, name_localizations: names } : choice;
					}),
				}
			: {}),
	};
}

/**
 * Adds `description_localizations` (commands and options), `name_localizations` (choices, and the context-menu
 * command whose name members read) from every catalogue. Command and option names stay the contract's: the router
 * receives the default names whatever the member's language.
 * @see https://discord.com/developers/docs/interactions/application-commands#localization
 */
export function localizeCommand<D extends Definition>(definition: D): D {
	const command = definition.name;
	const description = definition.description
		? localizations((locale) => textsOf(locale, command)?.description)
		: undefined;
	const name = definition.description ? undefined : localizations((locale) => textsOf(locale, command)?.name);
	return {
		...definition,
		...(description ? { description_localizations: description } : {}),
		...(name ? { name_localizations: name } : {}),
		...(definition.options ? { options: definition.options.map((option) => localizeOption(command, option, "")) } : {}),
	};
}
