// src/conversation/runTurn.ts: one Gemini conversation turn, and committing it once it produced an image.
import { buildRequest } from "../gemini/buildRequest.js";
import type { GenerateContent, GenerateOptions } from "../gemini/generate.js";
import { capabilitiesOf } from "../gemini/models.js";
import { parseReply } from "../gemini/parseReply.js";
import type { ContentPart, ModelReply, RequestTurn } from "../gemini/types.js";
import { toGeminiSafety } from "../moderation/geminiSafety.js";
import type { Admission } from "./admit.js";
import { type HistoryLimits, imageKey, planHistory } from "./historyBudget.js";
import type { Store } from "./store.js";
import type { BackgroundRecord, Conversation, Exchange, InputImage, StoredPart, UserTurn } from "./types.js";

/**
 * Google's documented stand-in signature for model parts we had to rewrite (an image left out of the context):
 * Gemini 3 image models refuse a replayed model part without one.
 */
export const PLACEHOLDER_SIGNATURE = "skip_thought_signature_validator";

/**
 * `vertex`: Gemini is reached through Vertex AI, which takes personGeneration where the Gemini API does not.
 * `history`: the operator's bounds on what a request replays (HISTORY_MAX_MB, HISTORY_MAX_IMAGES); default 20 MB, 5.
 */
export type TurnDeps = {
	generate: GenerateContent;
	store: Pick<Store, "getImage">;
	vertex: boolean;
	history?: HistoryLimits;
};
export type TurnResult = { reply: ModelReply; droppedImages: number };

async function resolvePart(
	part: StoredPart,
	role: "user" | "model",
	dropped: boolean,
	store: TurnDeps["store"],
): Promise<ContentPart> {
	const signature = part.thoughtSignature ? { thoughtSignature: part.thoughtSignature } : {};
	if (part.kind === "text") return { kind: "text", text: part.text, ...signature };
	const data = dropped ? undefined : await store.getImage(part.image.sha256);
	if (data) return { kind: "image", data, mimeType: part.image.mimeType, ...signature };
	const placeholder = "[An earlier image was left out here to keep the conversation within the model's limits.]";
	return role === "model" && part.thoughtSignature
		? { kind: "text", text: placeholder, thoughtSignature: PLACEHOLDER_SIGNATURE }
		: { kind: "text", text: placeholder };
}

/**
 * Builds the whole request for `turn` on top of the conversation's history, under the safety settings and people
 * rule of the admission's server settings, and returns what the model answered.
 */
export async function runTurn(
	deps: TurnDeps,
	conversation: Conversation,
	turn: UserTurn,
	admission: Admission,
	call: GenerateOptions,
): Promise<TurnResult> {
	const capabilities = capabilitiesOf(conversation.model);
	const plan = planHistory(
		conversation.exchanges,
		{ textLength: turn.text.length, imageBytes: turn.images.map((image) => image.data.length) },
		capabilities,
		deps.history,
	);
	const safety = toGeminiSafety(admission.settings, { model: conversation.model, vertex: deps.vertex });
	// The moderation instruction rides on this request only; history keeps what the member wrote.
	const text = safety.promptSuffix ? [turn.text, safety.promptSuffix].filter(Boolean).join("\n\n") : turn.text;
	const turns: RequestTurn[] = [];
	for (const [index, exchange] of conversation.exchanges.entries()) {
		if (index < plan.firstExchange) continue;
		for (const role of ["user", "model"] as const) {
			const parts = await Promise.all(
				exchange[role].map((part, partIndex) =>
					resolvePart(part, role, plan.droppedImages.has(imageKey(index, role, partIndex)), deps.store),
				),
			);
			turns.push({ role, parts });
		}
	}
	turns.push({
		role: "user",
		parts: [
			...turn.images.map((image): ContentPart => ({ kind: "image", data: image.data, mimeType: image.mimeType })),
			...(text ? [{ kind: "text", text } as const] : []),
		],
	});
	const request = buildRequest(turns, {
		model: conversation.model,
		...turn.options,
		safetySettings: safety.safetySettings,
		...(safety.personGeneration ? { personGeneration: safety.personGeneration } : {}),
		// Thoughts (summaries, drafts) only feed a preview: without one, nothing asks for them.
		...(call.onPreview ? { includeThoughts: true } : {}),
	});
	const { response, finishMessage } = await deps.generate(request, call);
	return { reply: parseReply(response, finishMessage), droppedImages: plan.droppedImages.size + plan.firstExchange };
}

export type TurnVersions = { user: number[]; model: number[] };

/** Numbers the turn's images: inputs already in the thread keep theirs, new inputs then outputs take the next ones. */
export function assignVersions(
	conversation: Pick<Conversation, "nextVersion">,
	turn: Pick<UserTurn, "images">,
	reply: Extract<ModelReply, { kind: "parts" }>,
): TurnVersions {
	let next = conversation.nextVersion;
	const user = turn.images.map((image) => image.version ?? next++);
	const model = reply.parts.filter((part) => part.kind === "image").map(() => next++);
	return { user, model };
}

export type CommitInfo = {
	droppedImages: number;
	versions: TurnVersions;
	messageIds: string[];
	ms: number;
	/** A reroll: the new answer replaces the last exchange instead of following it. */
	replaceLast?: boolean;
	/** A /background job's record (its mask is already stored). */
	background?: BackgroundRecord;
};

/** Stores the turn's images and appends (or, for a reroll, replaces) the exchange; only turns with an image are kept. */
export async function commitTurn(
	store: Pick<Store, "putImage" | "saveConversation">,
	conversation: Conversation,
	turn: UserTurn,
	reply: Extract<ModelReply, { kind: "parts" }>,
	info: CommitInfo,
): Promise<Conversation> {
	const user: StoredPart[] = [];
	for (const [index, image] of turn.images.entries()) {
		user.push({ kind: "image", image: await store.putImage(image), version: info.versions.user[index] ?? 0 });
	}
	if (turn.text) user.push({ kind: "text", text: turn.text });
	const model: StoredPart[] = [];
	let imageIndex = 0;
	for (const part of reply.parts) {
		const signature = part.thoughtSignature ? { thoughtSignature: part.thoughtSignature } : {};
		if (part.kind === "text") {
			model.push({ kind: "text", text: part.text, ...signature });
		} else {
			const version = info.versions.model[imageIndex++] ?? 0;
			model.push({ kind: "image", image: await store.putImage(part), version, ...signature });
		}
	}
	const exchange: Exchange = {
		turn: conversation.nextTurn,
		user,
		model,
		requesterId: turn.requesterId,
		modelId: conversation.model,
		options: turn.options,
		at: new Date().toISOString(),
		ms: info.ms,
		...(reply.usage ? { usage: reply.usage } : {}),
		messageIds: info.messageIds,
		...(info.background ? { background: info.background } : {}),
	};
	const kept = info.replaceLast ? conversation.exchanges.slice(0, -1) : conversation.exchanges;
	const updated: Conversation = {
		...conversation,
		exchanges: [...kept, exchange],
		nextTurn: conversation.nextTurn + 1,
		nextVersion: Math.max(
			conversation.nextVersion,
			...info.versions.user.map((v) => v + 1),
			...info.versions.model.map((v) => v + 1),
		),
		droppedImagesNotified: conversation.droppedImagesNotified || info.droppedImages > 0,
	};
	await store.saveConversation(updated);
	return updated;
}

/** Rebuilds the member's side of a stored exchange (for a reroll), loading its images from the store. */
export async function userTurnOf(store: Pick<Store, "getImage">, exchange: Exchange): Promise<UserTurn> {
	const images: InputImage[] = [];
	let text = "";
	for (const part of exchange.user) {
		if (part.kind === "text") {
			text = text ? `${text}\n${part.text}` : part.text;
			continue;
		}
		const data = await store.getImage(part.image.sha256);
		if (!data) continue;
		images.push({
			data,
			mimeType: part.image.mimeType,
			width: 0,
			height: 0,
			firstFrameOnly: false,
			version: part.version,
		});
	}
	return { text, images, requesterId: exchange.requesterId, options: exchange.options };
}
