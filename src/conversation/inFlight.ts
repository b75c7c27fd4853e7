// src/conversation/inFlight.ts: durable markers for turns in progress, so a restart after a crash can tell their threads.
import type Keyv from "keyv";
import type { Quotas, Reservation } from "../moderation/quotas.js";
import { serializeByKey } from "../moderation/serializeByKey.js";

/** A turn that started and has not yet finished, with the quota it holds. */
export type InFlightTurn = { conversationId: string; requesterId: string; startedAt: string; reservation: Reservation };

export type InFlight = {
	/** Records that a turn started running in this conversation (one at a time per conversation). */
	mark(turn: InFlightTurn): Promise<void>;
	/** The turn ended (committed, failed and told, or cancelled). */
	clear(conversationId: string): Promise<void>;
	/** Every turn a previous run of the bot left unfinished; each is removed as it is returned. */
	takeAll(): Promise<InFlightTurn[]>;
};

/** The marker record of the process running `shardIds`: each shard's process restarts and recovers its own. */
export function inFlightKey(shardIds: readonly number[]): string {
	return `inflight:shards:${[...shardIds].sort((a, b) => a - b).join(",")}`;
}

/** Where markers lived before shards had a record each; shard 0 recovers them once. */
const LEGACY_KEY = "inflight";

/**
 * Keeps the markers in one record of the conversations' keyv per process (`inFlightKey` of its shards), updated in
 * call order within the process, so a SIGKILL mid-turn leaves the marker behind for that shard's next start; other
 * processes sharing the store never touch it (a conversation's turns all run in the process that holds its shard).
 */
export function createInFlight(keyv: Keyv, key = inFlightKey([0])): InFlight {
	const serially = serializeByKey();
	const update = (change: (turns: Record<string, InFlightTurn>) => void) =>
		serially(key, async () => {
			const turns = (await keyv.get<Record<string, InFlightTurn>>(key)) ?? {};
			change(turns);
			if (Object.keys(turns).length === 0) await keyv.delete(key);
			else await keyv.set(key, turns);
		});
	return {
		mark: (turn) =>
			update((turns) => {
				turns[turn.conversationId] = turn;
			}),
		clear: (conversationId) =>
			update((turns) => {
				delete turns[conversationId];
			}),
		takeAll: () =>
			serially(key, async () => {
				const keys = key === inFlightKey([0]) ? [key, LEGACY_KEY] : [key];
				const found: InFlightTurn[] = [];
				for (const name of keys) {
					found.push(...Object.values((await keyv.get<Record<string, InFlightTurn>>(name)) ?? {}));
					await keyv.delete(name);
				}
				return found;
			}),
	};
}

/**
 * Takes every turn a previous run left unfinished (a crash or SIGKILL) and gives back the quota each one held: it
 * produced nothing the member saw. Returns them, so their threads can be told.
 */
export async function recoverInterrupted(deps: {
	inFlight: InFlight;
	quotas: Pick<Quotas, "release">;
}): Promise<InFlightTurn[]> {
	const turns = await deps.inFlight.takeAll();
	for (const turn of turns) if (turn.reservation) await deps.quotas.release(turn.reservation);
	return turns;
}
