// src/conversation/retention.ts: which image blobs each conversation references, so unreferenced blobs and idle conversations are deleted.
import type { Logger } from "../logger.js";
import type { Conversation } from "./types.js";

/**
 * A blob written less than this long ago is never deleted for having no reference: its turn is between storing its
 * images and saving the record that names them (milliseconds), or crashed there (the sweep takes it later).
 */
export const PENDING_GRACE_MS = 15 * 60 * 1_000;
/** How often each process sweeps; sweeps from several processes at once are safe (each step is atomic). */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1_000;
const DAY_MS = 24 * 60 * 60 * 1_000;

/**
 * The reference index beside the records (SQLite tables in the same file, or Redis sets under the namespace). Every
 * call is atomic on its backend, so processes sharing a Redis store never delete a blob another still references.
 */
export type RetentionIndex = {
	/** Records that `conversationId` now references exactly `hashes`; deletes blobs that lost their last reference. */
	track(conversationId: string, hashes: readonly string[], now: number): Promise<number>;
	/** Deletes the conversation's record and references, and the blobs only it referenced; returns blobs deleted. */
	forget(conversationId: string, now: number): Promise<number>;
	/** A blob was just written (or reused) and a record naming it is about to be saved. */
	markPending(sha256: string, now: number): Promise<void>;
	/** Conversations last saved before `before`, oldest first, at most `limit`. */
	idleSince(before: number, limit: number): Promise<string[]>;
	/** Deletes `conversationId` as `forget` does, but only if it was still last saved before `before`. */
	expire(conversationId: string, before: number, now: number): Promise<boolean>;
	/** Deletes blobs marked pending before `before` that nothing references; returns how many. */
	sweepPending(before: number, now: number): Promise<number>;
	/** Whether the index was built for the data already in the store (a store from before it existed is not). */
	isBuilt(): Promise<boolean>;
	markBuilt(): Promise<void>;
};

/** The backend's own key of a conversation's record and of an image blob, as keyv writes them. */
export type RawKeys = { record(conversationId: string): string; blob(sha256: string): string };

/** The distinct image hashes a conversation's record references. */
export function hashesOf(conversation: Pick<Conversation, "exchanges">): string[] {
	const hashes = new Set<string>();
	for (const exchange of conversation.exchanges) {
		for (const part of [...exchange.user, ...exchange.model]) if (part.kind === "image") hashes.add(part.image.sha256);
	}
	return [...hashes];
}

export type SweepResult = { expiredConversations: number; deletedImages: number };

/** One sweep: expires conversations idle longer than `ttlDays` (0 = never), then deletes orphaned pending blobs. */
export async function sweep(index: RetentionIndex, ttlDays: number, now = Date.now()): Promise<SweepResult> {
	let expiredConversations = 0;
	if (ttlDays > 0) {
		const before = now - ttlDays * DAY_MS;
		for (;;) {
			const ids = await index.idleSince(before, 200);
			for (const id of ids) if (await index.expire(id, before, now)) expiredConversations++;
			if (ids.length < 200) break;
		}
	}
	const deletedImages = await index.sweepPending(now - PENDING_GRACE_MS, now);
	return { expiredConversations, deletedImages };
}

/** Sweeps every SWEEP_INTERVAL_MS (first after a minute) until stopped; a failed sweep is logged and retried next time. */
export function startSweeping(
	run: () => Promise<SweepResult>,
	logger: Logger,
	intervalMs = SWEEP_INTERVAL_MS,
): { stop(): Promise<void> } {
	let running: Promise<void> | undefined;
	const tick = () => {
		if (running) return;
		running = run()
			.then((result) => {
				if (result.expiredConversations > 0 || result.deletedImages > 0) logger.info(result, "retention sweep");
			})
			.catch((err: unknown) => logger.warn({ err }, "retention sweep failed"))
			.finally(() => {
				running = undefined;
			});
	};
	const first = setTimeout(tick, Math.min(60_000, intervalMs));
	const timer = setInterval(tick, intervalMs);
	first.unref();
	timer.unref();
	return {
		async stop() {
			clearTimeout(first);
			clearInterval(timer);
			await running;
		},
	};
}
