// src/conversation/types.ts: the conversation domain, plain data only (what the store keeps and runTurn takes).
import type { MaskMode, MaskSource } from "../background/types.js";
import type { AspectRatio, ImageSize } from "../gemini/models.js";
import type { OutputMode, Usage } from "../gemini/types.js";

/** An image kept in the blob store under the sha256 of its bytes. */
export type ImageRef = { sha256: string; mimeType: string; bytes: number };

/** One part of a stored turn; thoughtSignature is kept verbatim and replayed as it came. */
export type StoredPart =
	| { kind: "text"; text: string; thoughtSignature?: string }
	| { kind: "image"; image: ImageRef; version: number; thoughtSignature?: string };

/** A committed user turn and the model's answer to it. */
export type Exchange = {
	/** Unique within the conversation and never reused (undo and reroll retire numbers), so buttons can name it. */
	turn: number;
	user: StoredPart[];
	model: StoredPart[];
	requesterId: string;
	modelId: string;
	options: TurnOptions;
	at: string;
	ms: number;
	usage?: Usage;
	/** The bot's messages that show this result, in order; the last one carries the buttons. */
	messageIds: string[];
	/** Set on a /background result: how it was made, for Info and for a reroll. */
	background?: BackgroundRecord;
};

/** A /background exchange's job: its user image is the photo (lossless PNG); `mask` the keep-mask it composited through. */
export type BackgroundRecord = {
	mask: ImageRef;
	source: MaskSource;
	mode: MaskMode;
	dilation: number;
	count: number;
	keepProduct: boolean;
	/** Every posted result's fully opaque kept pixels equal the photo's. */
	verified: boolean;
	prompt: string;
};

/** Options a turn runs with; a thread keeps those of its /imagine unless a later /imagine changes them. */
export type TurnOptions = { aspect?: AspectRatio; output: OutputMode; size?: ImageSize };

/** A thread's (or DM's) image conversation as stored. */
export type Conversation = {
	id: string;
	guildId?: string;
	ownerId: string;
	model: string;
	title: string;
	options: TurnOptions;
	exchanges: Exchange[];
	/** Next image version (v1, v2, …): every image in the thread, uploaded or generated, gets one. */
	nextVersion: number;
	/** Next turn number. */
	nextTurn: number;
	/** Set on a branch: the thread and turn it was branched from. */
	branchOf?: { conversationId: string; turn: number };
	/** Set once the thread has been told that older images no longer fit the model's context. */
	droppedImagesNotified: boolean;
};

/** An input image after normalisation: bytes a model accepts, and what was done to them. */
export type InputImage = {
	data: Buffer;
	mimeType: string;
	width: number;
	height: number;
	/** True when an animated image was reduced to its first frame. */
	firstFrameOnly: boolean;
	/** Set when the image is already in the thread (a reroll reuses its inputs), so it keeps its version. */
	version?: number;
};

/** What the member said in this turn. */
export type UserTurn = {
	text: string;
	images: InputImage[];
	requesterId: string;
	options: TurnOptions;
};
