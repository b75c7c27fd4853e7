// src/http/api/registerApi.ts: the image API's routes (v1, the guide's, OpenAPI, the playground) on the Fastify app.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PipelineDeps } from "../../conversation/pipelineDeps.js";
import type { TurnOptions } from "../../conversation/types.js";
import { capabilitiesOf } from "../../gemini/models.js";
import type { HttpApiConfig } from "../apiConfig.js";
import { PLAYGROUND_CSS, PLAYGROUND_HTML, PLAYGROUND_JS } from "../playground/page.js";
import { answerGuide, answerV1, flaskAnswer, type HttpAnswer, jsonAnswer } from "./answerTurn.js";
import { createAuthenticator, createRateLimit, unauthorized } from "./authenticate.js";
import type { ApiProblem } from "./describeApiError.js";
import { openApiDocument } from "./openApi.js";
import type { routeSpecs } from "./routeSpecs.js";
import { type ApiTurnInput, runApiTurn } from "./runApiTurn.js";
import type { GenerateImageRequest, ImageRequest } from "./schemas.js";
import { validationProblem } from "./validationProblem.js";

export type ApiContext = {
	deps: PipelineDeps;
	config: HttpApiConfig;
	/** Holds a request's work for shutdown's grace period, like a Discord handler's. */
	track(work: Promise<unknown>): void;
};

declare module "fastify" {
	interface FastifyRequest {
		/** The authenticated token's client id. */
		apiClient: string | undefined;
		/** The error code answered, for the request's log line. */
		apiError: string | undefined;
	}
}

export const GUIDE_ROUTE = "/generate-image";
const API_DESCRIPTION =
	"Gemini image conversations over HTTP, the same conversations (history, thought signatures, quotas, safety) as the Discord bot's threads. Authenticate with `Authorization: Bearer <token>`.";
const PAGE_HEADERS = {
	"content-security-policy":
		"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
	"x-content-type-options": "nosniff",
	"referrer-policy": "no-referrer",
};

export async function send(reply: FastifyReply, answer: HttpAnswer): Promise<void> {
	if (answer.error) reply.request.apiError = answer.error;
	await reply.code(answer.status).headers(answer.headers).send(answer.body);
}

const problemAnswer = (problem: ApiProblem, guide: boolean) =>
	(guide ? flaskAnswer : jsonAnswer)(problem.status, problem.body, problem.headers);

const wantsJson = (request: FastifyRequest) => /\bapplication\/json\b/i.test(request.headers.accept ?? "");

function optionsOf(body: { aspectRatio?: string | null; size?: string; imageOnly?: boolean | null }, guide: boolean) {
	const options: Partial<TurnOptions> = {};
	if (body.aspectRatio) options.aspect = body.aspectRatio as TurnOptions["aspect"];
	if (body.size) options.size = body.size as TurnOptions["size"];
	// The guide's imageOnly defaults to true and is read as Python truthiness (null is false).
	const imageOnly = guide ? (body.imageOnly === undefined ? true : Boolean(body.imageOnly)) : body.imageOnly;
	if (imageOnly !== undefined) options.output = imageOnly ? "image" : "image_and_text";
	return options;
}

/** Registers the API on `app`: bearer auth and the rate limit before any body is read, then the routes. */
export async function registerApi(app: FastifyInstance, context: ApiContext, specs: ReturnType<typeof routeSpecs>) {
	const { deps, config } = context;
	const model = capabilitiesOf(deps.config.gemini.model);
	const authenticator = createAuthenticator(config.tokens);
	const rateLimit = createRateLimit(deps.store.limiters, deps.config.storeNamespace, config.ratePerMinute);
	app.decorateRequest("apiClient", undefined);
	app.decorateRequest("apiError", undefined);
	const document = openApiDocument(Object.values(specs), { version: "1.0.0", description: API_DESCRIPTION });

	const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
		const guide = request.routeOptions.url === GUIDE_ROUTE;
		const clientId = authenticator.clientOf(request.headers.authorization);
		if (!clientId) return send(reply, problemAnswer(unauthorized, guide));
		request.apiClient = clientId;
		const limited = await rateLimit.take(clientId);
		if (limited) return send(reply, problemAnswer(limited, guide));
	};

	const runTurn = async (request: FastifyRequest, reply: FastifyReply, input: Omit<ApiTurnInput, "clientId">) => {
		const gone = new AbortController();
		reply.raw.on("close", () => {
			if (!reply.raw.writableFinished) gone.abort();
		});
		const signal = AbortSignal.any([gone.signal, AbortSignal.timeout(config.timeoutMs)]);
		const work = runApiTurn(deps, config, { ...input, clientId: request.apiClient ?? "" }, signal);
		context.track(work);
		return work;
	};

	const v1 = async (request: FastifyRequest, reply: FastifyReply, conversationId?: string) => {
		if (request.validationError)
			return send(reply, problemAnswer(validationProblem(request.validationError, model), false));
		const body = request.body as ImageRequest;
		const images = (body.images ?? []).map((image, index) => ({
			name: `images[${index}]`,
			data: Buffer.from(image.data, "base64"),
		}));
		const input = { prompt: body.prompt, images, options: optionsOf(body, false) };
		const result = await runTurn(request, reply, conversationId === undefined ? input : { ...input, conversationId });
		return send(reply, await answerV1(result, wantsJson(request), config.timeoutMs));
	};

	const route = { onRequest: authenticate, attachValidation: true } as const;
	await app.register(async (v1Scope) => {
		// JSON only: a text/plain body is 415, not a string that fails the schema.
		v1Scope.removeContentTypeParser("text/plain");
		v1Scope.post("/v1/images", { ...route, schema: { body: specs.createImage.body } }, (request, reply) =>
			v1(request, reply),
		);
		v1Scope.post<{ Params: { id: string } }>(
			"/v1/conversations/:id/turns",
			{ ...route, schema: { body: specs.continueConversation.body } },
			(request, reply) => v1(request, reply, request.params.id),
		);
	});

	await app.register(async (guideScope) => {
		// The guide reads its body with get_json(force=True): JSON whatever the Content-Type says.
		guideScope.removeAllContentTypeParsers();
		guideScope.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => {
			try {
				done(null, body === "" ? undefined : JSON.parse(body as string));
			} catch {
				done(Object.assign(new Error("invalid JSON"), { statusCode: 400, code: "INVALID_JSON" }), undefined);
			}
		});
		guideScope.post(GUIDE_ROUTE, { ...route, schema: { body: specs.generateImage.body } }, async (request, reply) => {
			const raw = request.body as Record<string, unknown> | undefined;
			const prompt = raw && typeof raw === "object" ? raw.prompt : undefined;
			// The guide's `if not prompt`: absent, null, "" (and, for a prompt of only spaces, the pipeline's promptEmpty).
			if (!prompt || (typeof prompt === "string" && !prompt.trim())) {
				return send(reply, flaskAnswer(400, { error: "prompt is required" }));
			}
			if (request.validationError)
				return send(reply, problemAnswer(validationProblem(request.validationError, model), true));
			const body = request.body as GenerateImageRequest;
			const result = await runTurn(request, reply, { prompt: body.prompt, images: [], options: optionsOf(body, true) });
			// A guide conversation has no id to continue it by: its record goes once the answer is made.
			if (result.kind === "reply")
				await deps.store.deleteConversation(result.delivery.conversationId).catch(() => false);
			return send(reply, await answerGuide(result, config.timeoutMs));
		});
	});

	app.get("/openapi.json", async (_request, reply) => send(reply, jsonAnswer(200, document)));
	const page = (type: string, body: string) => async (_request: FastifyRequest, reply: FastifyReply) =>
		send(reply, { status: 200, headers: { ...PAGE_HEADERS, "content-type": type }, body });
	app.get("/", page("text/html; charset=utf-8", PLAYGROUND_HTML));
	app.get("/playground.js", page("text/javascript; charset=utf-8", PLAYGROUND_JS));
	app.get("/playground.css", page("text/css; charset=utf-8", PLAYGROUND_CSS));
}
