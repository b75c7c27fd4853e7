// src/discord/routing/channelSettings.ts: which channel a /settings or /usage command is about, as the settings store sees it.
import type { Channel, ChatInputCommandInteraction, ThreadChannel } from "discord.js";
import type { ChannelContext } from "../../moderation/settingsStore.js";

/** A channel as settings see it: a thread counts as its parent channel, with the parent's age restriction. */
export type SettingsPlace = {
	context: ChannelContext;
	/** The channel whose settings apply: the channel itself, or a thread's parent. */
	channelId: string;
	/** Set when the command named (or ran in) a thread. */
	threadId?: string;
};

/** Where a channel or thread stands for settings; undefined in a DM. Also the policy check's view of a turn's channel. */
export async function placeOf(channel: Channel | ThreadChannel): Promise<SettingsPlace | undefined> {
	if (channel.isDMBased()) return undefined;
	const { guildId } = channel;
	if (channel.isThread()) {
		if (!channel.parentId) return undefined;
		const parent = channel.parent ?? (await channel.client.channels.fetch(channel.parentId).catch(() => null));
		const ageRestricted = Boolean(parent && "nsfw" in parent && parent.nsfw);
		return {
			context: { guildId, channelId: channel.id, parentChannelId: channel.parentId, ageRestricted },
			channelId: channel.parentId,
			threadId: channel.id,
		};
	}
	const ageRestricted = "nsfw" in channel && Boolean(channel.nsfw);
	return { context: { guildId, channelId: channel.id, ageRestricted }, channelId: channel.id };
}

/**
 * The place a command is about: its `channel` option when given, else the channel it ran in; undefined in a DM or for
 * a channel outside this server.
 */
export async function settingsPlaceOf(interaction: ChatInputCommandInteraction): Promise<SettingsPlace | undefined> {
	const picked = interaction.options.getChannel("channel");
	const id = picked?.id ?? interaction.channelId;
	const channel = (!picked && interaction.channel) || (await interaction.client.channels.fetch(id).catch(() => null));
	if (!channel) return undefined;
	const place = await placeOf(channel);
	return place && place.context.guildId === interaction.guildId ? place : undefined;
}
