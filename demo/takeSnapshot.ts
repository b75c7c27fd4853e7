// demo/takeSnapshot.ts: what the fake Discord holds of some channels, as plain data a transcript renders.
import type { FakeDiscord, StoredAttachment, StoredMessage } from "../fakes/fakeDiscord.js";
import type { MentionNames } from "./renderMarkdown.js";

export type TranscriptAttachment = {
	/** The file's name next to index.html. */
	file: string;
	filename: string;
	data: Buffer;
	isImage: boolean;
	width?: number;
	height?: number;
	description?: string;
};

export type TranscriptMessage = {
	kind: "message";
	id: string;
	author: { id: string; name: string; bot: boolean };
	/** ISO time the message was sent. */
	time: string;
	/** Discord's message type: 0 default, 18 thread created, 19 reply, 20 slash command. */
	type: number;
	content: string;
	edited: boolean;
	ephemeral: boolean;
	embeds: unknown[];
	components: unknown[];
	attachments: TranscriptAttachment[];
	/** The slash command that made this message ("alice used /imagine"). */
	command?: { user: string; name: string };
	/** The message this one replies to, as Discord shows it above the reply. */
	replyTo?: { author: string; bot: boolean; excerpt: string; hasAttachment: boolean };
	/** The thread started from this message, or that a "started a thread" line names. */
	thread?: { name: string; messages: number; anchor?: string };
};

/** A line of narration in the transcript, for what Discord shows nobody (a button press). Markdown. */
export type TranscriptNote = { kind: "note"; text: string };

export type TranscriptChannel = {
	id: string;
	anchor: string;
	name: string;
	isThread: boolean;
	/** The channel a thread lives in. */
	parentName?: string;
	items: (TranscriptMessage | TranscriptNote)[];
};

export type Transcript = { serverName: string; channels: TranscriptChannel[]; names: MentionNames };

/** A note to show in `channelId` after message `afterId` (the channel's last message when the note was made). */
export type Narration = { channelId: string; afterId: string | undefined; text: string };

const EPHEMERAL = 64;
const THREAD_CREATED = 18;
/** Announcement, public and private threads. */
const THREAD_TYPES = [10, 11, 12];

/** The anchor (HTML id) of a channel's section. */
export function anchorOf(channelId: string): string {
	return `channel-${channelId}`;
}

function excerpt(message: StoredMessage): string {
	// Discord previews a reply's target on one line: no headings, subtext or quote marks.
	const line = message.content
		.replace(/^(?:#{1,3}|-#|>) /gm, "")
		.replace(/\s+/g, " ")
		.trim();
	return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/**
 * Reads `channelIds` (in that order) from the fake Discord, with the narration placed where it happened; every
 * attachment gets a unique file name, its bytes kept for writing.
 */
export function takeSnapshot(
	discord: FakeDiscord,
	channelIds: string[],
	narration: Narration[],
	serverName = "Demo server",
): Transcript {
	const users = new Map<string, string>();
	const files = new Set<string>();
	const shown = new Set(channelIds);
	const fileFor = (attachment: StoredAttachment) => {
		const name = attachment.filename.replace(/[^\w.-]/g, "_");
		const file = files.has(name) ? `${attachment.id}-${name}` : name;
		files.add(file);
		return file;
	};
	const threadOf = (id: string) => {
		const channel = discord.channels.get(id);
		if (!channel) return undefined;
		const anchor = shown.has(id) ? { anchor: anchorOf(id) } : {};
		return { name: channel.name, messages: discord.messages(id).length, ...anchor };
	};
	const toMessage = (message: StoredMessage): TranscriptMessage => {
		users.set(message.author.id, message.author.username);
		const command = message.interaction_metadata;
		if (command) users.set(command.user.id, command.user.username);
		const replied = message.message_reference ? discord.message(message.message_reference.message_id) : undefined;
		const threadId = message.type === THREAD_CREATED ? message.message_reference?.channel_id : message.thread_id;
		const thread = threadId ? threadOf(threadId) : undefined;
		return {
			kind: "message",
			id: message.id,
			author: { id: message.author.id, name: message.author.username, bot: message.author.bot === true },
			time: message.timestamp,
			type: message.type,
			content: message.content,
			edited: message.edited_timestamp !== null,
			ephemeral: (message.flags & EPHEMERAL) !== 0,
			embeds: message.embeds,
			components: message.components,
			attachments: message.attachments.map((attachment) => ({
				file: fileFor(attachment),
				filename: attachment.filename,
				data: attachment.data,
				isImage: attachment.content_type?.startsWith("image/") === true || attachment.width !== undefined,
				...(attachment.width && attachment.height ? { width: attachment.width, height: attachment.height } : {}),
				...(attachment.description ? { description: attachment.description } : {}),
			})),
			...(command?.name ? { command: { user: command.user.username, name: command.name } } : {}),
			...(replied && message.type !== THREAD_CREATED
				? {
						replyTo: {
							author: replied.author.username,
							bot: replied.author.bot === true,
							excerpt: excerpt(replied),
							hasAttachment: replied.attachments.length > 0,
						},
					}
				: {}),
			...(thread ? { thread } : {}),
		};
	};
	const channels = channelIds.map((id): TranscriptChannel => {
		const channel = discord.channels.get(id);
		if (!channel) throw new Error(`demo: no channel ${id} in the fake Discord`);
		const notes = narration.filter((note) => note.channelId === id);
		const items: TranscriptChannel["items"] = [];
		const placeNotes = (beforeId: bigint | undefined) => {
			while (notes[0] && (beforeId === undefined || BigInt(notes[0].afterId ?? 0) < beforeId)) {
				items.push({ kind: "note", text: notes.shift()?.text ?? "" });
			}
		};
		for (const message of discord.messages(id)) {
			placeNotes(BigInt(message.id));
			items.push(toMessage(message));
		}
		placeNotes(undefined);
		const parent = channel.parent_id ? discord.channels.get(channel.parent_id) : undefined;
		return {
			id,
			anchor: anchorOf(id),
			name: channel.name,
			isThread: THREAD_TYPES.includes(channel.type),
			...(parent ? { parentName: parent.name } : {}),
			items,
		};
	});
	const channelNames = new Map(
		[...discord.channels.values()].map((channel) => [
			channel.id,
			{ name: channel.name, ...(shown.has(channel.id) ? { anchor: anchorOf(channel.id) } : {}) },
		]),
	);
	return { serverName, channels, names: { users, channels: channelNames } };
}
