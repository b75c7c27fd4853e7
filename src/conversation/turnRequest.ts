// src/conversation/turnRequest.ts: what an entry point hands the turn pipeline, the ports it answers through, and what comes back.
import type { BackgroundJob, MaskSource } from "../background/types.js";
import type { UserInputError } from "../errors.js";
import type { GeminiWait, StreamPreview } from "../gemini/generate.js";
import type { FailureReason, ModelReply, SafetyCategory } from "../gemini/types.js";
import type { PolicyDenied } from "../moderation/policyErrors.js";
import type { Settings } from "../moderation/settings.js";
import type { TurnAsker, TurnPlace } from "./admit.js";
import type { AttachmentInfo, LoadedImage } from "./prepareTurn.js";
import type { TurnVersions } from "./runTurn.js";
import type { Conversation, Exchange, TurnOptions } from "./types.js";

/** Which conversation the turn belongs to. */
export type TurnTarget =
	/** A new conversation; the ports open its channel (a thread, or the DM itself) once the turn is admitted. */
	| { kind: "start"; title: string }
	| {
			kind: "continue";
			conversationId: string;
			/** The member replied to this message: when it shows an older result, the turn branches from there. */
			replyToMessageId?: string;
			/** Run the exchange numbered `turn` again; refused as stale if it is no longer the latest. */
			reroll?: { turn: number };
	  };

/** Names the entry point in logs and metrics. */
export const ENTRY_POINTS = ["imagine", "message", "editModal", "editImage", "reroll", "http", "background"] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** One turn, as any entry point describes it: plain data, no Discord types. */
export type TurnRequest = {
	entry: EntryPoint;
	place: TurnPlace;
	asker: TurnAsker;
	text: string;
	attachments: readonly AttachmentInfo[];
	/** Images the entry point already holds (the HTTP API's base64), after the attachments; normalised the same way. */
	images?: readonly LoadedImage[];
	/** Options the member chose for this turn; the conversation's own fill the rest. */
	options?: Partial<TurnOptions>;
	target: TurnTarget;
	/**
	 * A product background job (/background): `attachments[0]` is the photo, `maskImage` the member's mask; the turn
	 * makes `count` results through the mask instead of one Gemini conversation turn.
	 */
	background?: BackgroundJob & { maskImage?: AttachmentInfo };
};

/** How one /background result ended when it was not posted. */
export type BackgroundMiss =
	| { kind: "blocked"; stage: "prompt" | "output"; reason: string; category?: SafetyCategory }
	| { kind: "refused"; text: string }
	| { kind: "failed"; reason: FailureReason }
	| { kind: "drifted"; iou: number }
	| { kind: "tooLarge"; bytes: number };

/** A line the pipeline wants shown with a result. */
export type TurnNote =
	| { code: "firstFrameOnly"; names: string[] }
	| { code: "imagesDropped"; kept: number }
	| { code: "uploadedVersions"; versions: number[] }
	/** /background: every posted result's kept pixels were verified identical to the photo (or not composited). */
	| { code: "backgroundKept"; count: number; source: MaskSource; composited: boolean }
	/** /background: result `index` (1-based) was not posted. */
	| { code: "backgroundMissed"; index: number; miss: BackgroundMiss };

/** A finished model answer, ready to be shown. */
export type TurnDelivery = {
	conversationId: string;
	/** The exchange number the result will be committed as (its buttons name it). */
	turn: number;
	requesterId: string;
	reply: ModelReply;
	versions: TurnVersions | undefined;
	notes: TurnNote[];
	/** Set for a block or refusal in a server: the moderation case behind its "Report a mistake" button. */
	caseId?: string;
};

/** How a failure was shown to the member, for the log line. */
export type ShownFailure = { ref: string; kind: string; level: "info" | "warn" | "error" };

/** The channel a conversation lives in, as the pipeline drives it. */
export type TurnView = {
	/** The conversation id (the thread's or DM's channel id). */
	id: string;
	/** The thread's name, when the view opened a thread: the conversation's title. */
	title?: string;
	/** The turn waits behind others: show (or update) its place in line, with a way to cancel `ticket`. */
	queued(position: number, ticket: string): void;
	/** The turn starts: the place-in-line notice goes, typing and the progress line begin. */
	started(ticket: string): Promise<void>;
	/** What the Gemini call is doing now (running again, waiting out a quota, backing off). */
	waiting(wait: GeminiWait): void;
	/**
	 * The answer so far while it streams (text, latest thought, latest draft image), when the channel's settings
	 * allow live previews; a view without it shows none.
	 */
	preview?(preview: StreamPreview): void;
	/** Posts the answer; resolves the ids of the messages that show it. */
	deliver(delivery: TurnDelivery): Promise<string[]>;
	/** Tells the member why the turn ended without an answer. */
	fail(err: unknown, model: string): Promise<ShownFailure>;
	/** The turn is over: typing stops and the progress line goes. */
	finished(): Promise<void>;
};

/** What the entry point does for the pipeline: acknowledge, and give it the channel to work in. */
export type TurnPorts = {
	/** The turn passed the checks and holds its quota: acknowledge the member now (defer, "On it"). */
	accepted(admitted: { settings: Settings }): Promise<void>;
	/** Opens the channel of a new conversation (a thread under the channel, or the DM itself). */
	open(start: { title: string; settings: Settings }): Promise<TurnView>;
	/** The channel of an existing conversation. */
	view(conversationId: string): TurnView;
	/** Opens a branch thread from `conversation`'s exchange at `index` and links the two threads; undefined when it cannot. */
	branch(from: { conversation: Conversation; index: number; settings: Settings }): Promise<TurnView | undefined>;
	/**
	 * /background computed a mask it is not sure of: show the member its preview with "Use this mask" and "Cancel".
	 * The turn then ends as cancelled, before any generation and with its quota returned; confirming starts a new one.
	 * Entry points without it never take background jobs.
	 */
	confirmMask?(pending: PendingMask): Promise<void>;
};

/** Expected refusals the member is told privately; nothing was reserved, nothing reached Gemini. */
export type TurnRefusal = UserInputError | PolicyDenied;

/** How a turn ended; the entry point renders what the pipeline did not already show. */
export type TurnOutcome =
	| { kind: "done"; conversationId: string; reply: ModelReply["kind"]; imagesOut: number }
	/** Refused before anything started (bad input, policy): tell the member privately. */
	| { kind: "refused"; refusal: TurnRefusal }
	/** Failed; `shown` says whether the member was already told in the conversation's channel. */
	| { kind: "failed"; error: unknown; shown: boolean }
	/** A reroll of a result that is no longer the latest. */
	| { kind: "stale"; latest: Exchange | undefined }
	| { kind: "cancelled" }
	/** No conversation lives where a turn continued one. */
	| { kind: "notAConversation" }
	/** The bot is shutting down and took no new turn. */
	| { kind: "stopping" };

/** A doubtful mask waiting for the member's "Use this mask" (kept in the store for an hour). */
export type PendingMask = { id: string; preview: Buffer; source: MaskSource; doubts: string[] };
