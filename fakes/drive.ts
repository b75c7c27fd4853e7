// fakes/drive.ts: playing a member against the fake Discord: find the bot's messages and buttons, wait for answers.
import type { FakeChannel, FakeDiscord, StoredMessage } from "./fakeDiscord.js";

/** A button as the bot sends it in a message's action rows. */
export type Button = { custom_id?: string; label?: string; style?: number; url?: string; disabled?: boolean };

/** The bot's own messages in a channel, oldest first. */
export function botMessages(discord: FakeDiscord, channelId: string): StoredMessage[] {
	return discord.messages(channelId).filter((message) => message.author.id === discord.botUser.id);
}

/** Every button under a message, row after row. */
export function buttonsOf(message: { components?: unknown[] } | undefined): Button[] {
	return ((message?.components ?? []) as { components?: Button[] }[]).flatMap((row) => row.components ?? []);
}

/** Presses the first button under `message` whose custom id starts with `prefix`, as `userId` (default: alice). */
export async function pressButton(
	discord: FakeDiscord,
	message: StoredMessage,
	prefix: string,
	userId?: string,
): ReturnType<FakeDiscord["clickButton"]> {
	const button = buttonsOf(message).find((candidate) => candidate.custom_id?.startsWith(prefix));
	if (!button?.custom_id) throw new Error(`fake Discord: message ${message.id} has no ${prefix} button`);
	return discord.clickButton({ messageId: message.id, customId: button.custom_id, ...(userId ? { userId } : {}) });
}

/** Waits for the bot's first message in `channelId`, after those already there, that `matches`. */
export function nextBotMessage(
	discord: FakeDiscord,
	channelId: string,
	matches: (message: StoredMessage) => boolean,
	options: { after?: number; what?: string; timeoutMs?: number } = {},
): Promise<StoredMessage> {
	return discord.waitFor(
		() =>
			botMessages(discord, channelId)
				.slice(options.after ?? 0)
				.find(matches),
		{
			what: options.what ?? "the bot's message",
			...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
		},
	);
}

/** Waits for the bot's answer to a member's message (a message replying to it). */
export function answerTo(
	discord: FakeDiscord,
	message: StoredMessage,
	what = "the bot's answer",
): Promise<StoredMessage> {
	return nextBotMessage(discord, message.channel_id, (posted) => posted.message_reference?.message_id === message.id, {
		what,
	});
}

/** Waits for a thread whose name satisfies `matches`. */
export function threadWhere(
	discord: FakeDiscord,
	matches: (thread: FakeChannel) => boolean,
	what = "a thread",
): Promise<FakeChannel> {
	return discord.waitFor(() => discord.threads().find(matches), { what });
}
