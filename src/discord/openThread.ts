// src/discord/openThread.ts: opens a conversation thread under a text channel.
import {
	type Channel,
	ChannelType,
	type NewsChannel,
	type TextChannel,
	ThreadAutoArchiveDuration,
	type ThreadChannel,
} from "discord.js";

export type ThreadParent = TextChannel | NewsChannel;

/** The channel new threads go in: the channel itself, or a thread's parent; undefined where threads cannot be made. */
export function threadParentOf(channel: Channel | null): ThreadParent | undefined {
	const candidate = channel?.isThread() ? channel.parent : channel;
	return candidate?.type === ChannelType.GuildText || candidate?.type === ChannelType.GuildAnnouncement
		? candidate
		: undefined;
}

/** Creates a public thread named `name` (no starter message), archived after a day without activity. */
export async function openThread(parent: ThreadParent, name: string, reason: string): Promise<ThreadChannel> {
	return parent.threads.create({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay, reason });
}
