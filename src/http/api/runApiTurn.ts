// src/http/api/runApiTurn.ts: one HTTP API turn through the one turn pipeline, with a view that collects the answer.
import { randomUUID } from "node:crypto";
import type { PipelineDeps } from "../../conversation/pipelineDeps.js";
import type { LoadedImage } from "../../conversation/prepareTurn.js";
import { startTurn } from "../../conversation/startTurn.js";
import type { TurnDelivery, TurnPorts, TurnRefusal, TurnRequest, TurnView } from "../../conversation/turnRequest.js";
import type { TurnOptions } from "../../conversation/types.js";
import type { HttpApiConfig } from "../apiConfig.js";
import { describeApiError } from "./describeApiError.js";
import { CONVERSATION_ID } from "./schemas.js";

export type ApiTurnInput = {
	clientId: string;
	prompt: string;
	images: LoadedImage[];
	options: Partial<TurnOptions>;
	/** Undefined: a new conversation. */
	conversationId?: string;
};

export type ApiTurnResult =
	| { kind: "reply"; delivery: TurnDelivery }
	| { kind: "refused"; refusal: TurnRefusal }
	| { kind: "failed"; error: unknown }
	/** No conversation with that id belongs to this client (a Discord thread, another token's, or none). */
	| { kind: "notFound" }
	| { kind: "stopping" }
	/** The client went away or the request timed out; the turn was cancelled (nothing kept or counted). */
	| { kind: "cancelled"; timedOut: boolean };

/** The member id an API client's turns run as: never a Discord id, so a token owns exactly its own conversations. */
export const askerIdOf = (clientId: string) => `api:${clientId}`;

/** A fresh conversation id: 32 hex digits, which no Discord channel id (decimal) can equal. */
const newConversationId = () => randomUUID().replaceAll("-", "");

/**
 * Runs one turn for an API client: a new conversation, or the next turn of one this client created (refused as not
 * found otherwise). `signal` (the client went away, or the request timed out) cancels the turn wherever it is.
 */
export async function runApiTurn(
	deps: PipelineDeps,
	api: Pick<HttpApiConfig, "dailyImages">,
	input: ApiTurnInput,
	signal: AbortSignal,
): Promise<ApiTurnResult> {
	const askerId = askerIdOf(input.clientId);
	if (input.conversationId !== undefined) {
		if (!CONVERSATION_ID.test(input.conversationId)) return { kind: "notFound" };
		const owned = await deps.store.getConversation(input.conversationId).catch((error: unknown) => ({ error }));
		if (owned && "error" in owned) return { kind: "failed", error: owned.error };
		if (!owned || owned.ownerId !== askerId) return { kind: "notFound" };
	}
	let delivery: TurnDelivery | undefined;
	let failure: { error: unknown } | undefined;
	let running: { id: string; ticket: string } | undefined;
	const cancel = () => {
		if (running) deps.turns.cancel(running.id, running.ticket);
	};
	const holdTicket = (id: string, ticket: string) => {
		running = { id, ticket };
		// Cancelled before the pipeline handed out a ticket: cancel as soon as there is one.
		if (signal.aborted) queueMicrotask(cancel);
	};
	signal.addEventListener("abort", cancel, { once: true });
	const view = (id: string): TurnView => ({
		id,
		queued: (_position, ticket) => holdTicket(id, ticket),
		started: async (ticket) => holdTicket(id, ticket),
		waiting: () => {},
		async deliver(delivered) {
			delivery = delivered;
			return [`http-${delivered.turn}`];
		},
		async fail(error) {
			failure = { error };
			const problem = describeApiError(error);
			return { ref: problem.body.ref ?? "-", kind: problem.body.error, level: problem.level };
		},
		finished: async () => {},
	});
	const ports: TurnPorts = {
		accepted: async () => {},
		open: async () => view(newConversationId()),
		view,
		branch: async () => undefined,
	};
	const request: TurnRequest = {
		entry: "http",
		place: {
			kind: "api",
			clientId: input.clientId,
			limits: { cooldownSeconds: 0, memberDailyImages: api.dailyImages, serverDailyImages: 0 },
		},
		asker: { id: askerId, roleIds: [], isManager: false },
		text: input.prompt,
		attachments: [],
		images: input.images,
		options: input.options,
		target:
			input.conversationId === undefined
				? { kind: "start", title: input.prompt.slice(0, 100) }
				: { kind: "continue", conversationId: input.conversationId },
	};
	try {
		// A turn that cannot start (the store unreachable, say) is a failure to describe, not a crash of the request.
		const outcome = await startTurn(deps, request, ports).catch((error: unknown) => ({
			kind: "thrown" as const,
			error,
		}));
		if (outcome.kind === "thrown") return { kind: "failed", error: outcome.error };
		switch (outcome.kind) {
			case "done":
				return delivery ? { kind: "reply", delivery } : { kind: "failed", error: new Error("no delivery") };
			case "refused":
				return { kind: "refused", refusal: outcome.refusal };
			case "failed":
				return { kind: "failed", error: failure?.error ?? outcome.error };
			case "notAConversation":
				return { kind: "notFound" };
			case "stopping":
				return { kind: "stopping" };
			case "cancelled":
			case "stale":
				return {
					kind: "cancelled",
					timedOut: signal.aborted && signal.reason instanceof DOMException && signal.reason.name === "TimeoutError",
				};
		}
	} finally {
		signal.removeEventListener("abort", cancel);
	}
}
