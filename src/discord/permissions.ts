// src/discord/permissions.ts: the one list of permissions the bot needs in a server, and the invite's integer.
import { PermissionFlagsBits } from "discord.js";

/**
 * Every permission the bot's own calls need, each with the call that needs it. Manage Messages is not here: the bot
 * only ever deletes its own messages (Delete button, the log's Delete output, queue notices), which needs none.
 * @see https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags
 */
export const BOT_PERMISSIONS = [
	// Seeing the channels it works in at all: channels.fetch of a thread's parent, a log channel or an Edit image source.
	PermissionFlagsBits.ViewChannel,
	// channel.send in a text channel: moderation log entries (postToModlog checks it, or the thread variant).
	PermissionFlagsBits.SendMessages,
	// channel.send and sendTyping in its threads: results, refusal cards, queue notices, branch links.
	PermissionFlagsBits.SendMessagesInThreads,
	// threads.create for /imagine, Edit image and a branch, with threads.visibility public (the default).
	PermissionFlagsBits.CreatePublicThreads,
	// threads.create with type PrivateThread, in servers that set threads.visibility private.
	PermissionFlagsBits.CreatePrivateThreads,
	// The moderation log's Lock thread action: thread.edit({ locked: true }).
	PermissionFlagsBits.ManageThreads,
	// Generated images, sent as attachments.
	PermissionFlagsBits.AttachFiles,
	// Moderation log entries are embeds (postToModlog checks it).
	PermissionFlagsBits.EmbedLinks,
	// Replies (a result answers the message that asked; a branch link answers the reply), messages.fetch of an
	// Edit image source, and re-reading a log entry to note an action on it.
	PermissionFlagsBits.ReadMessageHistory,
	// message.react("🚫") on a thread message the server's settings refused.
	PermissionFlagsBits.AddReactions,
	// The moderation log's Time out member action: members.edit({ communicationDisabledUntil }).
	PermissionFlagsBits.ModerateMembers,
] as const;

/** The permission integer of the invite URL (OAuth2 `permissions=`): every flag above, OR-ed. */
export const BOT_PERMISSIONS_INTEGER: bigint = BOT_PERMISSIONS.reduce((all, flag) => all | flag, 0n);
