// Application command registration with the validation Discord applies when a bot deploys commands.
import type { FakeContext } from "./context.js";
import { asRecord, invalidForm, isRecord } from "./errors.js";

const CHAT_INPUT = 1;
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

function checkName(name: unknown, path: string, chatInput: boolean): void {
	if (typeof name !== "string") throw invalidForm(`${path}.name`, "BASE_TYPE_REQUIRED", "This field is required");
	if (chatInput && (!NAME_PATTERN.test(name) || name !== name.toLowerCase())) {
		throw invalidForm(`${path}.name`, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
	}
	if (!chatInput && (name.length < 1 || name.length > 32))
		throw invalidForm(`${path}.name`, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
}

function checkDescription(description: unknown, path: string, chatInput: boolean): void {
	const text = typeof description === "string" ? description : "";
	if (chatInput && (text.length < 1 || text.length > 100))
		throw invalidForm(`${path}.description`, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
	if (!chatInput && text !== "")
		throw invalidForm(
			`${path}.description`,
			"APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
			"Context menu commands cannot have description",
		);
}

/** @see https://discord.com/developers/docs/reference#locales */
const DISCORD_LOCALES = new Set(
	"id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el bg ru uk hi th zh-CN ja zh-TW ko".split(
		" ",
	),
);

/** `*_localizations`: known locales only, each value as its field's own limits. */
function checkLocalizations(value: unknown, path: string, check: (text: unknown, where: string) => void): void {
	if (value === undefined || value === null) return;
	if (!isRecord(value)) throw invalidForm(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
	for (const [locale, text] of Object.entries(value)) {
		if (!DISCORD_LOCALES.has(locale)) throw invalidForm(`${path}.${locale}`, "LOCALE_INVALID", "Invalid locale");
		check(text, `${path}.${locale}`);
	}
}

const checkLocalizedDescription = (text: unknown, where: string) => {
	if (typeof text !== "string" || text.length < 1 || text.length > 100)
		throw invalidForm(where, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
};

function checkLocalized(entry: Record<string, unknown>, path: string, chatInput: boolean): void {
	checkLocalizations(entry.description_localizations, `${path}.description_localizations`, checkLocalizedDescription);
	checkLocalizations(entry.name_localizations, `${path}.name_localizations`, (text, where) => {
		if (typeof text !== "string") throw invalidForm(where, "BASE_TYPE_REQUIRED", "This field is required");
		if (chatInput && (!NAME_PATTERN.test(text) || text !== text.toLowerCase()))
			throw invalidForm(where, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
		if (!chatInput && (text.length < 1 || text.length > 32))
			throw invalidForm(where, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
	});
}

function checkOptions(options: unknown, path: string): void {
	if (options === undefined) return;
	if (!Array.isArray(options) || options.length > 25)
		throw invalidForm(`${path}.options`, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
	let sawOptional = false;
	const names = new Set<string>();
	options.forEach((raw, index) => {
		const option = asRecord(raw);
		const here = `${path}.options.${index}`;
		checkName(option.name, here, true);
		checkDescription(option.description, here, true);
		checkLocalized(option, here, true);
		if (Array.isArray(option.choices)) {
			option.choices.forEach((choice, choiceIndex) => {
				const where = `${here}.choices.${choiceIndex}`;
				const { name, name_localizations: localized } = asRecord(choice);
				checkLocalizedDescription(name, `${where}.name`);
				checkLocalizations(localized, `${where}.name_localizations`, checkLocalizedDescription);
			});
		}
		if (names.has(String(option.name)))
			throw invalidForm(`${here}.name`, "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option name already exists");
		names.add(String(option.name));
		if (option.required === true && sawOptional) {
			throw invalidForm(
				`${here}.required`,
				"APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
				"Required options must be placed before non-required options",
			);
		}
		if (option.required !== true) sawOptional = true;
		if (Array.isArray(option.choices) && option.choices.length > 25)
			throw invalidForm(`${here}.choices`, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
		if (option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP) checkOptions(option.options, here);
	});
}

/** Validates and stores a list of command definitions, returning them as Discord would (ids, version, defaults). */
export function registerCommands(context: FakeContext, body: unknown, guildId?: string): Record<string, unknown>[] {
	if (!Array.isArray(body)) throw invalidForm("_body", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
	if (body.length > 100) throw invalidForm("_body", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
	const seen = new Set<string>();
	const registered = body.map((raw, index) => {
		const command = asRecord(raw);
		const type = typeof command.type === "number" ? command.type : CHAT_INPUT;
		const chatInput = type === CHAT_INPUT;
		checkName(command.name, String(index), chatInput);
		checkDescription(command.description, String(index), chatInput);
		checkLocalized(command, String(index), chatInput);
		checkOptions(command.options, String(index));
		const key = `${type}:${String(command.name)}`;
		if (seen.has(key))
			throw invalidForm(
				`${index}.name`,
				"APPLICATION_COMMANDS_DUPLICATE_NAME",
				"Application command names must be unique",
			);
		seen.add(key);
		const previous = findCommand(context, String(command.name), type, guildId);
		return {
			default_member_permissions: null,
			nsfw: false,
			contexts: null,
			integration_types: [0],
			description: "",
			...command,
			type,
			id: isRecord(previous) && typeof previous.id === "string" ? previous.id : context.state.nextId(),
			application_id: context.state.botUser.id,
			version: context.state.nextId(),
			...(guildId ? { guild_id: guildId } : {}),
		};
	});
	if (guildId) context.state.registeredCommands.guild.set(guildId, registered);
	else context.state.registeredCommands.global = registered;
	return registered;
}

/** A registered command by name and type, guild commands first. */
export function findCommand(
	context: FakeContext,
	name: string,
	type: number,
	guildId?: string,
): Record<string, unknown> | undefined {
	const { registeredCommands } = context.state;
	const candidates = [...(guildId ? (registeredCommands.guild.get(guildId) ?? []) : []), ...registeredCommands.global];
	for (const candidate of candidates) {
		if (isRecord(candidate) && candidate.name === name && (candidate.type ?? CHAT_INPUT) === type) return candidate;
	}
	return undefined;
}

export function hasRegisteredCommands(context: FakeContext): boolean {
	const { registeredCommands } = context.state;
	return registeredCommands.global.length > 0 || [...registeredCommands.guild.values()].some((list) => list.length > 0);
}
