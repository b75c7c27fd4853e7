// src/discord/takeTurn.ts: runs one turn of a thread's (or DM's) conversation and posts what came of it.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { DMChannel, Message, PartialDMChannel, ThreadChannel } from "discord.js";
import { assignVersions, commitTurn, runTurn, type TurnSafety, userTurnOf } from "../conversation/runTurn.js";
import type { Conversation, InputImage, TurnOptions, UserTurn } from "../conversation/types.js";
import type { Deps } from "../deps.js";
import { capabilitiesOf, estimateUsd } from "../gemini/models.js";
import { quotaWaitOf } from "../gemini/withRetry.js";
import { newCaseId } from "../moderation/cases.js";
import { toGeminiSafety } from "../moderation/geminiSafety.js";
import { type Admission, settleAdmission } from "./admitTurn.js";
import { appealButton, cancelButton, resultButtons } from "./components.js";
import { describeError } from "./describeError.js";
import { keepTyping } from "./keepTyping.js";
import { messages } from "./messages.js";
import { reportCase } from "./modlog.js";
import { trackProgress } from "./progress.js";
import { renderReply } from "./renderReply.js";
import { sendAll } from "./sendAll.js";

export type TurnChannel = ThreadChannel | DMChannel | PartialDMChannel;

/** How long a turn keeps its place in line while Gemini's quota is used up, before it gives up. */
export const MAX_QUOTA_WAIT_MS = 10 * 60_000;
const DEFAULT_QUOTA_WAIT_MS = 30_000;

export type TurnRequest = {
	channel: TurnChannel;
	requesterId: string;
	text: string;
	images: (InputImage & { name?: string })[];
	options: TurnOptions;
	/** The member's message, when the turn came from one: the answer replies to it. */
	replyTo?: string;
	/** Run the exchange numbered `turn` again; its new answer replaces it. Refused if it is no longer the latest. */
	reroll?: { turn: number };
	/** What the policy check allowed: the server's settings for this turn and its quota reservation. */
	admission?: Admission;
};

export type TurnOutcome = "done" | "stale" | "cancelled" | "failed";

/** Runs the model, waiting out Gemini quota (429) within MAX_QUOTA_WAIT_MS so the turn keeps its place in line. */
async function runKeepingPlace(
	deps: Deps,
	conversation: Conversation,
	turn: UserTurn,
	safety: TurnSafety | undefined,
	onQuotaWait: (seconds: number) => void,
): ReturnType<typeof runTurn> {
	let waited = 0;
	for (;;) {
		try {
			return await runTurn(deps, conversation, turn, safety ? { safety } : {});
		} catch (err) {
			const delay = quotaWaitOf(err, DEFAULT_QUOTA_WAIT_MS);
			if (delay === undefined || waited + delay > MAX_QUOTA_WAIT_MS) throw err;
			onQuotaWait(Math.ceil(delay / 1_000));
			await sleep(delay);
			waited += delay;
		}
	}
}

async function runQueued(deps: Deps, request: TurnRequest): Promise<TurnOutcome> {
	const { channel } = request;
	const logger = deps.logger.child({ module: "turn", conversation: channel.id });
	const started = Date.now();
	const stopTyping = keepTyping(channel, logger);
	const progress = trackProgress(channel, logger, started);
	let model = deps.config.gemini.model;
	let imagesOut = 0;
	let usd: number | undefined;
	const { admission } = request;
	try {
		const stored = await deps.store.getConversation(channel.id);
		if (!stored) throw new Error("conversation record missing");
		model = stored.model;
		const last = stored.exchanges.at(-1);
		if (request.reroll && last?.turn !== request.reroll.turn) return "stale";
		logger.debug({ prompt: request.text, reroll: Boolean(request.reroll) }, "turn starting");
		const conversation = request.reroll ? { ...stored, exchanges: stored.exchanges.slice(0, -1) } : stored;
		const turn: UserTurn =
			request.reroll && last
				? await userTurnOf(deps.store, last)
				: { text: request.text, images: request.images, requesterId: request.requesterId, options: request.options };
		const safety = admission
			? toGeminiSafety(admission.settings, { model, vertex: Boolean(deps.config.gemini.vertex) })
			: undefined;
		const { reply, droppedImages } = await runKeepingPlace(deps, conversation, turn, safety, (seconds) =>
			progress.note(messages.quotaWait(seconds)),
		);
		const notes: string[] = [];
		const animated = request.images.filter((image) => image.firstFrameOnly).map((image) => image.name ?? "image");
		if (animated.length > 0) notes.push(messages.firstFrameOnly(animated));
		if (reply.kind === "parts" && droppedImages > 0 && !stored.droppedImagesNotified) {
			notes.push(messages.imagesDropped(capabilitiesOf(model).maxContextImages));
		}
		const versions = reply.kind === "parts" ? assignVersions(stored, turn, reply) : undefined;
		const fresh = versions?.user.filter((_, index) => turn.images[index]?.version === undefined) ?? [];
		if (fresh.length > 0) notes.push(messages.uploadedVersions(fresh));
		const outgoing = await renderReply(reply, notes, versions?.model ?? []);
		const resultMessage = outgoing.findLast((message) => message.files.length > 0) ?? outgoing.at(-1);
		if (reply.kind === "parts" && resultMessage) {
			resultMessage.components = [resultButtons(channel.id, stored.nextTurn, turn.requesterId)];
		}
		const caseId = reply.kind === "blocked" || reply.kind === "refused" ? newCaseId() : undefined;
		const card = outgoing.at(-1);
		if (caseId && card && admission?.context) card.components = [appealButton(caseId)];
		const messageIds = await sendAll(channel, outgoing, request.replyTo);
		if (caseId && admission?.context) {
			await reportCase(
				deps,
				{
					id: caseId,
					guildId: admission.guildId,
					channelId: channel.id,
					messageIds,
					requesterId: turn.requesterId,
					model,
					prompt: turn.text,
					outcome:
						reply.kind === "blocked"
							? {
									kind: "blocked",
									stage: reply.stage,
									reason: reply.reason,
									codes: reply.codes,
									...(reply.category ? { category: reply.category } : {}),
								}
							: { kind: "refused" },
					at: new Date().toISOString(),
				},
				admission.settings.modlog,
			);
		}
		imagesOut = versions?.model.length ?? 0;
		usd = estimateUsd(model, imagesOut, reply.usage);
		if (reply.kind === "parts" && versions) {
			const ms = Date.now() - started;
			await commitTurn(deps.store, stored, turn, reply, {
				droppedImages,
				versions,
				messageIds,
				ms,
				replaceLast: Boolean(request.reroll),
			});
		}
		deps.metrics.turns.inc({ outcome: reply.kind });
		logger.info(
			{
				model,
				imagesIn: turn.images.length,
				imagesOut: versions?.model.length ?? 0,
				outcome: reply.kind === "blocked" ? `blocked:${reply.reason}` : reply.kind,
				reroll: Boolean(request.reroll),
				promptChars: turn.text.length,
				ms: Date.now() - started,
			},
			"turn finished",
		);
		return "done";
	} catch (err) {
		const described = describeError(err, model);
		deps.metrics.turns.inc({ outcome: "error" });
		logger[described.level]({ err, ref: described.ref, kind: described.kind, ms: Date.now() - started }, "turn failed");
		await sendAll(channel, [{ content: described.text, files: [] }], request.replyTo).catch((sendErr: unknown) =>
			logger.warn({ err: sendErr, ref: described.ref }, "could not report the failure in the channel"),
		);
		return "failed";
	} finally {
		stopTyping();
		await progress.stop();
		await settleAdmission(deps, admission, imagesOut, usd).catch((err: unknown) =>
			logger.error({ err }, "could not settle the turn's quota reservation"),
		);
	}
}

/**
 * Queues the turn behind the conversation's earlier ones (showing the member its place in line, with a Cancel
 * button), then runs it, posts the reply with its buttons and commits it if it made an image.
 */
export async function takeTurn(deps: Deps, request: TurnRequest): Promise<TurnOutcome> {
	const { channel } = request;
	const ticket = randomUUID().slice(0, 8);
	let notice: Promise<Message | undefined> = Promise.resolve(undefined);
	const showPlace = (position: number) => {
		notice = notice.then(async (existing) => {
			const payload = {
				content: messages.queued(request.requesterId, position),
				components: [cancelButton(channel.id, ticket, request.requesterId)],
				allowedMentions: { parse: [] },
			};
			return (existing ? existing.edit(payload) : channel.send(payload)).catch((err: unknown) => {
				deps.logger.debug({ err }, "queue notice failed");
				return existing;
			});
		});
	};
	const removeNotice = async () => {
		const existing = await notice;
		await existing?.delete().catch((err: unknown) => deps.logger.debug({ err }, "queue notice delete failed"));
	};
	const outcome = await deps.turns.run(
		channel.id,
		async () => {
			await removeNotice();
			return runQueued(deps, request);
		},
		{ ticket, onWait: showPlace },
	);
	if (outcome === undefined) {
		await removeNotice();
		await settleAdmission(deps, request.admission, 0);
		return "cancelled";
	}
	return outcome;
}
