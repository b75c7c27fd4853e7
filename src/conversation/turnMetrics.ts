// src/conversation/turnMetrics.ts: what the turn pipeline reports as it goes; src/http/metrics.ts records it for Prometheus.
import type { ModelReply } from "../gemini/types.js";
import type { EntryPoint } from "./turnRequest.js";

/** How a turn ended, from the entry point that asked for it; `ms` from the moment it started playing, when it did. */
export type TurnEnd = { entry: EntryPoint } & (
	| { outcome: "reply"; reply: ModelReply; model: string; imagesIn: number; imagesOut: number; ms: number }
	/** Refused before it was queued (bad input, policy): `code` is the UserInputError or PolicyDenied code. */
	| { outcome: "refused"; code: string }
	/** `kind` names the failure as it was shown (gemini:deadline, geminiUnavailable, storeUnavailable, …). */
	| { outcome: "error"; kind: string; ms?: number }
	| { outcome: "cancelled"; ms: number }
);

export type TurnMetrics = {
	/** A turn ended; called once per turn. */
	turnEnded(end: TurnEnd): void;
	/** A queued turn reached the front of its conversation's line after waiting `ms`. */
	turnDequeued(entry: EntryPoint, ms: number): void;
};

/** A failure's kind for metrics when nothing classified it: its code when it has one, else its class's name. */
export function errorKindOf(err: unknown): string {
	if (err instanceof Error) {
		const code = (err as { code?: unknown }).code;
		return typeof code === "string" ? `${err.constructor.name}:${code}` : err.constructor.name;
	}
	return typeof err;
}
