// src/discord/routing/handleMessage.ts: a member's message in a bot thread (or a DM) is the next turn of its conversation.
import { ChannelType, type Message } from "discord.js";
import type { AttachmentInfo } from "../../conversation/prepareTurn.js";
import { startTurn } from "../../conversation/startTurn.js";
import type { TurnOutcome, TurnPorts } from "../../conversation/turnRequest.js";
import type { Deps } from "../../deps.js";
import { PolicyDenied } from "../../moderation/policyErrors.js";
import { memberText, type Text, textForDiscord } from "../i18n/textFor.js";
import { branchThread } from "../turns/branchThread.js";
import { channelView } from "../turns/channelView.js";
import { sendAll } from "../turns/sendAll.js";
import { threadTitle } from "../turns/threadTitle.js";
import type { TurnChannel } from "../turns/turnChannel.js";
import { askerOf, outcomeText, turnPlaceOf } from "./turnRequests.js";

/** Removes mentions of the bot, so "@bot make it yellow" reads as "make it yellow". */
function promptOf(message: Message): string {
	const botId = message.client.user.id;
	return message.content.replaceAll(new RegExp(`<@!?${botId}>`, "g"), "").trim();
}

/** DMs a refusal to the author and marks their message with 🚫; false when their DMs are closed. */
async function tellPrivately(message: Message, text: string, t: Text): Promise<boolean> {
	try {
		await message.author.send({
			content: t.messages.aboutYourMessage(text, message.url),
			allowedMentions: { parse: [] },
		});
	} catch {
		return false;
	}
	await message.react("🚫").catch(() => undefined);
	return true;
}

/** Tells the member what the pipeline did not already show: a policy refusal privately, anything else as a reply. */
async function answer(
	message: Message,
	channel: TurnChannel,
	outcome: TurnOutcome,
	model: string,
	t: Text,
): Promise<void> {
	// A bot thread without a conversation is not ours to talk in (it was forgotten or never held one).
	if (outcome.kind === "notAConversation") return;
	const text = outcomeText(outcome, model, t);
	if (!text) return;
	const isPolicy = outcome.kind === "refused" && outcome.refusal instanceof PolicyDenied;
	if (isPolicy && channel.type !== ChannelType.DM && (await tellPrivately(message, text, t))) return;
	await sendAll(channel, [{ content: text, files: [] }], message.id);
}

/** Takes a turn for a human's message in a thread the bot owns and holds a conversation for, or in a DM. */
export async function handleMessage(message: Message, deps: Deps): Promise<void> {
	// Bots (this one included: Discord echoes its own messages), webhooks and system messages never start turns.
	if (message.author.bot || message.webhookId || message.system) return;
	const channel = message.channel;
	const isDm = channel.type === ChannelType.DM;
	const isBotThread = channel.isThread() && channel.ownerId === message.client.user.id;
	if (!isDm && !isBotThread) return;
	const turnChannel = channel as TurnChannel;
	const attachments: AttachmentInfo[] = message.attachments.map((attachment) => ({
		url: attachment.url,
		name: attachment.name,
		size: attachment.size,
	}));
	const text = promptOf(message);
	if (!text && attachments.length === 0) return;
	// A plain message carries no locale: the member's language in this thread, else the server's.
	const guild = "guild" in channel ? channel.guild : null;
	const t = await memberText(deps.store.keyv, { id: channel.id, guild }, message.author.id).catch(() =>
		textForDiscord(guild?.preferredLocale),
	);
	// A turn that cannot start (the store unreachable, say) is answered like any failure, never left unanswered.
	const outcome = await takeTurn(message, deps, turnChannel, attachments, text, t).catch(
		(error: unknown): TurnOutcome => {
			deps.logger.warn({ err: error, module: "turn", entry: "message" }, "turn could not start");
			return { kind: "failed", error, shown: false };
		},
	);
	await answer(message, turnChannel, outcome, deps.config.gemini.model, t);
}

/** Starts the turn a message asks for: the next turn of its thread, or a DM's first. */
async function takeTurn(
	message: Message,
	deps: Deps,
	turnChannel: TurnChannel,
	attachments: AttachmentInfo[],
	text: string,
	t: Text,
): Promise<TurnOutcome> {
	const channel = message.channel;
	const isDm = channel.type === ChannelType.DM;
	const logger = deps.logger.child({ module: "turn", entry: "message" });
	const requesterId = message.author.id;
	const startsDm = isDm && !(await deps.store.getConversation(channel.id));
	const ports: TurnPorts = {
		accepted: async () => undefined,
		open: async () => channelView(turnChannel, logger, { requesterId, text: t, replyTo: message.id }),
		view: () => channelView(turnChannel, logger, { requesterId, text: t, replyTo: message.id }),
		async branch(from) {
			if (!channel.isThread()) return undefined;
			const thread = await branchThread(channel, from, requesterId, message.id, t);
			return thread && channelView(thread, logger, { requesterId, text: t, title: thread.name });
		},
	};
	return startTurn(
		deps,
		{
			entry: "message",
			place: await turnPlaceOf(channel),
			asker: askerOf({
				user: message.author,
				member: message.member,
				memberPermissions: message.member?.permissions ?? null,
			}),
			text,
			attachments,
			target: startsDm
				? { kind: "start", title: threadTitle(text, "", t.labels.untitledThread) }
				: {
						kind: "continue",
						conversationId: channel.id,
						...(message.reference?.messageId ? { replyToMessageId: message.reference.messageId } : {}),
					},
		},
		ports,
	);
}
