// A user running a slash command or a message context-menu command.
import { findCommand, hasRegisteredCommands } from "./commands.js";
import type { FakeContext } from "./context.js";
import { isRecord } from "./errors.js";
import { assertMayAct, dispatchInteraction } from "./interactionPayload.js";
import type { InteractionRecord } from "./interactionRecord.js";
import { PERMISSIONS } from "./permissions.js";
import { attachmentToApi, channelToApi, memberToApi, messageToApi, userToApi } from "./serialize.js";
import type { FakeAttachmentInput } from "./types.js";

export type SlashOptionValue = string | number | boolean | FakeAttachmentInput;

export interface SlashCommandOptions {
	name: string;
	options?: Record<string, SlashOptionValue>;
	channelId: string;
	userId?: string;
	subcommand?: string;
	subcommandGroup?: string;
}

export interface ContextMenuOptions {
	name: string;
	targetMessageId: string;
	channelId: string;
	userId?: string;
}

const OPTION = {
	Subcommand: 1,
	Group: 2,
	String: 3,
	Integer: 4,
	Boolean: 5,
	User: 6,
	Channel: 7,
	Role: 8,
	Mentionable: 9,
	Number: 10,
	Attachment: 11,
} as const;
type Resolved = Record<string, Record<string, unknown>>;

/** The registered definition, when the bot registered any commands; running an unregistered one is a test bug. */
function definitionFor(context: FakeContext, name: string, type: number): Record<string, unknown> | undefined {
	const guildId = context.state.guild.id;
	const definition = findCommand(context, name, type, guildId);
	if (!definition && hasRegisteredCommands(context))
		throw new Error(`fake Discord: command "${name}" (type ${type}) is not registered`);
	return definition;
}

function childOptions(
	definition: Record<string, unknown> | undefined,
	name: string,
	type: number,
): Record<string, unknown> | undefined {
	if (!definition) return undefined;
	const options = Array.isArray(definition.options) ? definition.options : [];
	const child = options.find((option) => isRecord(option) && option.name === name && option.type === type);
	if (!isRecord(child))
		throw new Error(
			`fake Discord: "${String(definition.name)}" has no ${type === OPTION.Group ? "subcommand group" : "subcommand"} "${name}"`,
		);
	return child;
}

function inferType(value: SlashOptionValue): number {
	if (typeof value === "object") return OPTION.Attachment;
	if (typeof value === "boolean") return OPTION.Boolean;
	if (typeof value === "number") return Number.isInteger(value) ? OPTION.Integer : OPTION.Number;
	return OPTION.String;
}

function resolveInto(resolved: Resolved, key: string, id: string, value: unknown): void {
	resolved[key] ??= {};
	const bucket = resolved[key];
	if (bucket) bucket[id] = value;
}

/** Converts test option values into Discord's option list and `resolved` map, checked against the definition. */
function buildOptions(
	context: FakeContext,
	definition: Record<string, unknown> | undefined,
	values: Record<string, SlashOptionValue>,
	resolved: Resolved,
) {
	const { state } = context;
	const defined = definition && Array.isArray(definition.options) ? definition.options.filter(isRecord) : undefined;
	for (const option of defined ?? []) {
		if (option.required === true && !(String(option.name) in values))
			throw new Error(`fake Discord: required option "${String(option.name)}" is missing`);
	}
	return Object.entries(values).map(([name, value]) => {
		const spec = defined?.find((option) => option.name === name);
		if (defined && !spec)
			throw new Error(`fake Discord: option "${name}" is not defined on "${String(definition?.name)}"`);
		const type = typeof spec?.type === "number" ? spec.type : inferType(value);
		if (type === OPTION.Attachment) {
			if (typeof value !== "object") throw new Error(`fake Discord: option "${name}" needs an attachment`);
			const attachment = state.createAttachment(value, { ephemeral: true });
			resolveInto(resolved, "attachments", attachment.id, attachmentToApi(attachment));
			return { name, type, value: attachment.id };
		}
		if (typeof value === "object") throw new Error(`fake Discord: option "${name}" is not an attachment option`);
		if (type === OPTION.User || type === OPTION.Mentionable) {
			const user = state.users.get(String(value));
			if (user) {
				resolveInto(resolved, "users", user.id, userToApi(user));
				const member = memberToApi(state, user.id, false);
				if (member)
					resolveInto(resolved, "members", user.id, {
						...member,
						permissions: state.permissionsOf(user.id).toString(),
					});
			} else if (state.roles.has(String(value))) {
				resolveInto(resolved, "roles", String(value), state.roles.get(String(value)));
			}
		} else if (type === OPTION.Role) {
			resolveInto(resolved, "roles", String(value), state.roles.get(String(value)));
		} else if (type === OPTION.Channel) {
			const channel = state.requireChannel(String(value));
			resolveInto(resolved, "channels", channel.id, {
				...channelToApi(channel),
				permissions: state.permissionsOf(state.ids.userId).toString(),
			});
		} else if (type === OPTION.Integer && !Number.isInteger(value)) {
			throw new Error(`fake Discord: option "${name}" must be an integer`);
		}
		const choices = Array.isArray(spec?.choices) ? spec.choices.filter(isRecord) : [];
		if (choices.length > 0 && !choices.some((choice) => choice.value === value))
			throw new Error(`fake Discord: "${String(value)}" is not a choice of "${name}"`);
		return { name, type, value };
	});
}

export function runSlashCommand(context: FakeContext, options: SlashCommandOptions): InteractionRecord {
	const { state } = context;
	const userId = options.userId ?? state.ids.userId;
	assertMayAct(context, userId, options.channelId, PERMISSIONS.UseApplicationCommands, "use application commands");
	const command = definitionFor(context, options.name, 1);
	const group = options.subcommandGroup ? childOptions(command, options.subcommandGroup, OPTION.Group) : command;
	const leaf = options.subcommand ? childOptions(group, options.subcommand, OPTION.Subcommand) : group;
	const resolved: Resolved = {};
	let list: unknown[] = buildOptions(context, leaf, options.options ?? {}, resolved);
	if (options.subcommand) list = [{ name: options.subcommand, type: OPTION.Subcommand, options: list }];
	if (options.subcommandGroup) list = [{ name: options.subcommandGroup, type: OPTION.Group, options: list }];
	const guildId = state.channels.get(options.channelId)?.guild_id;
	const data: Record<string, unknown> = {
		id: typeof command?.id === "string" ? command.id : state.nextId(),
		name: options.name,
		type: 1,
		...(list.length > 0 ? { options: list } : {}),
		...(Object.keys(resolved).length > 0 ? { resolved } : {}),
		...(guildId ? { guild_id: guildId } : {}),
	};
	return dispatchInteraction(context, {
		type: 2,
		channelId: options.channelId,
		userId,
		data,
		messageType: 20,
		commandName: options.name,
		commandType: 1,
	});
}

export function runContextMenu(context: FakeContext, options: ContextMenuOptions): InteractionRecord {
	const { state } = context;
	const userId = options.userId ?? state.ids.userId;
	assertMayAct(context, userId, options.channelId, PERMISSIONS.UseApplicationCommands, "use application commands");
	const command = definitionFor(context, options.name, 3);
	const target = state.messagesById.get(options.targetMessageId);
	if (!target || target.deleted || target.channel_id !== options.channelId) {
		throw new Error(`fake Discord: message ${options.targetMessageId} is not in channel ${options.channelId}`);
	}
	const guildId = state.channels.get(options.channelId)?.guild_id;
	const data: Record<string, unknown> = {
		id: typeof command?.id === "string" ? command.id : state.nextId(),
		name: options.name,
		type: 3,
		target_id: target.id,
		resolved: { messages: { [target.id]: messageToApi(state, target) } },
		...(guildId ? { guild_id: guildId } : {}),
	};
	return dispatchInteraction(context, {
		type: 2,
		channelId: options.channelId,
		userId,
		data,
		messageType: 23,
		commandName: options.name,
		commandType: 3,
	});
}
