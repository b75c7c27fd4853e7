// src/conversation/backgroundTurn.ts: a /background job as a turn: its mask before the thread opens, its results when it plays.
import { randomBytes } from "node:crypto";
import { computeMask, keepMaskOf } from "../background/chooseMask.js";
import { classicalSegmenter } from "../background/classicalSegmenter.js";
import { geminiSegmenter } from "../background/geminiSegmenter.js";
import { loadBackgroundInput } from "../background/loadInput.js";
import { type CallModel, makeResults, type ResultOutcome } from "../background/makeResults.js";
import { maskPreview } from "../background/maskPreview.js";
import { type PadPlan, padImage, planPadding, unpadImage } from "../background/padToAspect.js";
import { decodeImage, encodeForModel, encodeMaskPng, encodePng } from "../background/pixels.js";
import type { Segmenter } from "../background/segmenter.js";
import { type BackgroundJob, MAX_RESULTS, type Mask, type MaskSource, type RgbImage } from "../background/types.js";
import { UserInputError } from "../errors.js";
import type { GenerateOptions } from "../gemini/generate.js";
import { capabilitiesOf } from "../gemini/models.js";
import type { ContentPart, ModelReply, Usage } from "../gemini/types.js";
import type { Admission } from "./admit.js";
import { newConversation } from "./newConversation.js";
import type { PipelineDeps } from "./pipelineDeps.js";
import { PLACEHOLDER_SIGNATURE, runTurn } from "./runTurn.js";
import type { BackgroundMiss, PendingMask, TurnNote, TurnRequest } from "./turnRequest.js";
import type { BackgroundRecord, Exchange, InputImage } from "./types.js";

/** A job with its photo and keep-mask, ready to play. */
export type ReadyBackground = {
	job: BackgroundJob;
	prompt: string;
	image: RgbImage;
	/** The photo as a lossless PNG: the user image the exchange stores. */
	photo: Buffer;
	keep: Mask;
	source: MaskSource;
};

/** How long a doubtful mask waits for "Use this mask". */
const PENDING_TTL_MS = 60 * 60_000;
type PendingRecord = {
	photo: string;
	keep: string;
	source: MaskSource;
	requesterId: string;
	prompt: string;
	job: Omit<BackgroundJob, "confirmed">;
};

/** Refuses options outside their ranges (Discord's option limits already do; the domain checks again). */
export function checkBackgroundJob(job: BackgroundJob): void {
	if (!Number.isInteger(job.count) || job.count < 1 || job.count > MAX_RESULTS) {
		throw new UserInputError("optionOutOfRange", { option: "count", min: 1, max: MAX_RESULTS, got: job.count });
	}
	if (!Number.isFinite(job.dilation) || job.dilation < 0 || job.dilation > 1) {
		throw new UserInputError("optionOutOfRange", { option: "dilation", min: 0, max: 1, got: job.dilation });
	}
}

/** One image call under the turn's admission: the padded photo and an instruction, on a conversation of its own. */
function modelCaller(
	deps: PipelineDeps,
	admission: Admission,
	model: string,
	requesterId: string,
	call: GenerateOptions,
): CallModel {
	return async ({ jpeg, plan, instruction }) => {
		const image: InputImage = {
			data: jpeg,
			mimeType: "image/jpeg",
			width: plan.width,
			height: plan.height,
			firstFrameOnly: false,
		};
		const scratch = newConversation({
			id: "background",
			ownerId: requesterId,
			model,
			title: "",
			options: { output: "image" },
		});
		const { reply } = await runTurn(
			{
				generate: deps.generate,
				store: deps.store,
				vertex: Boolean(deps.config.gemini.vertex),
				history: deps.config.history,
			},
			scratch,
			{ text: instruction, images: [image], requesterId, options: { output: "image", aspect: plan.aspect } },
			admission,
			call,
		);
		return reply;
	};
}

/** The segmenters for a model: local first (free, fast), Gemini keying second (one image call, also finds people). */
function segmentersFor(callModel: CallModel, ratios: PadPlan["aspect"][], pixels: PipelineDeps["pixels"]): Segmenter[] {
	const ask = async (image: RgbImage, instruction: string) => {
		const plan = planPadding(image.width, image.height, ratios);
		const reply = await callModel({ jpeg: await encodeForModel(await padImage(image, plan)), plan, instruction });
		const part = reply.kind === "parts" ? reply.parts.find((candidate) => candidate.kind === "image") : undefined;
		if (part?.kind !== "image") return undefined;
		return unpadImage(await decodeImage(part.data), plan, image);
	};
	return [classicalSegmenter(pixels), geminiSegmenter(ask, pixels)];
}

/**
 * Loads the job's photo and finds its keep-mask: the member's mask, else the photo's transparency, else computed (see
 * computeMask). A computed mask in doubt is stored as pending and returned to be confirmed; a confirmed job loads it.
 */
export async function prepareBackground(
	deps: PipelineDeps,
	request: TurnRequest & { background: NonNullable<TurnRequest["background"]> },
	admission: Admission,
	model: string,
): Promise<{ kind: "ready"; ready: ReadyBackground } | { kind: "unsure"; pending: PendingMask }> {
	const { background: job } = request;
	if (job.confirmed) return { kind: "ready", ready: await loadPending(deps, job, request.text, request.asker.id) };
	const [photo] = request.attachments;
	if (!photo) throw new UserInputError("promptEmpty", {});
	const input = await loadBackgroundInput(photo, job.maskImage);
	const photoPng = await encodePng(input.image);
	const ready = (keep: Mask, source: MaskSource) =>
		({
			kind: "ready",
			ready: { job, prompt: request.text, image: input.image, photo: photoPng, keep, source },
		}) as const;
	if (input.userMask) return ready(await keepMaskOf(input.userMask, job, true, deps.pixels), "user");
	if (input.alpha && job.mode !== "people")
		return ready(await keepMaskOf(input.alpha, job, false, deps.pixels), "alpha");
	const call = modelCaller(deps, admission, model, request.asker.id, {
		signal: deps.lifecycle.interrupt,
		deadline: Date.now() + deps.config.turns.deadlineMs,
	});
	const chosen = await computeMask(
		input.image,
		job.mode === "people" ? "people" : "subject",
		segmentersFor(call, [...capabilitiesOf(model).aspectRatios], deps.pixels),
	);
	const keep = await keepMaskOf(chosen.subject, job, false, deps.pixels);
	if (chosen.doubts.length === 0) return ready(keep, chosen.source);
	const id = randomBytes(6).toString("hex");
	const record: PendingRecord = {
		photo: (await deps.store.putImage({ data: photoPng, mimeType: "image/png" })).sha256,
		keep: (await deps.store.putImage({ data: await encodeMaskPng(keep), mimeType: "image/png" })).sha256,
		source: chosen.source,
		requesterId: request.asker.id,
		prompt: request.text,
		job: { mode: job.mode, dilation: job.dilation, count: job.count, keepProduct: job.keepProduct },
	};
	await deps.store.keyv.set(`bgjob:${id}`, record, PENDING_TTL_MS);
	return {
		kind: "unsure",
		pending: { id, preview: await maskPreview(input.image, keep), source: chosen.source, doubts: chosen.doubts },
	};
}

/** The job a pending mask belongs to ("Use this mask" runs it again with the mask); undefined once expired or used. */
export async function pendingJob(
	deps: Pick<PipelineDeps, "store">,
	id: string,
): Promise<{ prompt: string; job: BackgroundJob; requesterId: string } | undefined> {
	const record = await deps.store.keyv.get<PendingRecord>(`bgjob:${id}`);
	return record && { prompt: record.prompt, job: { ...record.job, confirmed: id }, requesterId: record.requesterId };
}

/** Forgets a pending mask (Cancel under its preview). */
export async function dropPendingMask(deps: Pick<PipelineDeps, "store">, id: string): Promise<void> {
	await deps.store.keyv.delete(`bgjob:${id}`);
}

async function maskFrom(deps: Pick<PipelineDeps, "store">, sha256: string): Promise<Mask> {
	const png = await deps.store.getImage(sha256);
	if (!png) throw new Error("stored mask missing");
	const decoded = await decodeImage(png);
	return {
		width: decoded.width,
		height: decoded.height,
		data: Uint8Array.from({ length: decoded.width * decoded.height }, (_, i) =>
			(decoded.data[i * 3] as number) >= 128 ? 1 : 0,
		),
	};
}

async function loadPending(
	deps: PipelineDeps,
	job: BackgroundJob,
	prompt: string,
	requesterId: string,
): Promise<ReadyBackground> {
	const id = job.confirmed ?? "";
	const record = await deps.store.keyv.get<PendingRecord>(`bgjob:${id}`);
	if (!record || record.requesterId !== requesterId) throw new UserInputError("maskExpired", {});
	const photo = await deps.store.getImage(record.photo);
	if (!photo) throw new UserInputError("maskExpired", {});
	await deps.store.keyv.delete(`bgjob:${id}`);
	return {
		job,
		prompt,
		image: await decodeImage(photo),
		photo,
		keep: await maskFrom(deps, record.keep),
		source: record.source,
	};
}

/** A stored /background exchange made ready again, for a reroll. */
export async function restoreBackground(
	deps: Pick<PipelineDeps, "store">,
	exchange: Exchange,
): Promise<ReadyBackground | undefined> {
	const record = exchange.background;
	const photoPart = exchange.user.find((part) => part.kind === "image");
	if (!record || !photoPart || photoPart.kind !== "image") return undefined;
	const photo = await deps.store.getImage(photoPart.image.sha256);
	if (!photo) return undefined;
	const job: BackgroundJob = {
		mode: record.mode,
		dilation: record.dilation,
		count: record.count,
		keepProduct: record.keepProduct,
	};
	return {
		job,
		prompt: record.prompt,
		image: await decodeImage(photo),
		photo,
		keep: await maskFrom(deps, record.mask.sha256),
		source: record.source,
	};
}

/** What a played job hands the pipeline: one reply to show and commit, its notes, each block to log, its record. */
export type BackgroundPlayed = {
	reply: ModelReply;
	notes: TurnNote[];
	blocks: Extract<ModelReply, { kind: "blocked" | "refused" }>[];
	record: BackgroundRecord;
	/** The user side of the exchange: the photo and the member's words. */
	turn: { text: string; images: InputImage[] };
};

function missOf(outcome: Exclude<ResultOutcome, { kind: "image" }>): BackgroundMiss {
	if (outcome.kind === "drifted") return { kind: "drifted", iou: outcome.driftIou };
	if (outcome.kind === "tooLarge") return { kind: "tooLarge", bytes: outcome.bytes };
	const { reply } = outcome;
	if (reply.kind === "blocked")
		return {
			kind: "blocked",
			stage: reply.stage,
			reason: reply.reason,
			...(reply.category ? { category: reply.category } : {}),
		};
	if (reply.kind === "refused") return { kind: "refused", text: reply.text };
	return { kind: "failed", reason: reply.reason };
}

const addUsage = (total: Usage | undefined, usage: Usage | undefined): Usage | undefined =>
	usage
		? {
				promptTokens: (total?.promptTokens ?? 0) + usage.promptTokens,
				outputTokens: (total?.outputTokens ?? 0) + usage.outputTokens,
				totalTokens: (total?.totalTokens ?? 0) + usage.totalTokens,
			}
		: total;

/**
 * Plays a job under the turn's admission: `count` image calls within the deadline, each result mapped back,
 * drift-checked, composited and verified. The posted images form one reply (their signatures the documented
 * placeholder: they are not the model's own pixels); results not posted become notes, blocks go to the log.
 */
export async function playBackground(
	deps: PipelineDeps,
	ready: ReadyBackground,
	admission: Admission,
	model: string,
	requesterId: string,
	call: GenerateOptions,
): Promise<BackgroundPlayed> {
	const plan = planPadding(ready.image.width, ready.image.height, capabilitiesOf(model).aspectRatios);
	const outcomes = await makeResults(modelCaller(deps, admission, model, requesterId, call), deps.pixels, {
		image: ready.image,
		keep: ready.keep,
		plan,
		prompt: ready.prompt,
		job: ready.job,
	});
	const parts: ContentPart[] = [];
	const notes: TurnNote[] = [];
	const blocks: BackgroundPlayed["blocks"] = [];
	let usage: Usage | undefined;
	let firstMiss: ModelReply | undefined;
	for (const [index, outcome] of outcomes.entries()) {
		if (outcome.kind === "image") {
			parts.push({ kind: "image", data: outcome.png, mimeType: "image/png", thoughtSignature: PLACEHOLDER_SIGNATURE });
			usage = addUsage(usage, outcome.usage);
			continue;
		}
		if (outcome.kind === "noImage") {
			usage = addUsage(usage, outcome.reply.usage);
			if (outcome.reply.kind === "blocked" || outcome.reply.kind === "refused") blocks.push(outcome.reply);
			firstMiss ??= outcome.reply;
		}
		notes.push({ code: "backgroundMissed", index: index + 1, miss: missOf(outcome) });
	}
	const posted = parts.length;
	if (posted > 0)
		notes.unshift({ code: "backgroundKept", count: posted, source: ready.source, composited: ready.job.keepProduct });
	const reply: ModelReply =
		posted > 0
			? { kind: "parts", parts, truncated: false, ...(usage ? { usage } : {}) }
			: (firstMiss ?? { kind: "failed", reason: "NO_IMAGE" });
	const mask = await deps.store.putImage({ data: await encodeMaskPng(ready.keep), mimeType: "image/png" });
	return {
		reply,
		// A sole miss is the reply itself: its line would only repeat it.
		notes: posted === 0 && outcomes.length === 1 && firstMiss ? [] : notes,
		blocks,
		record: {
			mask,
			source: ready.source,
			mode: ready.job.mode,
			dilation: ready.job.dilation,
			count: ready.job.count,
			keepProduct: ready.job.keepProduct,
			verified: ready.job.keepProduct && posted > 0,
			prompt: ready.prompt,
		},
		turn: {
			text: ready.prompt,
			images: [
				{
					data: ready.photo,
					mimeType: "image/png",
					width: ready.image.width,
					height: ready.image.height,
					firstFrameOnly: false,
				},
			],
		},
	};
}
