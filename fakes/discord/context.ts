// What route handlers and user actions share: state, gateway, options and the test-visible logs.
import type { Gateway } from "./gateway.js";
import type { FakeState } from "./state.js";
import type { CdnOverride, RestCall } from "./types.js";

export interface FakeContext {
	state: FakeState;
	gateway: Gateway;
	options: {
		maxUploadBytes: number;
		interactionAckTimeoutMs: number;
		interactionTokenTtlMs: number;
		recommendedShards: number;
	};
	restCalls: RestCall[];
	unknownRoutes: string[];
	cdnOverrides: Map<string, CdnOverride>;
	/** Bugs in the fake itself (a handler threw something that is not an ApiError); answered with 500. */
	internalErrors: unknown[];
	/** Injected REST failures, consumed in order by the requests they match. */
	faults: RestFault[];
	/** Told of every REST call once it has been answered (benchmarks time the bot with it). */
	restListeners: Set<(call: RestCall, status: number) => void>;
}

/** Answer the next `times` requests matching `method` and `path` with this error instead of handling them. */
export interface RestFault {
	method: string;
	/** Matched against the path after /api/v10, e.g. /^\/channels\/\d+\/threads$/. */
	path: RegExp;
	status: number;
	code: number;
	message?: string;
	/** Default 1. */
	times?: number;
}

export interface UploadedFile {
	/** The form field, e.g. "files[0]". */
	field: string;
	/** n of files[n], used by `attachments: [{ id: n }]` references. */
	index: number;
	filename: string;
	contentType?: string;
	data: Buffer;
}

export interface RouteRequest {
	param(name: string): string;
	query: URLSearchParams;
	body: unknown;
	files: UploadedFile[];
}

export interface RouteResponse {
	status: number;
	body?: unknown;
}

export interface Route {
	method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
	pattern: string;
	/** Interaction callbacks and interaction webhooks carry no bot token. */
	auth?: false;
	handler(request: RouteRequest): RouteResponse | Promise<RouteResponse>;
}

export const noContent: RouteResponse = { status: 204 };

export function ok(body: unknown): RouteResponse {
	return { status: 200, body };
}
