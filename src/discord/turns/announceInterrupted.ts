// src/discord/turns/announceInterrupted.ts: after a crash, tells each thread whose turn was cut short to send it again.
import type { Message } from "discord.js";
import { recoverInterrupted } from "../../conversation/inFlight.js";
import type { Deps } from "../../deps.js";
import { memberText } from "../i18n/textFor.js";
import { parseCustomId } from "../routing/customIds.js";

/** How far back a thread is searched for the cut-short turn's own messages. */
const RECENT_MESSAGES = 25;

/** The bot's place-in-line notice or progress message for a turn in `conversationId`: they carry its Cancel button. */
function isTurnStatus(message: Message, botId: string, conversationId: string): boolean {
	if (message.author.id !== botId) return false;
	return message.components.some((row) =>
		"components" in row
			? row.components.some((component) => {
					const raw = "customId" in component ? component.customId : null;
					const id = typeof raw === "string" ? parseCustomId(raw) : undefined;
					return id?.kind === "cancel" && id.conversationId === conversationId;
				})
			: false,
	);
}

/**
 * Posts one notice per turn a previous run left in flight (their quota is given back; their history was never
 * touched), first deleting that turn's stale progress message or queue notice (its preview, its Cancel button).
 */
export async function announceInterrupted(deps: Deps): Promise<void> {
	const logger = deps.logger.child({ module: "discord" });
	const turns = await recoverInterrupted(deps);
	for (const turn of turns) {
		try {
			const channel = await deps.discord.channels.fetch(turn.conversationId);
			if (!channel?.isSendable()) continue;
			const guild = "guild" in channel ? channel.guild : null;
			const t = await memberText(deps.store.keyv, { id: channel.id, guild }, turn.requesterId);
			const botId = deps.discord.user?.id;
			const recent = botId ? await channel.messages.fetch({ limit: RECENT_MESSAGES }) : undefined;
			for (const message of recent?.values() ?? []) {
				if (botId && isTurnStatus(message, botId, turn.conversationId)) await message.delete();
			}
			await channel.send({ content: t.messages.interruptedByCrash(turn.requesterId), allowedMentions: { parse: [] } });
			logger.info(
				{ conversation: turn.conversationId, startedAt: turn.startedAt },
				"told a thread its turn was cut short",
			);
		} catch (err) {
			logger.warn({ err, conversation: turn.conversationId }, "could not tell a thread its turn was cut short");
		}
	}
}
