// src/discord/moderation/modlogActions.ts: "Report a mistake" under a refusal card, and the moderators' quick actions in the log.
import {
	type ButtonInteraction,
	type Channel,
	DiscordAPIError,
	MessageFlags,
	PermissionFlagsBits,
	RESTJSONErrorCodes,
} from "discord.js";
import { settingsAt } from "../../conversation/startTurn.js";
import type { Deps } from "../../deps.js";
import { getCase, type ModerationCase, saveCase } from "../../moderation/cases.js";
import { serializeByKey } from "../../moderation/serializeByKey.js";
import { MOD_TIMEOUT_MS, modActionButtons } from "../components.js";
import { serverText, type Text, textForDiscord } from "../i18n/textFor.js";
import type { CustomId, ModAction } from "../routing/customIds.js";
import { turnPlaceOf } from "../routing/turnRequests.js";
import { caseEmbed, doneActionsOf, loggableError, postToModlog, withActionLine } from "./modlog.js";

/** What each quick action needs, in the clicking moderator's permissions and in the bot's. */
const ACTION_PERMISSIONS = {
	delete: PermissionFlagsBits.ManageMessages,
	lock: PermissionFlagsBits.ManageThreads,
	timeout: PermissionFlagsBits.ModerateMembers,
} as const satisfies Record<ModAction, bigint>;

const MOD_TIMEOUT_MINUTES = MOD_TIMEOUT_MS / 60_000;

// One appeal, and one log-message edit, at a time per case: a double click must not post twice or lose a line.
const serially = serializeByKey();

const privately = (content: string) =>
	({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }) as const;

const isDiscordError = (err: unknown, ...codes: number[]): boolean =>
	err instanceof DiscordAPIError && typeof err.code === "number" && codes.includes(err.code);

/** A channel by id, or undefined when Discord no longer knows it. */
async function channelOrNothing(deps: Deps, channelId: string): Promise<Channel | undefined> {
	try {
		return (await deps.discord.channels.fetch(channelId)) ?? undefined;
	} catch (err) {
		if (isDiscordError(err, RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.MissingAccess)) return undefined;
		throw err;
	}
}

async function appeal(interaction: ButtonInteraction, caseId: string, deps: Deps, t: Text): Promise<string> {
	const moderationCase = await getCase(deps.store.keyv, caseId);
	if (!moderationCase) return t.modlogMessages.caseUnknown;
	if (moderationCase.appealedAt) return t.modlogMessages.alreadyReported;
	const channel = interaction.channel ?? (await channelOrNothing(deps, moderationCase.channelId));
	const modlogChannelId = channel ? (await settingsAt(deps, await turnPlaceOf(channel))).modlog.channelId : undefined;
	if (!modlogChannelId) return t.modlogMessages.noModlog;
	// The log speaks the server's language; the member's answer, their own.
	const log = serverText(interaction.guild);
	const posted = await postToModlog(
		deps,
		{ guildId: moderationCase.guildId, channelId: modlogChannelId },
		{
			embeds: [caseEmbed(moderationCase, { includePrompt: true, appeal: true }, log)],
			components: [modActionButtons(caseId, [], log)],
		},
	);
	if (!posted) return t.modlogMessages.modlogUnreachable;
	await saveCase(deps.store.keyv, { ...moderationCase, appealedAt: new Date().toISOString() });
	deps.logger.child({ module: "modlog" }).info({ case: caseId, guild: moderationCase.guildId }, "case appealed");
	return t.modlogMessages.appealSent;
}

/** "Report a mistake": the member the case is about sends it, with the prompt, to the moderation log, once. */
export async function handleAppeal(interaction: ButtonInteraction, caseId: string, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const moderationCase = await getCase(deps.store.keyv, caseId);
	if (!moderationCase) {
		await interaction.reply(privately(t.modlogMessages.caseUnknown));
		return;
	}
	if (interaction.user.id !== moderationCase.requesterId) {
		await interaction.reply(privately(t.modlogMessages.appealNotYours));
		return;
	}
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const answer = await serially(`appeal:${caseId}`, () => appeal(interaction, caseId, deps, t));
	await interaction.editReply({ content: answer, allowedMentions: { parse: [] } });
}

type ActionResult = { text: string; done: boolean };

async function deleteOutput(deps: Deps, moderationCase: ModerationCase, t: Text): Promise<ActionResult> {
	if (moderationCase.messageIds.length === 0) return { text: t.modlogMessages.noOutput, done: false };
	const channel = await channelOrNothing(deps, moderationCase.channelId);
	if (!channel?.isTextBased()) return { text: t.modlogMessages.outputAlreadyGone, done: true };
	let deleted = 0;
	for (const messageId of moderationCase.messageIds) {
		try {
			await channel.messages.delete(messageId);
			deleted += 1;
		} catch (err) {
			if (!isDiscordError(err, RESTJSONErrorCodes.UnknownMessage)) throw err;
		}
	}
	return {
		text: deleted > 0 ? t.modlogMessages.outputDeleted(deleted) : t.modlogMessages.outputAlreadyGone,
		done: true,
	};
}

async function lockThread(deps: Deps, moderationCase: ModerationCase, reason: string, t: Text): Promise<ActionResult> {
	const channel = await channelOrNothing(deps, moderationCase.channelId);
	if (!channel) return { text: t.modlogMessages.threadGone, done: false };
	if (!channel.isThread()) return { text: t.modlogMessages.notAThread, done: false };
	// Discord edits an archived thread only to unarchive it; lock it awake, then archive it.
	if (channel.archived) await channel.setArchived(false, reason);
	await channel.edit({ locked: true, archived: true, reason });
	return { text: t.modlogMessages.threadLocked(channel.id), done: true };
}

async function timeOutMember(
	interaction: ButtonInteraction,
	deps: Deps,
	moderationCase: ModerationCase,
	reason: string,
	t: Text,
): Promise<ActionResult> {
	const guild = interaction.guild ?? (await deps.discord.guilds.fetch(moderationCase.guildId));
	try {
		await guild.members.edit(moderationCase.requesterId, {
			communicationDisabledUntil: Date.now() + MOD_TIMEOUT_MS,
			reason,
		});
	} catch (err) {
		if (isDiscordError(err, RESTJSONErrorCodes.UnknownMember))
			return { text: t.modlogMessages.memberGone, done: false };
		throw err;
	}
	return { text: t.modlogMessages.timedOut(moderationCase.requesterId, MOD_TIMEOUT_MINUTES), done: true };
}

/** Notes who did what on the log message (in the server's language, `t`) and disables that action's button; best effort. */
async function noteOnLog(interaction: ButtonInteraction, action: ModAction, caseId: string, t: Text): Promise<void> {
	await serially(`log:${interaction.message.id}`, async () => {
		const message = await interaction.message.fetch();
		const [embed] = message.embeds.map((existing) => existing.toJSON());
		const line = t.modlogMessages.actionLine[action](
			interaction.user.id,
			Math.floor(Date.now() / 1_000),
			MOD_TIMEOUT_MINUTES,
		);
		const done = [...new Set([...doneActionsOf(message.components.map((row) => row.toJSON())), action])];
		await message.edit({
			embeds: embed ? [withActionLine(embed, line, t)] : [],
			components: [modActionButtons(caseId, done, t)],
			allowedMentions: { parse: [] },
		});
	});
}

/** A moderator's quick action under a log entry: delete the output, lock the thread, or time the member out. */
export async function handleModAction(
	interaction: ButtonInteraction,
	{ action, caseId }: Extract<CustomId, { kind: "modAction" }>,
	deps: Deps,
): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const permission = t.modlogMessages.permission[action];
	if (!interaction.inGuild() || !interaction.memberPermissions?.has(ACTION_PERMISSIONS[action])) {
		await interaction.reply(privately(t.modlogMessages.actionNotAllowed(permission)));
		return;
	}
	const moderationCase = await getCase(deps.store.keyv, caseId);
	if (!moderationCase || moderationCase.guildId !== interaction.guildId) {
		await interaction.reply(privately(t.modlogMessages.caseUnknown));
		return;
	}
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const reason = t.modlogMessages.auditReason(caseId, interaction.user.username, interaction.user.id);
	let result: ActionResult;
	try {
		if (action === "delete") result = await deleteOutput(deps, moderationCase, t);
		else if (action === "lock") result = await lockThread(deps, moderationCase, reason, t);
		else result = await timeOutMember(interaction, deps, moderationCase, reason, t);
	} catch (err) {
		if (!isDiscordError(err, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess)) throw err;
		result = { text: t.modlogMessages.botLacks(permission), done: false };
	}
	const logger = deps.logger.child({ module: "modlog" });
	logger.info({ case: caseId, action, moderator: interaction.user.id, done: result.done }, "moderator quick action");
	await interaction.editReply({ content: result.text, allowedMentions: { parse: [] } });
	if (result.done) {
		await noteOnLog(interaction, action, caseId, serverText(interaction.guild)).catch((err: unknown) =>
			logger.warn({ err: loggableError(err), case: caseId }, "could not note the action on the log message"),
		);
	}
}
