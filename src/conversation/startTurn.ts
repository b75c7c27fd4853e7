// src/conversation/startTurn.ts: the one turn pipeline every entry point calls: check, admit, prepare, then queue and play.

import { checkFileSizes } from "../background/loadInput.js";
import { UserInputError } from "../errors.js";
import { newCaseId } from "../moderation/cases.js";
import { defaultSettings } from "../moderation/defaultSettings.js";
import { PolicyDenied } from "../moderation/policyErrors.js";
import type { Settings } from "../moderation/settings.js";
import { type Admission, admit, settle, type TurnPlace } from "./admit.js";
import { checkBackgroundJob, prepareBackground, type ReadyBackground } from "./backgroundTurn.js";
import { branchConversation, newConversation, olderResultIndex } from "./newConversation.js";
import type { PipelineDeps } from "./pipelineDeps.js";
import { playTurn, type QueuedTurn } from "./playTurn.js";
import { checkTurnInput, loadImages } from "./prepareTurn.js";
import { errorKindOf } from "./turnMetrics.js";
import type { TurnOutcome, TurnPorts, TurnRequest, TurnView } from "./turnRequest.js";
import type { Conversation, Exchange, TurnOptions } from "./types.js";

const DEFAULT_OPTIONS: TurnOptions = { output: "image_and_text" };

/**
 * The effective settings where a turn happens, resolved once per turn; DMs get the operator's defaults, API clients
 * the operator's defaults with the API's own limits.
 */
export async function settingsAt(deps: PipelineDeps, place: TurnPlace): Promise<Settings> {
	if (place.kind === "dm") return defaultSettings(deps.config.moderation);
	if (place.kind === "api") return { ...defaultSettings(deps.config.moderation), limits: { ...place.limits } };
	return (await deps.settings.resolveSettings(place.context)).settings;
}

/** The member's words of a stored exchange (what a reroll asks again). */
export const promptOf = (exchange: Exchange | undefined): string =>
	exchange?.user.flatMap((part) => (part.kind === "text" ? [part.text] : [])).join("\n") ?? "";

type Prepared = { kind: "queued"; outcome: Promise<TurnOutcome> } | { kind: "over"; outcome: TurnOutcome };

/**
 * Runs one turn from any entry point: resolves the channel's settings once, checks the input, admits it (policy and
 * quota), acknowledges, downloads and normalises its images, opens or branches the thread when needed, queues it
 * behind the conversation's earlier turns, and plays it (see playTurn). Every reservation is settled or released on
 * every outcome. Resolves when the turn is over.
 */
export async function startTurn(deps: PipelineDeps, request: TurnRequest, ports: TurnPorts): Promise<TurnOutcome> {
	if (deps.lifecycle.stopping) return { kind: "stopping" };
	const { target } = request;
	// Requests for one conversation are prepared one at a time, so their turns join its line in arrival order.
	const prepared =
		target.kind === "continue"
			? await deps.arrivals.run(target.conversationId, () => prepare(deps, request, ports))
			: await prepare(deps, request, ports);
	if (!prepared) return { kind: "cancelled" };
	return prepared.outcome;
}

async function prepare(deps: PipelineDeps, request: TurnRequest, ports: TurnPorts): Promise<Prepared> {
	const over = (outcome: TurnOutcome): Prepared => ({ kind: "over", outcome });
	const { target, place, asker } = request;
	const logger = deps.logger.child({ module: "turn", entry: request.entry, user: asker.id });
	const settings = await settingsAt(deps, place);
	let conversation: Conversation | undefined;
	if (target.kind === "continue") {
		conversation = await deps.store.getConversation(target.conversationId);
		if (!conversation) return over({ kind: "notAConversation" });
	}
	const model = conversation?.model ?? (place.kind === "guild" ? settings.model : deps.config.gemini.model);
	const options: TurnOptions = { ...(conversation?.options ?? DEFAULT_OPTIONS), ...request.options };
	const reroll = target.kind === "continue" ? target.reroll : undefined;
	const prompt = reroll ? promptOf(conversation?.exchanges.at(-1)) : request.text;
	const refused = (refusal: UserInputError | PolicyDenied, counts: Record<string, number> = {}) => {
		deps.metrics.turnEnded({ entry: request.entry, outcome: "refused", code: refusal.code });
		logger.info({ conversation: conversation?.id, code: refusal.code, ...counts }, "turn refused");
		return over({ kind: "refused", refusal });
	};
	const { background: job } = request;
	if (!reroll) {
		try {
			const attachments = job?.maskImage ? [...request.attachments, job.maskImage] : request.attachments;
			checkTurnInput({ ...request, attachments, options, model });
			if (job) {
				checkBackgroundJob(job);
				checkFileSizes(attachments);
			}
		} catch (err) {
			if (err instanceof UserInputError) return refused(err, { attachments: request.attachments.length });
			throw err;
		}
	}
	const admitted = await admit(deps, {
		place,
		settings,
		asker,
		prompt,
		...(conversation && place.kind === "guild" ? { starterId: conversation.ownerId } : {}),
		// Each /background result counts against the quotas (a reroll of one makes as many again).
		images: job?.count ?? (reroll ? conversation?.exchanges.at(-1)?.background?.count : undefined) ?? 1,
	});
	if (!admitted.ok) {
		// The server's own blocklist blocks a prompt too: moderators see it in their log like Gemini's blocks.
		if (admitted.code === "blocklisted" && place.kind === "guild") {
			await deps.reportCase(
				{
					id: newCaseId(),
					guildId: place.context.guildId,
					channelId: place.context.channelId,
					messageIds: [],
					requesterId: asker.id,
					model,
					prompt,
					outcome: { kind: "denied", code: admitted.code },
					at: new Date().toISOString(),
				},
				settings.modlog,
			);
		}
		return refused(PolicyDenied.from(admitted));
	}
	const { admission } = admitted;
	let handedOff = false;
	try {
		await ports.accepted({ settings });
		let background: ReadyBackground | undefined;
		if (job) {
			const found = await prepareBackground(deps, { ...request, background: job }, admission, model);
			if (found.kind === "unsure") {
				// Nothing is generated or counted until the member confirms; confirming starts a new turn.
				if (!ports.confirmMask) throw new Error("this entry point cannot confirm a mask");
				await ports.confirmMask(found.pending);
				logger.info({ source: found.pending.source, doubts: found.pending.doubts }, "mask needs confirming");
				return over({ kind: "cancelled" });
			}
			background = found.ready;
		}
		const images = reroll || job ? [] : await loadImages(request.attachments, request.images);
		let view: TurnView;
		if (target.kind === "continue" && conversation) {
			const branch = await branchIfOlder(deps, ports, conversation, target.replyToMessageId, settings, asker.id);
			view = branch ?? ports.view(conversation.id);
		} else {
			view = await ports.open({ title: target.kind === "start" ? target.title : "", settings });
			// A DM is its own conversation: if another message started it meanwhile, carry on from there. A thread the
			// ports just opened holds nothing yet, so only a DM is read again.
			const existing = place.kind === "dm" ? await deps.store.getConversation(view.id) : undefined;
			conversation =
				existing ??
				newConversation({
					id: view.id,
					guildId: place.kind === "guild" ? place.context.guildId : null,
					ownerId: asker.id,
					model,
					title: view.title ?? (target.kind === "start" ? target.title : ""),
					options,
				});
			if (!existing) await deps.store.saveConversation(conversation);
		}
		const queued: QueuedTurn = {
			request,
			admission,
			view,
			model,
			turn: { text: request.text, images, requesterId: asker.id, options },
			...(reroll ? { reroll } : {}),
			...(background ? { background } : {}),
		};
		const outcome = enqueue(deps, queued);
		handedOff = true;
		return { kind: "queued", outcome };
	} catch (err) {
		if (err instanceof UserInputError) return refused(err, { attachments: request.attachments.length });
		logger.warn({ err, conversation: conversation?.id }, "turn could not start");
		deps.metrics.turnEnded({ entry: request.entry, outcome: "error", kind: errorKindOf(err) });
		return over({ kind: "failed", error: err, shown: false });
	} finally {
		if (!handedOff) await releaseQuietly(deps, admission);
	}
}

/** A reply to an older result opens a branch thread from it (saving the branch's record) and the turn goes there. */
async function branchIfOlder(
	deps: PipelineDeps,
	ports: TurnPorts,
	conversation: Conversation,
	replyToMessageId: string | undefined,
	settings: Settings,
	requesterId: string,
): Promise<TurnView | undefined> {
	const index = olderResultIndex(conversation, replyToMessageId);
	if (index === undefined) return undefined;
	const view = await ports.branch({ conversation, index, settings });
	if (!view) return undefined;
	const title = view.title ?? conversation.title;
	await deps.store.saveConversation(
		branchConversation(conversation, index, { id: view.id, ownerId: requesterId, title }),
	);
	return view;
}

/** Queues the turn behind the conversation's earlier ones and plays it; the reservation is settled whatever happens. */
function enqueue(deps: PipelineDeps, queued: QueuedTurn): Promise<TurnOutcome> {
	const ticket = crypto.randomUUID().slice(0, 8);
	const { view } = queued;
	const queuedAt = Date.now();
	const play = (signal: AbortSignal) => {
		deps.metrics.turnDequeued(queued.request.entry, Date.now() - queuedAt);
		return playTurn(deps, queued, ticket, signal);
	};
	return deps.turns
		.run(view.id, play, { ticket, onWait: (position) => view.queued(position, ticket) })
		.then((outcome): TurnOutcome => outcome ?? { kind: "cancelled" })
		.finally(() => releaseQuietly(deps, queued.admission));
}

/** Returns a reservation that nothing settled yet (settling twice is a no-op); a store failure is logged, not thrown. */
async function releaseQuietly(deps: PipelineDeps, admission: Admission): Promise<void> {
	await settle(deps, admission, 0).catch((err: unknown) =>
		deps.logger.error({ err, module: "turn" }, "could not release the turn's quota reservation"),
	);
}
