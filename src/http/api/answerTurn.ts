// src/http/api/answerTurn.ts: an API turn's result as an HTTP answer, for the /v1 routes and for the guide's route.
import sharp from "sharp";
import { CATEGORY_LABELS } from "../../discord/messages.js";
import type { ModelReply } from "../../gemini/types.js";
import { apiMessages } from "./apiMessages.js";
import { type ApiProblem, describeApiError } from "./describeApiError.js";
import { flaskJson } from "./flaskJson.js";
import type { ApiTurnResult } from "./runApiTurn.js";
import type { ImageResult } from "./schemas.js";

/** `error`: the error code answered, for the request's log line. */
export type HttpAnswer = { status: number; headers: Record<string, string>; body: Buffer | string; error?: string };

const JSON_TYPE = "application/json; charset=utf-8";

const errorOf = (body: unknown) => {
	const error = (body as { error?: unknown } | undefined)?.error;
	return typeof error === "string" ? { error } : {};
};

/** A JSON answer, with Retry-After or other headers. */
export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
	status,
	...errorOf(body),
	headers: { ...headers, "content-type": JSON_TYPE },
	body: JSON.stringify(body),
});

/** The same, written as the guide's Flask endpoint writes JSON (sorted keys, ASCII, trailing newline). */
export const flaskAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
	status,
	...errorOf(body),
	headers: { ...headers, "content-type": "application/json" },
	// A Buffer, so that the framework adds no charset to the Content-Type Flask sends.
	body: Buffer.from(flaskJson(body), "utf8"),
});

const problemAnswer = (problem: ApiProblem, write = jsonAnswer) => write(problem.status, problem.body, problem.headers);

/** PNG bytes of an output image (Gemini usually sends PNG; anything else is converted). */
const asPng = async (image: { data: Buffer; mimeType: string }) =>
	image.mimeType === "image/png" ? image.data : await sharp(image.data).png().toBuffer();

/** The 422 body of a reply without an image: blocked (reason, category, what to change) or text only. */
export function noImageBody(reply: Exclude<ModelReply, { kind: "parts" }>): Record<string, unknown> {
	switch (reply.kind) {
		case "blocked":
			return {
				error: "blocked",
				message: apiMessages.blocked(reply.stage, reply.category),
				stage: reply.stage,
				reason: reply.reason,
				category: reply.category ?? null,
				categoryLabel: reply.category ? CATEGORY_LABELS[reply.category] : null,
				codes: reply.codes,
				hint: apiMessages.blockedHint(reply.category),
			};
		case "refused":
			return { error: "no_image_returned", message: apiMessages.noImage, messages: [reply.text] };
		case "failed":
			return {
				error: "no_image_returned",
				message: apiMessages.failure[reply.reason],
				reason: reply.reason,
				messages: reply.text ? [reply.text] : [],
			};
	}
}

/** Answers for results that are not a delivered reply, shared by every route; `write` picks the JSON style. */
function answerOther(result: Exclude<ApiTurnResult, { kind: "reply" }>, timeoutMs: number, write = jsonAnswer) {
	switch (result.kind) {
		case "refused":
			return problemAnswer(describeApiError(result.refusal), write);
		case "failed":
			return problemAnswer(describeApiError(result.error), write);
		case "notFound":
			return write(404, { error: "not_found", message: apiMessages.notFound });
		case "stopping":
			return write(503, { error: "shutting_down", message: apiMessages.shuttingDown }, { "retry-after": "60" });
		case "cancelled":
			// 499 (client closed request) only reaches the log: the client is gone.
			return result.timedOut
				? write(504, { error: "request_timeout", message: apiMessages.requestTimeout(Math.round(timeoutMs / 1_000)) })
				: write(499, { error: "client_closed_request", message: "The client closed the connection." });
	}
}

/**
 * POST /v1/images and turns: one image as image/png unless the client asked for JSON, else JSON with every image
 * and text in order and the conversation id; the conversation id is also in X-Conversation-Id.
 */
export async function answerV1(result: ApiTurnResult, wantsJson: boolean, timeoutMs: number): Promise<HttpAnswer> {
	if (result.kind !== "reply") return answerOther(result, timeoutMs);
	const { reply, conversationId, turn } = result.delivery;
	const ids = { "x-conversation-id": conversationId, "x-turn": String(turn) };
	if (reply.kind !== "parts") return jsonAnswer(422, { ...noImageBody(reply), id: conversationId }, ids);
	const images = reply.parts.flatMap((part) => (part.kind === "image" ? [part] : []));
	const [only] = images;
	if (only && images.length === 1 && !wantsJson) {
		return { status: 200, headers: { ...ids, "content-type": "image/png" }, body: await asPng(only) };
	}
	const body: ImageResult = {
		id: conversationId,
		turn,
		images: images.map((image) => ({ mimeType: image.mimeType, data: image.data.toString("base64") })),
		text: reply.parts.flatMap((part) => (part.kind === "text" && part.text ? [part.text] : [])),
		parts: reply.parts.map((part) =>
			part.kind === "text"
				? { kind: "text" as const, text: part.text }
				: { kind: "image" as const, mimeType: part.mimeType, data: part.data.toString("base64") },
		),
	};
	return jsonAnswer(200, body, ids);
}

/**
 * POST /generate-image, as the guide answers: the first image as a PNG, else 422
 * {"error":"no_image_returned","messages":[...]} (a block adds a "blocked" object with its reason and category).
 */
export async function answerGuide(result: ApiTurnResult, timeoutMs: number): Promise<HttpAnswer> {
	if (result.kind !== "reply") return answerOther(result, timeoutMs, flaskAnswer);
	const { reply } = result.delivery;
	if (reply.kind === "parts") {
		const image = reply.parts.find((part) => part.kind === "image");
		if (image) return { status: 200, headers: { "content-type": "image/png" }, body: await asPng(image) };
	}
	if (reply.kind === "blocked") {
		const { error: _error, message, ...blocked } = noImageBody(reply);
		return flaskAnswer(422, { error: "no_image_returned", messages: [message], blocked });
	}
	const messages = reply.kind === "refused" ? [reply.text] : reply.kind === "failed" && reply.text ? [reply.text] : [];
	return flaskAnswer(422, { error: "no_image_returned", messages });
}
