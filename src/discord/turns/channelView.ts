// src/discord/turns/channelView.ts: the pipeline's view of a thread or DM: place in line, progress, answer, failure.
import type { Message } from "discord.js";
import type { TurnView } from "../../conversation/turnRequest.js";
import type { Logger } from "../../logger.js";
import { cancelButton } from "../components.js";
import type { Text } from "../i18n/textFor.js";
import { describeError } from "../routing/describeError.js";
import { deliverTurn } from "./deliverTurn.js";
import { keepTyping } from "./keepTyping.js";
import { type Progress, trackProgress } from "./progress.js";
import { sendAll } from "./sendAll.js";
import type { TurnChannel } from "./turnChannel.js";

/**
 * Drives one turn's messages in `channel` for `requesterId`: the place-in-line notice (with Cancel), typing and the
 * progress message (with Cancel; the answer streaming in, when previews are on), then the answer or the failure,
 * replying to `replyTo` when given, all in the requester's language (`text`).
 */
export function channelView(
	channel: TurnChannel,
	logger: Logger,
	turn: { requesterId: string; text: Text; replyTo?: string; title?: string },
): TurnView {
	const t = turn.text;
	let notice: Promise<Message | undefined> = Promise.resolve(undefined);
	let stopTyping: (() => void) | undefined;
	let progress: Progress | undefined;
	const removeNotice = async () => {
		const existing = await notice;
		notice = Promise.resolve(undefined);
		await existing?.delete().catch((err: unknown) => logger.debug({ err }, "queue notice delete failed"));
	};
	return {
		id: channel.id,
		...(turn.title ? { title: turn.title } : {}),
		queued(position, ticket) {
			notice = notice.then(async (existing) => {
				const payload = {
					content: t.messages.queued(turn.requesterId, position),
					components: [cancelButton(channel.id, ticket, turn.requesterId, t)],
					allowedMentions: { parse: [] },
				};
				return (existing ? existing.edit(payload) : channel.send(payload)).catch((err: unknown) => {
					logger.debug({ err }, "queue notice failed");
					return existing;
				});
			});
		},
		async started(ticket) {
			await removeNotice();
			stopTyping = keepTyping(channel, logger);
			progress = trackProgress(channel, logger, t, Date.now(), cancelButton(channel.id, ticket, turn.requesterId, t));
		},
		waiting: (wait) => progress?.show(wait),
		preview: (preview) => progress?.preview(preview),
		deliver: (delivery) => deliverTurn(channel, delivery, t, turn.replyTo),
		async fail(err, model) {
			const described = describeError(err, model, t);
			await sendAll(channel, [{ content: described.text, files: [] }], turn.replyTo);
			return { ref: described.ref, kind: described.kind, level: described.level };
		},
		async finished() {
			stopTyping?.();
			await progress?.stop();
			await removeNotice();
		},
	};
}
