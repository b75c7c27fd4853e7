// The HTTP side: REST under /api/v10 (JSON or multipart), the CDN under /cdn and /media, unknown routes logged.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeContext, Route, RouteRequest, RouteResponse, UploadedFile } from "./context.js";
import { ApiError, apiErrors, invalidForm } from "./errors.js";
import type { RestCall } from "./types.js";

const API_PREFIX = "/api/v10";

interface ParsedBody {
	body: unknown;
	files: UploadedFile[];
}

export function createRequestHandler(context: FakeContext, routes: Route[]) {
	const compiled = routes.map((route) => ({ route, segments: route.pattern.split("/").filter(Boolean) }));

	function match(method: string, path: string): { route: Route; params: Map<string, string> } | undefined {
		const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
		for (const { route, segments } of compiled) {
			if (route.method !== method || segments.length !== parts.length) continue;
			const params = new Map<string, string>();
			const matches = segments.every((segment, index) => {
				const part = parts[index] ?? "";
				if (segment.startsWith(":")) {
					params.set(segment.slice(1), part);
					return true;
				}
				return segment === part;
			});
			if (matches) return { route, params };
		}
		return undefined;
	}

	return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const url = new URL(request.url ?? "/", "http://127.0.0.1");
		const method = request.method ?? "GET";
		if (url.pathname.startsWith("/cdn/") || url.pathname.startsWith("/media/")) {
			await serveCdn(context, url.pathname, method, response);
			return;
		}
		const raw = await readBody(request);
		let answered: RestCall | undefined;
		response.once("finish", () => {
			if (answered) for (const listener of context.restListeners) listener(answered, response.statusCode);
		});
		const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
		try {
			const parsed = await parseBody(request, raw);
			const auth = request.headers.authorization;
			const call: RestCall = {
				method,
				path,
				query: url.search.slice(1),
				...(parsed.body !== undefined ? { body: parsed.body } : {}),
				...(parsed.files.length > 0
					? {
							files: parsed.files.map((file) => ({
								name: file.field,
								filename: file.filename,
								size: file.data.length,
							})),
						}
					: {}),
				...(auth !== undefined ? { auth } : {}),
			};
			context.restCalls.push(call);
			answered = call;
			const found = url.pathname.startsWith(`${API_PREFIX}/`) ? match(method, path) : undefined;
			if (!found) {
				context.unknownRoutes.push(`${method} ${path}`);
				throw apiErrors.notFound();
			}
			if (found.route.auth !== false && auth !== `Bot ${context.state.token}`) throw apiErrors.unauthorized();
			const fault = context.faults.find((candidate) => candidate.method === method && candidate.path.test(path));
			if (fault) {
				fault.times = (fault.times ?? 1) - 1;
				if (fault.times <= 0) context.faults.splice(context.faults.indexOf(fault), 1);
				throw new ApiError(fault.status, { code: fault.code, message: fault.message ?? "injected failure" });
			}
			if (parsed.files.some((file) => file.data.length > context.options.maxUploadBytes)) throw apiErrors.tooLarge();
			const routeRequest: RouteRequest = {
				param: (name) => found.params.get(name) ?? "",
				query: url.searchParams,
				body: parsed.body,
				files: parsed.files,
			};
			send(response, await found.route.handler(routeRequest));
		} catch (error) {
			if (error instanceof ApiError) {
				send(response, { status: error.status, body: error.body });
				return;
			}
			context.internalErrors.push(error);
			console.error("fake Discord: handler failed", method, path, error);
			send(response, { status: 500, body: { code: 0, message: "500: Internal Server Error" } });
		}
	};
}

function send(response: ServerResponse, result: RouteResponse): void {
	if (result.body === undefined) {
		response.writeHead(result.status).end();
		return;
	}
	const json = Buffer.from(JSON.stringify(result.body));
	response.writeHead(result.status, { "Content-Type": "application/json", "Content-Length": json.length }).end(json);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** JSON bodies, or multipart with payload_json and files[n] (parsed with the Web Request API). */
async function parseBody(request: IncomingMessage, raw: Buffer): Promise<ParsedBody> {
	const contentType = request.headers["content-type"] ?? "";
	if (raw.length === 0) return { body: undefined, files: [] };
	if (contentType.startsWith("multipart/form-data")) {
		const form = await new Request("http://127.0.0.1/", {
			method: "POST",
			headers: { "content-type": contentType },
			body: raw,
		}).formData();
		const files: UploadedFile[] = [];
		let body: unknown;
		const fields: Record<string, unknown> = {};
		for (const [field, value] of form.entries()) {
			if (typeof value === "string") {
				if (field === "payload_json") body = parseJson(value);
				else fields[field] = value;
				continue;
			}
			const index = Number(/^files\[(\d+)\]$/.exec(field)?.[1] ?? files.length);
			const file: UploadedFile = { field, index, filename: value.name, data: Buffer.from(await value.arrayBuffer()) };
			if (value.type) file.contentType = value.type;
			files.push(file);
		}
		return { body: body ?? (Object.keys(fields).length > 0 ? fields : undefined), files };
	}
	return { body: parseJson(raw.toString("utf8")), files: [] };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw invalidForm("_body", "JSON_DECODE", "The request body contains invalid JSON.");
	}
}

/** Serves attachment bytes, honouring per-attachment overrides (status, delay, body, missing Content-Length). */
async function serveCdn(
	context: FakeContext,
	pathname: string,
	method: string,
	response: ServerResponse,
): Promise<void> {
	const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
	const [, folder, , attachmentId, filename] = parts;
	const attachment = attachmentId ? context.state.attachments.get(attachmentId) : undefined;
	const known = parts.length === 5 && (folder === "attachments" || folder === "ephemeral-attachments");
	if (!known || !attachment || attachment.filename !== filename || (method !== "GET" && method !== "HEAD")) {
		response.writeHead(404, { "Content-Type": "text/plain" }).end("This content is no longer available.");
		return;
	}
	const override = context.cdnOverrides.get(attachment.id) ?? context.cdnOverrides.get(attachment.filename) ?? {};
	if (override.delayMs) await sleep(override.delayMs);
	const status = override.status ?? 200;
	const body = override.body ?? (status === 200 ? attachment.data : Buffer.from(`${status}`));
	const headers: Record<string, string | number> = {
		"Content-Type": override.contentType ?? attachment.content_type ?? "application/octet-stream",
		"Cache-Control": "public, max-age=31536000",
	};
	if (!override.omitLength) headers["Content-Length"] = body.length;
	response.writeHead(status, headers);
	if (method === "HEAD") {
		response.end();
		return;
	}
	if (override.omitLength) {
		// Chunked transfer: the client only learns the size by reading to the end.
		for (let offset = 0; offset < body.length; offset += 64 * 1024)
			response.write(body.subarray(offset, offset + 64 * 1024));
		response.end();
		return;
	}
	response.end(body);
}
