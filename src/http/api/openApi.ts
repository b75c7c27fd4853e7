// src/http/api/openApi.ts: the OpenAPI 3.1 document, generated from the zod schemas the routes validate with.
import { type ZodType, z } from "zod";

/** A response of a route: JSON described by a schema, a PNG, or plain text; headers by component name. */
export type ResponseSpec = {
	description: string;
	json?: ZodType;
	png?: boolean;
	text?: boolean;
	headers?: ("Retry-After" | "X-Conversation-Id" | "X-Turn" | "WWW-Authenticate")[];
};

/** One route as both Fastify and the document see it. */
export type RouteSpec = {
	method: "get" | "post";
	/** OpenAPI style: `/v1/conversations/{id}/turns`. */
	path: string;
	operationId: string;
	summary: string;
	description?: string;
	/** Needs `Authorization: Bearer <token>`. */
	auth: boolean;
	body?: ZodType;
	params?: Record<string, { description: string; schema: ZodType }>;
	responses: Record<string, ResponseSpec>;
};

const HEADERS = {
	"Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } },
	"X-Conversation-Id": { description: "The conversation this turn belongs to.", schema: { type: "string" } },
	"X-Turn": { description: "The number of this turn in the conversation.", schema: { type: "integer" } },
	"WWW-Authenticate": { description: "Bearer.", schema: { type: "string" } },
} as const;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, without the `$schema` marker. */
function jsonSchemaOf(schema: ZodType, io: "input" | "output"): Record<string, unknown> {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
		target: "draft-2020-12",
		io,
		unrepresentable: "any",
	});
	return rest;
}

function responseOf(spec: ResponseSpec): Record<string, unknown> {
	const content: Record<string, unknown> = {};
	if (spec.json) content["application/json"] = { schema: jsonSchemaOf(spec.json, "output") };
	if (spec.png) content["image/png"] = { schema: { type: "string", contentMediaType: "image/png" } };
	if (spec.text) content["text/plain"] = { schema: { type: "string" } };
	return {
		description: spec.description,
		...(Object.keys(content).length > 0 ? { content } : {}),
		...(spec.headers
			? { headers: Object.fromEntries(spec.headers.map((name) => [name, { $ref: `#/components/headers/${name}` }])) }
			: {}),
	};
}

function operationOf(route: RouteSpec): Record<string, unknown> {
	return {
		operationId: route.operationId,
		summary: route.summary,
		...(route.description ? { description: route.description } : {}),
		security: route.auth ? [{ bearer: [] }] : [],
		...(route.params
			? {
					parameters: Object.entries(route.params).map(([name, param]) => ({
						name,
						in: "path",
						required: true,
						description: param.description,
						schema: jsonSchemaOf(param.schema, "input"),
					})),
				}
			: {}),
		...(route.body
			? {
					requestBody: {
						required: true,
						content: { "application/json": { schema: jsonSchemaOf(route.body, "input") } },
					},
				}
			: {}),
		responses: Object.fromEntries(Object.entries(route.responses).map(([status, spec]) => [status, responseOf(spec)])),
	};
}

/** The whole document for `routes`; `description` is the API's introduction. */
export function openApiDocument(routes: readonly RouteSpec[], info: { version: string; description: string }) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const route of routes) {
		paths[route.path] ??= {};
		(paths[route.path] as Record<string, unknown>)[route.method] = operationOf(route);
	}
	return {
		openapi: "3.1.0",
		info: { title: "Nano Banana threads: image API", version: info.version, description: info.description },
		paths,
		components: {
			securitySchemes: {
				bearer: { type: "http", scheme: "bearer", description: "One of the operator's HTTP_API_TOKENS." },
			},
			headers: HEADERS,
		},
	};
}
