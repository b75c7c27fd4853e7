// src/discord/turns/announceInterrupted.ts: after a crash, tells each thread whose turn was cut short to send it again.
import { recoverInterrupted } from "../../conversation/inFlight.js";
import type { Deps } from "../../deps.js";
import { memberText } from "../i18n/textFor.js";

/** Posts one notice per turn a previous run left in flight (their quota is given back; their history was never touched). */
export async function announceInterrupted(deps: Deps): Promise<void> {
	const logger = deps.logger.child({ module: "discord" });
	const turns = await recoverInterrupted(deps);
	for (const turn of turns) {
		try {
			const channel = await deps.discord.channels.fetch(turn.conversationId);
			if (!channel?.isSendable()) continue;
			const guild = "guild" in channel ? channel.guild : null;
			const t = await memberText(deps.store.keyv, { id: channel.id, guild }, turn.requesterId);
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
