// src/discord/handleMessage.ts: a member's message in a bot thread (or a DM) is the next turn of its conversation.
import { ChannelType, type Message } from "discord.js";
import { newConversation } from "../conversation/newConversation.js";
import { type AttachmentInfo, checkTurnInput } from "../conversation/prepareTurn.js";
import type { Deps } from "../deps.js";
import { PolicyDenied } from "../moderation/policyErrors.js";
import { admitTurn, loadAdmittedImages } from "./admitTurn.js";
import { branchThread, olderResultIndex } from "./branchThread.js";
import { describeError } from "./describeError.js";
import { sendAll } from "./sendAll.js";
import { type TurnChannel, takeTurn } from "./takeTurn.js";
import { threadTitle } from "./threadTitle.js";

/** Removes mentions of the bot, so "@bot make it yellow" reads as "make it yellow". */
function promptOf(message: Message): string {
	const botId = message.client.user.id;
	return message.content.replaceAll(new RegExp(`<@!?${botId}>`, "g"), "").trim();
}

/** DMs a refusal to the author and marks their message with 🚫; false when their DMs are closed. */
async function tellPrivately(message: Message, text: string): Promise<boolean> {
	try {
		await message.author.send({
			content: `${text}\n-# About your message ${message.url}`,
			allowedMentions: { parse: [] },
		});
	} catch {
		return false;
	}
	await message.react("🚫").catch(() => undefined);
	return true;
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
	// Messages are prepared (store read, downloads) one at a time per channel, so turns join the line in arrival order.
	const started = await deps.arrivals.run(channel.id, async () => {
		let conversation = await deps.store.getConversation(channel.id);
		if (!conversation && !isDm) return undefined;
		const model = conversation?.model ?? deps.config.gemini.model;
		const options = conversation?.options ?? { output: "image_and_text" as const };
		try {
			checkTurnInput({ text, attachments, options, model });
			const admission = await admitTurn(deps, {
				channel,
				asker: { id: message.author.id, member: message.member, permissions: message.member?.permissions ?? null },
				prompt: text,
				...(conversation ? { conversation } : {}),
			});
			const images = await loadAdmittedImages(deps, admission, attachments);
			if (!conversation) {
				conversation = newConversation({
					id: channel.id,
					ownerId: message.author.id,
					model,
					title: threadTitle(text),
					options,
				});
				await deps.store.saveConversation(conversation);
			}
			// A reply to an older result branches: a new thread from that point, the original left as it is.
			const branchFrom = channel.isThread() ? olderResultIndex(conversation, message.reference?.messageId) : undefined;
			const branch =
				branchFrom !== undefined && channel.isThread()
					? await branchThread(
							deps,
							channel,
							conversation,
							branchFrom,
							message.author.id,
							message.id,
							admission.settings,
						)
					: undefined;
			// Not awaited here: the turn has taken its place in line; waiting for it would hold up the next arrival.
			const turn = takeTurn(deps, {
				channel: branch ?? turnChannel,
				requesterId: message.author.id,
				text,
				images,
				options,
				admission,
				...(branch ? {} : { replyTo: message.id }),
			});
			return { turn };
		} catch (err) {
			const described = describeError(err, model);
			deps.logger[described.level](
				{ err, ref: described.ref, kind: described.kind, conversation: channel.id },
				"message turn refused",
			);
			// A policy refusal is the member's business: tell them in a DM and mark their message; in the thread only if DMs are closed.
			if (err instanceof PolicyDenied && !isDm && (await tellPrivately(message, described.text))) return undefined;
			await sendAll(turnChannel, [{ content: described.text, files: [] }], message.id);
			return undefined;
		}
	});
	await started?.turn;
}
