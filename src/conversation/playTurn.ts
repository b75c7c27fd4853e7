// src/conversation/playTurn.ts: a queued turn's run: Gemini within the deadline, the answer shown, then committed and settled.
import { capabilitiesOf, estimateUsd } from "../gemini/models.js";
import type { ModelReply } from "../gemini/types.js";
import { newCaseId } from "../moderation/cases.js";
import { type Admission, settle } from "./admit.js";
import { type BackgroundPlayed, playBackground, type ReadyBackground, restoreBackground } from "./backgroundTurn.js";
import { TurnInterrupted } from "./lifecycle.js";
import type { PipelineDeps } from "./pipelineDeps.js";
import { assignVersions, commitTurn, runTurn, userTurnOf } from "./runTurn.js";
import { errorKindOf } from "./turnMetrics.js";
import type { TurnNote, TurnOutcome, TurnRequest, TurnView } from "./turnRequest.js";
import type { InputImage, UserTurn } from "./types.js";

/** An admitted turn with its images loaded, waiting for its place in the conversation's line. */
export type QueuedTurn = {
	request: TurnRequest;
	admission: Admission;
	view: TurnView;
	model: string;
	/** The member's turn; its images carry their attachment names for notes. */
	turn: Omit<UserTurn, "images"> & { images: (InputImage & { name?: string })[] };
	reroll?: { turn: number };
	/** A /background job with its photo and mask: played instead of one conversation turn. */
	background?: ReadyBackground;
};

/**
 * Plays a turn that reached the front of its line: marks it in flight, calls Gemini (one deadline for every attempt
 * and wait; `cancel` and shutdown abort it), shows the answer, reports a block or refusal to the moderation log,
 * commits an answer with images after it is shown, and settles the quota with the images produced.
 */
export async function playTurn(
	deps: PipelineDeps,
	queued: QueuedTurn,
	ticket: string,
	cancel: AbortSignal,
): Promise<TurnOutcome> {
	const { view, admission, request } = queued;
	const started = Date.now();
	const logger = deps.logger.child({ module: "turn", entry: request.entry, conversation: view.id });
	let model = queued.model;
	await deps.inFlight.mark({
		conversationId: view.id,
		requesterId: queued.turn.requesterId,
		startedAt: new Date(started).toISOString(),
		reservation: admission.reservation,
	});
	try {
		await view.started(ticket);
		// A turn that reaches the front of its line after shutdown began would only be cut short: say so now.
		if (deps.lifecycle.stopping) throw new TurnInterrupted();
		const signal = AbortSignal.any([cancel, deps.lifecycle.interrupt]);
		signal.throwIfAborted();
		const stored = await deps.store.getConversation(view.id);
		if (!stored) throw new Error("conversation record missing");
		model = stored.model;
		const last = stored.exchanges.at(-1);
		if (queued.reroll && last?.turn !== queued.reroll.turn) return { kind: "stale", latest: last };
		const conversation = queued.reroll ? { ...stored, exchanges: stored.exchanges.slice(0, -1) } : stored;
		const call = { signal, deadline: started + deps.config.turns.deadlineMs, onWait: view.waiting.bind(view) };
		// A /background job (or a reroll of one) makes its results through its mask; any other turn is one Gemini turn.
		const background = queued.background ?? (queued.reroll && last ? await restoreBackground(deps, last) : undefined);
		let played: BackgroundPlayed | undefined;
		let turn: UserTurn;
		let reply: ModelReply;
		let droppedImages = 0;
		if (background) {
			const requesterId = queued.reroll && last ? last.requesterId : queued.turn.requesterId;
			played = await playBackground(deps, background, admission, model, requesterId, call);
			turn = { ...played.turn, requesterId, options: stored.options };
			reply = played.reply;
		} else {
			turn = queued.reroll && last ? await userTurnOf(deps.store, last) : queued.turn;
			const preview = admission.settings.threads.livePreview ? view.preview?.bind(view) : undefined;
			({ reply, droppedImages } = await runTurn(
				{
					generate: deps.generate,
					store: deps.store,
					vertex: Boolean(deps.config.gemini.vertex),
					history: deps.config.history,
				},
				conversation,
				turn,
				admission,
				preview ? { ...call, onPreview: preview } : call,
			));
		}
		const versions = reply.kind === "parts" ? assignVersions(stored, turn, reply) : undefined;
		const notes: TurnNote[] = [];
		const animated = queued.turn.images.filter((image) => image.firstFrameOnly).map((image) => image.name ?? "image");
		if (animated.length > 0) notes.push({ code: "firstFrameOnly", names: animated });
		if (reply.kind === "parts" && droppedImages > 0 && !stored.droppedImagesNotified) {
			const kept = Math.min(capabilitiesOf(model).maxContextImages, deps.config.history.maxImages);
			notes.push({ code: "imagesDropped", kept });
		}
		const fresh = versions?.user.filter((_, index) => turn.images[index]?.version === undefined) ?? [];
		if (fresh.length > 0) notes.push({ code: "uploadedVersions", versions: fresh });
		if (played) notes.push(...played.notes);
		// Every block or refusal is a moderation case (a /background job's per result); the first gets the appeal button.
		const blocks = played?.blocks ?? (reply.kind === "blocked" || reply.kind === "refused" ? [reply] : []);
		const cases = admission.context ? blocks.map((block) => ({ id: newCaseId(), block })) : [];
		const caseId = cases[0]?.id;
		const messageIds = await view.deliver({
			conversationId: view.id,
			turn: stored.nextTurn,
			requesterId: turn.requesterId,
			reply,
			versions,
			notes,
			...(caseId ? { caseId } : {}),
		});
		for (const { id, block } of cases) {
			await deps.reportCase(
				{
					id,
					guildId: admission.guildId,
					channelId: view.id,
					messageIds,
					requesterId: turn.requesterId,
					model,
					prompt: turn.text,
					outcome:
						block.kind === "blocked"
							? {
									kind: "blocked",
									stage: block.stage,
									reason: block.reason,
									codes: block.codes,
									...(block.category ? { category: block.category } : {}),
								}
							: { kind: "refused" },
					at: new Date().toISOString(),
				},
				admission.settings.modlog,
			);
		}
		const imagesOut = versions?.model.length ?? 0;
		// Shown is produced: the member has the images, whatever happens to the commit.
		await settle(deps, admission, imagesOut, estimateUsd(model, imagesOut, reply.usage));
		if (reply.kind === "parts" && versions) {
			await commitTurn(deps.store, stored, turn, reply, {
				droppedImages,
				versions,
				messageIds,
				ms: Date.now() - started,
				replaceLast: Boolean(queued.reroll),
				...(played ? { background: played.record } : {}),
			});
		}
		deps.metrics.turnEnded({
			entry: request.entry,
			outcome: "reply",
			reply,
			model,
			imagesIn: turn.images.length,
			imagesOut,
			ms: Date.now() - started,
		});
		logger.info(
			{
				user: turn.requesterId,
				model,
				imagesIn: turn.images.length,
				imagesOut,
				outcome: reply.kind === "blocked" ? `blocked:${reply.reason}` : reply.kind,
				...(reply.kind === "blocked" && reply.category ? { category: reply.category } : {}),
				reroll: Boolean(queued.reroll),
				promptChars: turn.text.length,
				ms: Date.now() - started,
			},
			"turn finished",
		);
		return { kind: "done", conversationId: view.id, reply: reply.kind, imagesOut };
	} catch (err) {
		if (cancel.aborted) {
			deps.metrics.turnEnded({ entry: request.entry, outcome: "cancelled", ms: Date.now() - started });
			logger.info({ ms: Date.now() - started }, "turn cancelled");
			return { kind: "cancelled" };
		}
		const cause = deps.lifecycle.interrupt.aborted ? deps.lifecycle.interrupt.reason : err;
		const shown = await view.fail(cause, model).catch((failErr: unknown) => {
			logger.warn({ err: failErr }, "could not tell the member the turn failed");
			return undefined;
		});
		const level = shown?.level ?? "error";
		deps.metrics.turnEnded({
			entry: request.entry,
			outcome: "error",
			kind: shown?.kind ?? errorKindOf(err),
			ms: Date.now() - started,
		});
		// Expected failures (Gemini busy, a deadline, a bad image) are outcomes: one line, no stack.
		const fields = { ref: shown?.ref, kind: shown?.kind, ms: Date.now() - started };
		if (level === "error") logger.error({ ...fields, err }, "turn failed");
		else logger[level](fields, "turn failed");
		return { kind: "failed", error: cause, shown: shown !== undefined };
	} finally {
		await view.finished();
		await deps.inFlight
			.clear(view.id)
			.catch((err: unknown) => logger.error({ err }, "could not clear the turn's in-flight marker"));
	}
}
