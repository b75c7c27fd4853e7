// src/http/api/apiMessages.ts: the lines the HTTP API answers with (English), where the Discord texts do not fit.
import { CATEGORY_LABELS } from "../../discord/messages.js";
import type { FailureReason, SafetyCategory } from "../../gemini/types.js";

/** What to change when a filter blocked a request, by the category Gemini's codes name. */
const CATEGORY_HINTS: Partial<Record<SafetyCategory, string>> = {
	celebrity: "Describe a fictional person instead of naming or depicting a real, famous one.",
	people: "Leave people and faces out of the request.",
	child: "Leave children out of the request.",
	sexual: "Remove sexual or suggestive content from the prompt and the input images.",
	dangerous: "Remove weapons, drugs or other dangerous content from the request.",
	hate: "Remove hateful content or symbols from the request.",
	harassment: "Remove content that targets or demeans a person or group.",
	prohibited: "This content is not allowed; no rewording will change that.",
};

export const apiMessages = {
	unauthorized: "Send a valid API token as `Authorization: Bearer <token>`.",
	notFound: "No conversation with this id was created with your token.",
	routeNotFound: "There is no such route; GET /openapi.json lists them.",
	rateLimited: (limit: number, seconds: number) =>
		`This token may send ${limit} requests per minute; try again in ${seconds} s.`,
	dailyQuota: (limit: number, resetsAt: string) =>
		`This token has used its ${limit} images for today; more after ${resetsAt} (quotas reset daily at 00:00 UTC).`,
	cooldown: (seconds: number) => `Wait ${seconds} s before the next request.`,
	blocklisted: (matched: string) => `The prompt contains "${matched}", which this service does not allow.`,
	forbidden: "This token may not use the image API.",
	invalidJson: "The body is not valid JSON.",
	invalidRequest: (problems: string) => `The request is not valid: ${problems}`,
	unsupportedMediaType: "Send the body as JSON (Content-Type: application/json).",
	bodyTooLarge: (maxMb: number) =>
		`The request body is larger than ${maxMb} MB. Send smaller or fewer images (each at most 20 MiB).`,
	unsupportedValue: (field: string, accepted: readonly string[]) =>
		accepted.length > 0 ? `${field} must be one of ${accepted.join(", ")}.` : `This model takes no ${field}.`,
	geminiQuota: (seconds: number) => `Gemini's quota is used up; try again in about ${seconds} s.`,
	geminiUnavailable: "Gemini is overloaded or unavailable right now (the request was retried). Try again in a minute.",
	geminiTimeout: (seconds?: number) =>
		`Gemini did not answer in time${seconds ? ` (waited ${seconds} s, retries included)` : ""}. Try again, perhaps with a simpler request.`,
	geminiRejected: (ref: string) =>
		`Gemini refused the bot's request (not your input). Tell the operator, quoting ref ${ref}.`,
	requestTimeout: (seconds: number) =>
		`The request took longer than ${seconds} s, waiting in line included, so it was cancelled. Try again.`,
	shuttingDown: "The service is restarting and takes no new turns. Send the request again in a minute.",
	storeUnavailable: "The service cannot reach its storage right now. Nothing was lost; try again in a few seconds.",
	internal: (ref: string) => `Something went wrong on the service's side. Try again; if it persists, quote ref ${ref}.`,
	/** A blocked prompt or image: what was blocked, the category, what to change. */
	blocked: (stage: "prompt" | "output", category: SafetyCategory | undefined) =>
		`${stage === "prompt" ? "Gemini's safety filter blocked this prompt" : "Gemini made a result but its safety filter withheld it"}${category ? ` for ${CATEGORY_LABELS[category]}` : ""}.`,
	blockedHint: (category: SafetyCategory | undefined) =>
		(category && CATEGORY_HINTS[category]) ?? "Rephrase the request (and check the input images) and try again.",
	noImage: 'The model answered with text only. Ask for an image explicitly, e.g. "generate an image of …".',
	failure: {
		NO_IMAGE: "Gemini finished without making an image. Try again, or describe the image more concretely.",
		IMAGE_OTHER: "Gemini could not make this image and gave no reason. Try again or rephrase.",
		MAX_TOKENS: "Gemini ran out of room before it made an image. Ask for less in one turn.",
		OTHER: "Gemini stopped without an image for a reason it did not name. Try again.",
		EMPTY: "Gemini returned nothing. Try again in a moment.",
	} satisfies Record<FailureReason, string>,
};
