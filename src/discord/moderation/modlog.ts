// src/discord/moderation/modlog.ts: records moderation cases and posts them, with quick actions, to a server's moderation log channel.
import {
	type APIEmbed,
	type APIEmbedField,
	ChannelType,
	DiscordAPIError,
	type Message,
	type MessageCreateOptions,
	PermissionFlagsBits,
	RESTJSONErrorCodes,
} from "discord.js";
import type { Deps } from "../../deps.js";
import type { SafetyCategory } from "../../gemini/types.js";
import { type CaseOutcome, type ModerationCase, saveCase } from "../../moderation/cases.js";
import type { Settings } from "../../moderation/settings.js";
import { modActionButtons } from "../components.js";
import { serverText, type Text } from "../i18n/textFor.js";
import { type ModAction, parseCustomId } from "../routing/customIds.js";
import { EMBED_LIMITS } from "./embedLimits.js";

/** The prompt's share of an entry, so that with every field and a full "Moderator actions" it stays under the total. */
export const MAX_LOGGED_PROMPT_CHARS = 3_000;

/** Inline fields sit three to a row; a short cap keeps a long category or code list from swamping the entry. */
const MAX_INLINE_FIELD_CHARS = 256;
/** Block reasons and model ids are short identifiers; longer ones are cut. */
const MAX_IDENTIFIER_CHARS = 100;

const COLORS = { blocked: 0xd93f3f, refused: 0xe8a33d, denied: 0x8a8f98, appeal: 0x3d7fe8 } as const;

/** Channel types a moderation log may live in: text and announcement channels, and threads. */
const LOG_CHANNEL_TYPES: readonly ChannelType[] = [
	ChannelType.GuildText,
	ChannelType.GuildAnnouncement,
	ChannelType.PublicThread,
	ChannelType.PrivateThread,
	ChannelType.AnnouncementThread,
];

/** Errors that say the bot cannot post in the channel at all, until someone changes the channel or its settings. */
const CANNOT_POST: ReadonlySet<number> = new Set([
	RESTJSONErrorCodes.MissingAccess,
	RESTJSONErrorCodes.MissingPermissions,
	RESTJSONErrorCodes.UnknownChannel,
	RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
]);

/** Channels already warned about in this process, so a misconfigured log warns once, not on every case. */
const warnedChannels = new Set<string>();

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * An error as it may be logged: discord.js errors carry the request body, which holds the embed and so, when the
 * server logs prompts, the prompt; keep only what identifies the failure.
 */
export function loggableError(err: unknown): { name: string; message: string; code?: unknown; status?: unknown } {
	if (!(err instanceof Error)) return { name: "NonError", message: String(err) };
	const { code, status } = err as { code?: unknown; status?: unknown };
	return {
		name: err.name,
		message: err.message,
		...(code !== undefined ? { code } : {}),
		...(status !== undefined ? { status } : {}),
	};
}

/** A link that opens the case's first card message in Discord (or its channel when it has none). */
export function jumpLinkOf(moderationCase: Pick<ModerationCase, "guildId" | "channelId" | "messageIds">): string {
	const first = moderationCase.messageIds[0];
	return `https://discord.com/channels/${moderationCase.guildId}/${moderationCase.channelId}${first ? `/${first}` : ""}`;
}

function kindOf(outcome: CaseOutcome): keyof Text["modlogMessages"]["what"] {
	if (outcome.kind === "blocked") return outcome.stage === "prompt" ? "blockedPrompt" : "blockedImage";
	return outcome.kind;
}

/** A code block that the prompt cannot break out of, cut to at most `room` characters with its fences. */
function promptBlock(prompt: string, room: number, t: Text): string {
	if (!prompt.trim()) return t.modlogMessages.promptEmpty;
	const fenced = prompt.replaceAll("```", "``\u200b`");
	return `\`\`\`\n${truncate(fenced, room - 8)}\n\`\`\``;
}

function outcomeFields(outcome: CaseOutcome, t: Text): APIEmbedField[] {
	if (outcome.kind === "refused") return [];
	if (outcome.kind === "denied")
		return [{ name: t.modlogMessages.field.reason, value: `\`${outcome.code}\``, inline: true }];
	const label = outcome.category ? t.CATEGORY_LABELS[outcome.category as SafetyCategory] : undefined;
	const category = outcome.category
		? t.modlogMessages.categoryLabel(label ?? outcome.category, outcome.category)
		: t.modlogMessages.categoryUnknown;
	const codes =
		outcome.codes.length > 0 ? outcome.codes.map((code) => `\`${code}\``).join(", ") : t.modlogMessages.noCodes;
	return [
		{
			name: t.modlogMessages.field.reason,
			value: `\`${truncate(outcome.reason, MAX_IDENTIFIER_CHARS)}\``,
			inline: true,
		},
		{ name: t.modlogMessages.field.category, value: truncate(category, MAX_INLINE_FIELD_CHARS), inline: true },
		{ name: t.modlogMessages.field.codes, value: truncate(codes, MAX_INLINE_FIELD_CHARS), inline: true },
	];
}

/**
 * The log entry for a case: who, where (a jump link), what happened (reason, category in words, codes), the model,
 * and the prompt only when `includePrompt`. An appeal always carries the prompt, since the member asks for a review.
 */
export function caseEmbed(
	moderationCase: ModerationCase,
	options: { includePrompt: boolean; appeal?: boolean },
	t: Text,
): APIEmbed {
	const { outcome } = moderationCase;
	const kind = kindOf(outcome);
	const what = t.modlogMessages.what[kind];
	const includePrompt = options.includePrompt || Boolean(options.appeal);
	const summary = options.appeal
		? t.modlogMessages.appealSummary(moderationCase.requesterId)
		: t.modlogMessages.summary[kind];
	const fields: APIEmbedField[] = [
		{ name: t.modlogMessages.field.member, value: `<@${moderationCase.requesterId}>`, inline: true },
		{
			name: t.modlogMessages.field.where,
			value: t.modlogMessages.jumpLink(jumpLinkOf(moderationCase), moderationCase.channelId),
			inline: true,
		},
		{
			name: t.modlogMessages.field.model,
			value: `\`${truncate(moderationCase.model, MAX_IDENTIFIER_CHARS)}\``,
			inline: true,
		},
		...outcomeFields(outcome, t),
	];
	if (!includePrompt) fields.push({ name: t.modlogMessages.field.prompt, value: t.modlogMessages.promptOmitted });
	const heading = `${summary}\n\n**${t.modlogMessages.field.prompt}**\n`;
	const description = includePrompt
		? `${heading}${promptBlock(moderationCase.prompt, MAX_LOGGED_PROMPT_CHARS, t)}`
		: summary;
	return {
		title: truncate(
			options.appeal ? t.modlogMessages.appealTitle(what) : t.modlogMessages.caseTitle(what),
			EMBED_LIMITS.title,
		),
		description: truncate(description, EMBED_LIMITS.description),
		color: options.appeal ? COLORS.appeal : COLORS[outcome.kind],
		fields,
		footer: { text: t.modlogMessages.footer(moderationCase.id) },
		timestamp: moderationCase.at,
	};
}

/** The embed with one more line under "Moderator actions", dropping the oldest lines if the field would overflow. */
export function withActionLine(embed: APIEmbed, line: string, t: Text): APIEmbed {
	const name = t.modlogMessages.field.actions;
	const fields = embed.fields ?? [];
	const previous = fields.find((field) => field.name === name)?.value.split("\n") ?? [];
	const lines = [...previous, line];
	while (lines.length > 1 && lines.join("\n").length > EMBED_LIMITS.fieldValue) lines.shift();
	const value = truncate(lines.join("\n"), EMBED_LIMITS.fieldValue);
	return { ...embed, fields: [...fields.filter((field) => field.name !== name), { name, value }] };
}

/** The quick actions already disabled on a log message, read from its raw component rows. */
export function doneActionsOf(rows: readonly unknown[]): ModAction[] {
	const done: ModAction[] = [];
	for (const row of rows) {
		const components = (row as { components?: unknown }).components;
		for (const component of Array.isArray(components) ? components : []) {
			const { custom_id: customId, disabled } = component as { custom_id?: unknown; disabled?: unknown };
			const id = typeof customId === "string" ? parseCustomId(customId) : undefined;
			if (disabled === true && id?.kind === "modAction") done.push(id.action);
		}
	}
	return done;
}

/**
 * Posts to a server's moderation log channel; returns undefined (and warns once per channel) when the bot cannot
 * post there: an unknown channel, a channel of another server or of the wrong type, or missing permissions.
 */
export async function postToModlog(
	deps: Deps,
	where: { guildId: string; channelId: string },
	payload: MessageCreateOptions,
): Promise<Message | undefined> {
	const logger = deps.logger.child({ module: "modlog", guild: where.guildId, channel: where.channelId });
	const cannotPost = (reason: string, err?: unknown) => {
		if (warnedChannels.has(where.channelId)) return undefined;
		warnedChannels.add(where.channelId);
		logger.warn({ reason, ...(err ? { err: loggableError(err) } : {}) }, "cannot post to the moderation log channel");
		return undefined;
	};
	try {
		const channel = await deps.discord.channels.fetch(where.channelId);
		if (!channel || channel.isDMBased() || channel.guildId !== where.guildId) return cannotPost("notInThisServer");
		if (!LOG_CHANNEL_TYPES.includes(channel.type) || !channel.isSendable()) return cannotPost("notATextChannel");
		const me = channel.guild.members.me;
		const sending = channel.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
		const missing = me
			? channel.permissionsFor(me).missing([PermissionFlagsBits.ViewChannel, sending, PermissionFlagsBits.EmbedLinks])
			: [];
		if (missing.length > 0) return cannotPost(`missing ${missing.join(", ")}`);
		const message = await channel.send({ ...payload, allowedMentions: { parse: [] } });
		// Warn again if it breaks again after someone fixed it.
		warnedChannels.delete(where.channelId);
		return message;
	} catch (err) {
		if (err instanceof DiscordAPIError && typeof err.code === "number" && CANNOT_POST.has(err.code)) {
			return cannotPost(`discord ${err.code}`, err);
		}
		logger.warn({ err: loggableError(err) }, "could not post to the moderation log channel");
		return undefined;
	}
}

/**
 * Saves a case (for appeals and quick actions) and, when the server has a moderation log channel, posts it there
 * with the quick actions under it. Never throws: the member's turn must not fail because of the log.
 */
export async function reportCase(
	deps: Deps,
	moderationCase: ModerationCase,
	modlog: Settings["modlog"],
): Promise<void> {
	const logger = deps.logger.child({ module: "modlog", case: moderationCase.id, guild: moderationCase.guildId });
	// The log speaks the server's preferred language.
	const t = serverText(deps.discord.guilds.cache.get(moderationCase.guildId));
	try {
		await saveCase(deps.store.keyv, moderationCase);
		const posted = modlog.channelId
			? await postToModlog(
					deps,
					{ guildId: moderationCase.guildId, channelId: modlog.channelId },
					{
						embeds: [caseEmbed(moderationCase, { includePrompt: modlog.includePrompts }, t)],
						components: [modActionButtons(moderationCase.id, [], t)],
					},
				)
			: undefined;
		logger.info(
			{ thread: moderationCase.channelId, outcome: kindOf(moderationCase.outcome), logged: Boolean(posted) },
			"moderation case recorded",
		);
	} catch (err) {
		logger.error({ err: loggableError(err) }, "could not record the moderation case");
	}
}
