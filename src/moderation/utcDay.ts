// src/moderation/utcDay.ts: the quota day, which starts at 00:00 UTC everywhere so every shard and member agrees on it.
const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as "YYYY-MM-DD". */
export function utcDay(nowMs: number): string {
	return new Date(nowMs).toISOString().slice(0, 10);
}

/** The next 00:00 UTC after an instant (an instant exactly at midnight belongs to the day it starts). */
export function nextUtcMidnight(nowMs: number): Date {
	return new Date(Math.floor(nowMs / DAY_MS) * DAY_MS + DAY_MS);
}
