// src/discord/turns/openThread.ts: opens a conversation thread under a text channel, public or private as the server set.
import { type Channel, ChannelType, type NewsChannel, type TextChannel, type ThreadChannel } from "discord.js";
import type { Settings } from "../../moderation/settings.js";

export type ThreadParent = TextChannel | NewsChannel;

/** The channel new threads go in: the channel itself, or a thread's parent; undefined where threads cannot be made. */
export function threadParentOf(channel: Channel | null): ThreadParent | undefined {
	const candidate = channel?.isThread() ? channel.parent : channel;
	return candidate?.type === ChannelType.GuildText || candidate?.type === ChannelType.GuildAnnouncement
		? candidate
		: undefined;
}

/**
 * Creates a thread named `name` with the server's visibility and auto-archive settings; a private thread gets the
 * member added, since nobody else could see it. Announcement channels only take public threads.
 */
export async function openThread(
	parent: ThreadParent,
	name: string,
	options: { reason: string; memberId: string; threads: Settings["threads"] },
): Promise<ThreadChannel> {
	const isPrivate = options.threads.visibility === "private" && parent.type === ChannelType.GuildText;
	const thread = await (parent as TextChannel).threads.create({
		name,
		autoArchiveDuration: options.threads.autoArchiveMinutes,
		reason: options.reason,
		...(isPrivate ? { type: ChannelType.PrivateThread as const, invitable: false } : {}),
	});
	if (isPrivate) await thread.members.add(options.memberId);
	return thread;
}
