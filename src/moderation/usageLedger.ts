// src/moderation/usageLedger.ts: images produced and estimated dollars per server, member and UTC day, kept in keyv.
import type Keyv from "keyv";
import { serializeByKey } from "./serializeByKey.js";

/** Long enough for a week of /usage history, short enough that old days clean themselves up. */
const KEEP_DAYS_MS = 8 * 86_400_000;
// Dollars are kept as integer micro-dollars so that a day of additions does not drift.
const MICROS_PER_USD = 1_000_000;

type DayRecord = {
	images: number;
	usdMicros: number;
	users: Record<string, { images: number; usdMicros: number }>;
};

export type UserUsage = { userId: string; images: number; usd: number };
export type DayReport = { day: string; images: number; usd: number; users: UserUsage[] };

export type UsageLedger = {
	/** Adds images a member actually received, and their estimated price, to that server's day. */
	record(entry: { guildId: string; userId: string; day: string; images: number; usd: number }): Promise<void>;
	/** The server's day: totals, and its `limit` heaviest users, most images first (ties: most dollars, then id). */
	report(guildId: string, day: string, limit: number): Promise<DayReport>;
};

const toUsd = (micros: number) => micros / MICROS_PER_USD;

/**
 * Creates the ledger on the conversations' keyv: one record per server and day (`usage:{guildId}:{day}`), updated
 * one write at a time in this process. A server lives on one shard, hence one process, so no update is lost; the
 * quotas themselves are enforced by atomic counters elsewhere (quotas.ts), this ledger only reports.
 */
export function createUsageLedger(keyv: Keyv): UsageLedger {
	const serially = serializeByKey();
	const keyOf = (guildId: string, day: string) => `usage:${guildId}:${day}`;
	const read = async (key: string): Promise<DayRecord> =>
		(await keyv.get<DayRecord>(key)) ?? { images: 0, usdMicros: 0, users: {} };

	return {
		record({ guildId, userId, day, images, usd }) {
			const key = keyOf(guildId, day);
			return serially(key, async () => {
				const record = await read(key);
				const micros = Math.round(usd * MICROS_PER_USD);
				const user = record.users[userId] ?? { images: 0, usdMicros: 0 };
				record.users[userId] = { images: user.images + images, usdMicros: user.usdMicros + micros };
				record.images += images;
				record.usdMicros += micros;
				await keyv.set(key, record, KEEP_DAYS_MS);
			});
		},
		async report(guildId, day, limit) {
			const record = await read(keyOf(guildId, day));
			const users = Object.entries(record.users)
				.map(([userId, usage]) => ({ userId, images: usage.images, usd: toUsd(usage.usdMicros) }))
				.sort((a, b) => b.images - a.images || b.usd - a.usd || a.userId.localeCompare(b.userId))
				.slice(0, Math.max(0, limit));
			return { day, images: record.images, usd: toUsd(record.usdMicros), users };
		},
	};
}
