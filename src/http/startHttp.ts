// src/http/startHttp.ts: the HTTP surface on HTTP_PORT (Fastify): health, readiness, metrics and, with tokens, the image API.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { z } from "zod";
import { capabilitiesOf, DEFAULT_MODEL } from "../gemini/models.js";
import type { Logger } from "../logger.js";
import { flaskAnswer, jsonAnswer } from "./api/answerTurn.js";
import { apiMessages } from "./api/apiMessages.js";
import { type ApiContext, GUIDE_ROUTE, registerApi, send } from "./api/registerApi.js";
import { routeSpecs } from "./api/routeSpecs.js";
import type { Metrics } from "./metrics.js";
import { checkReadiness, type ReadinessCheck } from "./readiness.js";

export type HttpServer = {
	/** The port it listens on (useful when started on port 0). */
	port: number;
	/** Stops taking connections, answers requests already in (closing idle keep-alive ones), then resolves. */
	close(): Promise<void>;
};

export type HttpOptions = {
	port: number;
	/** Every interface by default: a container's health check and Prometheus reach it from outside. */
	host?: string;
	metrics: Metrics;
	/** What /readyz checks (gateway, store, shutdown), each re-run on every probe. */
	readiness: Record<string, ReadinessCheck>;
	logger: Logger;
	/** The image API, when HTTP_API_TOKENS is set. */
	api?: ApiContext;
};

/** Time to receive a whole request (headers and body): a slow client cannot hold a connection open for ever. */
const RECEIVE_TIMEOUT_MS = 60_000;
/** Bodies of routes that take none (and of everything when the API is off). */
const SMALL_BODY_BYTES = 64 * 1_024;
const QUIET_ROUTES = new Set(["/healthz", "/readyz", "/metrics"]);

/** Every interface: IPv6 and IPv4 where the machine has IPv6 (as Node's own default), else IPv4 only. */
async function listen(app: FastifyInstance, port: number, host?: string): Promise<void> {
	if (host) return void (await app.listen({ port, host }));
	try {
		await app.listen({ port, host: "::" });
	} catch (err) {
		if ((err as { code?: string }).code !== "EAFNOSUPPORT" && (err as { code?: string }).code !== "EADDRNOTAVAIL")
			throw err;
		await app.listen({ port, host: "0.0.0.0" });
	}
}

/** A body the framework refused before any handler: too large, not JSON, wrong type. */
function refusedBody(err: FastifyError, request: FastifyRequest, maxBodyBytes: number) {
	const guide = request.routeOptions.url === GUIDE_ROUTE;
	const write = guide ? flaskAnswer : jsonAnswer;
	if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
		return write(413, { error: "payload_too_large", message: apiMessages.bodyTooLarge(maxBodyBytes / 1_000_000) });
	}
	if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || err.statusCode === 415) {
		return write(415, { error: "unsupported_media_type", message: apiMessages.unsupportedMediaType });
	}
	if (err.statusCode === 400) return write(400, { error: "invalid_json", message: apiMessages.invalidJson });
	return undefined;
}

/**
 * Starts the server: GET /healthz (the process is up), GET /readyz (every readiness check passes, else 503 with the
 * reasons), GET /metrics (Prometheus), and the image API when `api` is given. Listens on every interface.
 */
export async function startHttp(options: HttpOptions): Promise<HttpServer> {
	const log = options.logger.child({ module: "http" });
	const maxBodyBytes = options.api?.config.maxBodyBytes ?? SMALL_BODY_BYTES;
	const app = Fastify({
		logger: false,
		bodyLimit: maxBodyBytes,
		requestTimeout: RECEIVE_TIMEOUT_MS,
		// While closing, requests on kept-alive connections get 503 and idle connections are closed.
		return503OnClosing: true,
		forceCloseConnections: "idle",
	});
	app.setValidatorCompiler(({ schema }) => (data) => {
		const result = (schema as z.ZodType).safeParse(data);
		return result.success ? { value: result.data } : { error: result.error };
	});
	const specs = routeSpecs(capabilitiesOf(options.api?.deps.config.gemini.model ?? DEFAULT_MODEL));

	app.addHook("onResponse", async (request, reply) => {
		const route = request.routeOptions.url ?? "unknown";
		const ms = reply.elapsedTime;
		options.metrics.httpRequest(route, reply.statusCode, ms);
		const fields = {
			request: request.id,
			method: request.method,
			route,
			status: reply.statusCode,
			ms: Math.round(ms),
			...(request.apiClient ? { client: request.apiClient } : {}),
			...(reply.getHeader("x-conversation-id") ? { conversation: reply.getHeader("x-conversation-id") } : {}),
			...(request.apiError ? { error: request.apiError } : {}),
		};
		if (QUIET_ROUTES.has(route)) log.debug(fields, "http request");
		else log.info(fields, "http request");
	});
	app.setErrorHandler(async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
		const refused = refusedBody(err, request, maxBodyBytes);
		if (refused) return send(reply, refused);
		log.error({ err, route: request.routeOptions.url }, "http handler failed");
		return send(reply, jsonAnswer(500, { error: "internal_error", message: "Something went wrong." }));
	});
	app.setNotFoundHandler(async (_request, reply) =>
		send(reply, jsonAnswer(404, { error: "not_found", message: apiMessages.routeNotFound })),
	);

	app.get("/healthz", async (_request, reply) => send(reply, jsonAnswer(200, { status: "ok" })));
	app.get("/readyz", async (_request, reply) => {
		const { ready, checks, reasons } = await checkReadiness(options.readiness);
		const body = ready ? { status: "ready", checks } : { status: "not_ready", checks, reasons };
		return send(reply, jsonAnswer(ready ? 200 : 503, body));
	});
	app.get("/metrics", async (_request, reply) =>
		send(reply, {
			status: 200,
			headers: { "content-type": options.metrics.registry.contentType },
			body: await options.metrics.registry.metrics(),
		}),
	);
	if (options.api) await registerApi(app, options.api, specs);

	await listen(app, options.port, options.host);
	const address = app.server.address();
	let closed: Promise<void> | undefined;
	return {
		port: typeof address === "object" && address ? address.port : options.port,
		close() {
			closed ??= app.close();
			return closed;
		},
	};
}
