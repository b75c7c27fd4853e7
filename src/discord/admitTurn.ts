// src/discord/admitTurn.ts: the policy check every path runs before any download or model call.
import {
	type Channel,
	ChannelType,
	type GuildMember,
	PermissionFlagsBits,
	type PermissionsBitField,
	type ThreadChannel,
} from "discord.js";

/** Any channel a turn can happen in (discord.js types a generic thread apart from Channel). */
export type AnyChannel = Channel | ThreadChannel;

import { type AttachmentInfo, loadImages } from "../conversation/prepareTurn.js";
import type { Conversation } from "../conversation/types.js";
import type { Deps } from "../deps.js";
import { newCaseId } from "../moderation/cases.js";
import { checkPolicy } from "../moderation/checkPolicy.js";
import { PolicyDenied } from "../moderation/policyErrors.js";
import type { Reservation } from "../moderation/quotas.js";
import { defaultSettings, type Settings } from "../moderation/settings.js";
import type { ChannelContext } from "../moderation/settingsStore.js";
import { placeOf } from "./channelSettings.js";
import { reportCase } from "./modlog.js";

/** Quota bucket for DMs: they belong to no server, so they share the operator's default limits. */
export const DM_GUILD_ID = "dm";

/** A turn the policy allowed: the settings it runs under and the images it holds against the quotas. */
export type Admission = { guildId: string; context?: ChannelContext; settings: Settings; reservation: Reservation };

/** Who asks: from an interaction (`member` may be raw API data) or a message (a GuildMember). */
export type Asker = {
	id: string;
	member: GuildMember | { roles: string[] } | null;
	permissions: Readonly<PermissionsBitField> | null;
};

/** The effective settings where a turn happens; DMs get the operator's defaults. */
export async function settingsFor(
	deps: Deps,
	channel: AnyChannel,
): Promise<{ context?: ChannelContext; settings: Settings }> {
	const context = (await placeOf(channel))?.context;
	if (!context) return { settings: defaultSettings(deps.config.moderation) };
	return { context, settings: (await deps.settings.resolveSettings(context)).settings };
}

function roleIdsOf(member: Asker["member"]): string[] {
	if (!member) return [];
	return Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
}

/**
 * Checks roles, the thread-starter rule, the blocklist, cooldown and quotas, and reserves the turn's images;
 * throws PolicyDenied with what the member needs to know. `conversation` is set for a turn in an existing thread.
 */
export async function admitTurn(
	deps: Deps,
	where: { channel: AnyChannel; asker: Asker; prompt: string; conversation?: Conversation },
): Promise<Admission> {
	const { context, settings } = await settingsFor(deps, where.channel);
	const guildId = context?.guildId ?? DM_GUILD_ID;
	const inThread = where.conversation && where.channel.type !== ChannelType.DM;
	const decision = await checkPolicy(deps, {
		guildId,
		settings,
		member: {
			id: where.asker.id,
			roleIds: roleIdsOf(where.asker.member),
			isManager: Boolean(where.asker.permissions?.has(PermissionFlagsBits.ManageGuild)),
		},
		prompt: where.prompt,
		...(inThread && where.conversation ? { thread: { starterId: where.conversation.ownerId } } : {}),
		images: 1,
	});
	if (!decision.allowed) {
		// The server's own blocklist is a blocked prompt too: moderators see it in their log like Gemini's blocks.
		if (decision.code === "blocklisted" && context) {
			await reportCase(
				deps,
				{
					id: newCaseId(),
					guildId,
					channelId: where.channel.id,
					messageIds: [],
					requesterId: where.asker.id,
					model: where.conversation?.model ?? settings.model,
					prompt: where.prompt,
					outcome: { kind: "denied", code: decision.code },
					at: new Date().toISOString(),
				},
				settings.modlog,
			);
		}
		throw PolicyDenied.from(decision);
	}
	return { guildId, ...(context ? { context } : {}), settings, reservation: decision.reservation };
}

/** Counts the images a turn produced (and their estimated cost) against its reservation, or returns it whole when none. */
export async function settleAdmission(
	deps: Deps,
	admission: Admission | undefined,
	imagesProduced: number,
	usd?: number,
): Promise<void> {
	if (!admission) return;
	if (imagesProduced > 0)
		await deps.quotas.commit(admission.reservation, imagesProduced, usd === undefined ? undefined : { usd });
	else await deps.quotas.release(admission.reservation);
}

/** The asker of an interaction (its member may be a GuildMember or raw API data). */
export function askerOf(interaction: {
	user: { id: string };
	member: unknown;
	memberPermissions: Readonly<PermissionsBitField> | null;
}): Asker {
	return {
		id: interaction.user.id,
		member: (interaction.member as Asker["member"]) ?? null,
		permissions: interaction.memberPermissions,
	};
}

/** Downloads an admitted turn's images; if that fails, the turn's reservation goes back before the error does. */
export async function loadAdmittedImages(
	deps: Deps,
	admission: Admission,
	attachments: readonly AttachmentInfo[],
): Promise<Awaited<ReturnType<typeof loadImages>>> {
	try {
		return await loadImages(attachments);
	} catch (err) {
		await settleAdmission(deps, admission, 0);
		throw err;
	}
}
