// src/discord/routing/turnRequests.ts: what interactions and messages become for the turn pipeline, and answering its outcome.
import {
	type Channel,
	type GuildMember,
	PermissionFlagsBits,
	type PermissionsBitField,
	type RepliableInteraction,
	type ThreadChannel,
} from "discord.js";
import type { TurnAsker, TurnPlace } from "../../conversation/admit.js";
import type { TurnOutcome } from "../../conversation/turnRequest.js";
import { type Text, textForDiscord } from "../i18n/textFor.js";
import { versionsOf } from "../turns/turnActions.js";
import { placeOf } from "./channelSettings.js";
import { describeError } from "./describeError.js";

/** Any channel a turn can happen in (discord.js types a generic thread apart from Channel). */
export type AnyChannel = Channel | ThreadChannel;

/** Where a turn happens, as the policy sees it: a server channel (threads count as their parent) or a DM. */
export async function turnPlaceOf(channel: AnyChannel): Promise<TurnPlace> {
	const place = await placeOf(channel);
	return place ? { kind: "guild", context: place.context } : { kind: "dm", channelId: channel.id };
}

/** The asker of an interaction (its member may be a GuildMember or raw API data) or of a message. */
export function askerOf(from: {
	user: { id: string };
	member: unknown;
	memberPermissions: Readonly<PermissionsBitField> | null;
}): TurnAsker {
	const member = from.member as GuildMember | { roles: string[] } | null;
	const roleIds = !member
		? []
		: Array.isArray(member.roles)
			? member.roles
			: [...(member as GuildMember).roles.cache.keys()];
	return {
		id: from.user.id,
		roleIds,
		isManager: Boolean(from.memberPermissions?.has(PermissionFlagsBits.ManageGuild)),
	};
}

/** The line an outcome needs, when the pipeline did not already show it in the conversation's channel. */
export function outcomeText(outcome: TurnOutcome, model: string, t: Text): string | undefined {
	switch (outcome.kind) {
		case "refused":
			return describeError(outcome.refusal, model, t).text;
		case "failed":
			return outcome.shown ? undefined : describeError(outcome.error, model, t).text;
		case "stopping":
			return t.messages.restarting;
		case "notAConversation":
			return t.messages.notAConversation;
		case "stale":
			return t.messages.staleButton(versionsOf(outcome.latest));
		case "done":
		case "cancelled":
			return undefined;
	}
}

/**
 * Answers an interaction's outcome: privately when nothing was said yet, else in place of the deferred reply, or of
 * the reply when `replaceReply` says it was only an acknowledgement (a failed /imagine replaces its heading: a heading
 * without its thread would mislead), else as a private follow-up.
 */
export async function answerOutcome(
	interaction: RepliableInteraction,
	outcome: TurnOutcome,
	model: string,
	options: { replaceReply?: boolean } = {},
): Promise<void> {
	const text = outcomeText(outcome, model, textForDiscord(interaction.locale));
	if (!text) return;
	const payload = { content: text, allowedMentions: { parse: [] } };
	if (!interaction.deferred && !interaction.replied) {
		await interaction.reply({ ...payload, flags: "Ephemeral" });
	} else if ((interaction.deferred || options.replaceReply) && !interaction.isMessageComponent()) {
		await interaction.editReply(payload);
	} else {
		await interaction.followUp({ ...payload, flags: "Ephemeral" });
	}
}
