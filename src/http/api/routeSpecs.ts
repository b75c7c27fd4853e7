// src/http/api/routeSpecs.ts: every route of the HTTP surface with its schemas: Fastify validates with them, OpenAPI shows them.
import { z } from "zod";
import type { ModelCapabilities } from "../../gemini/models.js";
import type { ResponseSpec, RouteSpec } from "./openApi.js";
import {
	blockedSchema,
	CONVERSATION_ID,
	errorSchema,
	generateImageSchema,
	guideBadRequestSchema,
	healthSchema,
	imageRequestSchema,
	imageResultSchema,
	noImageSchema,
	readinessSchema,
} from "./schemas.js";

const error = (description: string, headers?: ResponseSpec["headers"]): ResponseSpec => ({
	description,
	json: errorSchema,
	...(headers ? { headers } : {}),
});

/** The errors every turn route can answer. */
const TURN_ERRORS: Record<string, ResponseSpec> = {
	"400": error("Bad input: prompt empty or too long, unsupported aspect ratio or size, too many images, not an image."),
	"401": error("No token, or not one of the operator's tokens.", ["WWW-Authenticate"]),
	"413": error("The body, or one image, is too large."),
	"429": error("This token's rate limit or daily images, or Gemini's quota, are used up.", ["Retry-After"]),
	"502": error("Gemini refused the bot's request (its key or model); tell the operator."),
	"503": error("Gemini or the store is unavailable, or the service is restarting.", ["Retry-After"]),
	"504": error("Gemini did not answer within the turn's deadline, or the request timed out."),
};

const imageAnswers = (created: string): Record<string, ResponseSpec> => ({
	"200": {
		description: `${created} One image comes back as image/png unless Accept asks for application/json; several images, or Accept: application/json, come back as JSON with every image and text in order.`,
		png: true,
		json: imageResultSchema,
		headers: ["X-Conversation-Id", "X-Turn"],
	},
	...TURN_ERRORS,
	"422": {
		description:
			"No image: a safety filter blocked the prompt or withheld the image (error blocked, with reason, category and what to change), or the model answered with text only (error no_image_returned, with its text).",
		json: z.union([blockedSchema, noImageSchema]),
		headers: ["X-Conversation-Id"],
	},
});

/** The routes: health, readiness and metrics always; the image API and its page when tokens are set. */
export function routeSpecs(model: ModelCapabilities) {
	const imageRequest = imageRequestSchema(model);
	return {
		healthz: {
			method: "get",
			path: "/healthz",
			operationId: "health",
			summary: "The process is up.",
			auth: false,
			responses: { "200": { description: "Up.", json: healthSchema } },
		},
		readyz: {
			method: "get",
			path: "/readyz",
			operationId: "readiness",
			summary: "Connected to Discord's gateway and able to reach the store; ready for turns.",
			auth: false,
			responses: {
				"200": { description: "Ready.", json: readinessSchema },
				"503": { description: "Not ready; `reasons` says why.", json: readinessSchema },
			},
		},
		metrics: {
			method: "get",
			path: "/metrics",
			operationId: "metrics",
			summary: "Prometheus metrics (text exposition format).",
			auth: false,
			responses: { "200": { description: "Metrics.", text: true } },
		},
		createImage: {
			method: "post",
			path: "/v1/images",
			operationId: "createImage",
			summary: "Start a conversation: one turn from a prompt and optional input images.",
			auth: true,
			body: imageRequest,
			responses: imageAnswers("The first turn of a new conversation."),
		},
		continueConversation: {
			method: "post",
			path: "/v1/conversations/{id}/turns",
			operationId: "continueConversation",
			summary: "The next turn of a conversation this token started (its history and thought signatures replayed).",
			auth: true,
			params: {
				id: { description: "The conversation id from POST /v1/images.", schema: z.string().regex(CONVERSATION_ID) },
			},
			body: imageRequest,
			responses: {
				...imageAnswers("The next turn."),
				"404": error("No conversation with this id was created with this token."),
			},
		},
		generateImage: {
			method: "post",
			path: "/generate-image",
			operationId: "generateImage",
			summary: "The production guide's endpoint, unchanged: a prompt in, a PNG out.",
			description:
				"Body as the guide's Flask endpoint reads it (any Content-Type is parsed as JSON); imageOnly defaults to true. JSON answers are written as Flask writes them.",
			auth: true,
			body: generateImageSchema(model),
			responses: {
				"200": { description: "The first image, as a PNG.", png: true },
				"400": {
					description: 'The prompt is missing: exactly {"error":"prompt is required"}.',
					json: z.union([guideBadRequestSchema, errorSchema]),
				},
				"422": {
					description:
						'No image came back: {"error":"no_image_returned","messages":[the model\'s text]}; a block adds "blocked".',
					json: z.object({
						error: z.literal("no_image_returned"),
						messages: z.array(z.string()),
						blocked: blockedSchema.omit({ error: true, message: true }).optional(),
					}),
				},
				...Object.fromEntries(Object.entries(TURN_ERRORS).filter(([status]) => status !== "400")),
			},
		},
		openApi: {
			method: "get",
			path: "/openapi.json",
			operationId: "openApi",
			summary: "This document.",
			auth: false,
			responses: { "200": { description: "OpenAPI 3.1.", json: z.record(z.string(), z.unknown()) } },
		},
		playground: {
			method: "get",
			path: "/",
			operationId: "playground",
			summary: "A small web page to try the API with a token.",
			auth: false,
			responses: { "200": { description: "HTML.", text: true } },
		},
	} satisfies Record<string, RouteSpec>;
}
