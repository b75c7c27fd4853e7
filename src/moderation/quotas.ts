// src/moderation/quotas.ts: daily image quotas per member and per server, and the per-member cooldown between turns.
import { randomUUID } from "node:crypto";
import type Keyv from "keyv";
import { RateLimiterRes } from "rate-limiter-flexible";
import { capabilitiesOf } from "../gemini/models.js";
import type { LimiterStore } from "./openLimiterStore.js";
import type { PolicyDenial } from "./policyErrors.js";
import type { Settings } from "./settings.js";
import { createUsageLedger, type DayReport } from "./usageLedger.js";
import { nextUtcMidnight, utcDay } from "./utcDay.js";

export type QuotaLimits = Settings["limits"];

/** Images held for one queued turn; settle it once with commit() or release(). */
export type Reservation = {
	readonly id: string;
	readonly guildId: string;
	readonly userId: string;
	/** The UTC day the images count against, even if the turn ends after midnight. */
	readonly day: string;
	readonly images: number;
	readonly model: string;
};

export type QuotaDenial = Extract<PolicyDenial, { code: "cooldown" | "memberQuota" | "serverQuota" }>;
export type ReserveResult = { ok: true; reservation: Reservation } | ({ ok: false } & QuotaDenial);

type Allowance = { used: number; limit: number; remaining: number | null };
export type UsageToday = {
	day: string;
	/** ISO 8601: the next 00:00 UTC. */
	resetsAt: string;
	/** Images produced today plus images held by turns still running; limit 0 and remaining null = unlimited. */
	member: Allowance;
	server: Allowance;
};

export type Quotas = {
	/**
	 * When a turn is queued: starts the member's cooldown and holds `images` (a positive whole number) against today's
	 * member and server quotas, or refuses with the seconds left or the quota, its use and its reset time.
	 */
	reserve(request: {
		guildId: string;
		userId: string;
		images: number;
		limits: QuotaLimits;
		model: string;
	}): Promise<ReserveResult>;
	/** Counts the images the turn produced, returns the rest of its slots, and adds them to the usage report. */
	commit(reservation: Reservation, imagesProduced: number, cost?: { usd: number }): Promise<void>;
	/** Returns every slot of a turn that produced no image. */
	release(reservation: Reservation): Promise<void>;
	usageToday(who: { guildId: string; userId: string; limits?: QuotaLimits }): Promise<UsageToday>;
	/** Today's images and estimated dollars for the server, with its `count` heaviest users. */
	topUsersToday(guildId: string, count: number): Promise<DayReport>;
};

export type QuotasOptions = {
	/** The store's counters (`Store.limiters`): the same SQLite connection or Redis client as the conversations. */
	limiters: LimiterStore;
	/** Prefix of every counter key (STORE_NAMESPACE). */
	namespace: string;
	/** The conversations' keyv (`Store.keyv`), which keeps the per-day usage report. */
	keyv: Keyv;
	/** Milliseconds since the epoch; decides the quota day. Tests move it; the default is the system clock. */
	now?: () => number;
};

// Counters are per day by key, so their lifetime only has to outlast the day they count; then the store drops them.
const COUNTER_LIFETIME_SECONDS = 2 * 86_400;
// Quotas differ per server, so the counters never reject by themselves; reserve() compares with each server's limit.
const NEVER_REJECT = 1_000_000_000;

/**
 * Creates the quotas on rate-limiter-flexible (RateLimiterSQLite beside the conversations, RateLimiterRedis when they
 * are in Redis), so that counts survive restarts and are shared by every process. A day runs from 00:00 UTC to the
 * next 00:00 UTC. The cooldown runs on the backend's clock (Redis TTL or the SQLite row's expiry), not on `now`.
 * The store owns the connection under the counters: closing the store closes them.
 */
export function createQuotas({ limiters, namespace, keyv, now = Date.now }: QuotasOptions): Quotas {
	const daily = { points: NEVER_REJECT, duration: COUNTER_LIFETIME_SECONDS };
	const member = limiters.createLimiter({ ...daily, keyPrefix: `${namespace}:quota:member` });
	const server = limiters.createLimiter({ ...daily, keyPrefix: `${namespace}:quota:server` });
	const cooldown = limiters.createLimiter({ keyPrefix: `${namespace}:cooldown`, points: 1, duration: 1 });
	const ledger = createUsageLedger(keyv);
	const settled = new WeakSet<Reservation>();

	const memberKey = (day: string, guildId: string, userId: string) => `${day}:${guildId}:${userId}`;
	const serverKey = (day: string, guildId: string) => `${day}:${guildId}`;
	const usedOf = async (limiter: typeof member, key: string) =>
		Math.max(0, (await limiter.get(key))?.consumedPoints ?? 0);
	const allowance = (used: number, limit = 0): Allowance => ({
		used,
		limit,
		remaining: limit > 0 ? Math.max(0, limit - used) : null,
	});

	const adjust = async (reservation: Reservation, delta: number) => {
		if (delta === 0) return;
		const keys = [
			[member, memberKey(reservation.day, reservation.guildId, reservation.userId)],
			[server, serverKey(reservation.day, reservation.guildId)],
		] as const;
		await Promise.all(
			keys.map(([limiter, key]) => (delta > 0 ? limiter.penalty(key, delta) : limiter.reward(key, -delta))),
		);
	};

	const commit: Quotas["commit"] = async (reservation, imagesProduced, cost) => {
		if (settled.has(reservation)) return;
		settled.add(reservation);
		const produced = Math.max(0, Math.floor(imagesProduced));
		// More images than reserved still count: the member got them.
		await adjust(reservation, produced - reservation.images);
		if (produced === 0) return;
		const usd = cost?.usd ?? produced * capabilitiesOf(reservation.model).usdPerImage;
		await ledger.record({ ...reservation, images: produced, usd });
	};

	return {
		async reserve({ guildId, userId, images, limits, model }) {
			if (!Number.isInteger(images) || images < 1) throw new RangeError(`images must be a positive integer: ${images}`);
			const at = now();
			const day = utcDay(at);
			const resetsAt = nextUtcMidnight(at).toISOString();
			const cooldownKey = `${guildId}:${userId}`;
			const { cooldownSeconds } = limits;
			if (cooldownSeconds > 0) {
				try {
					await cooldown.consume(cooldownKey, 1, { customDuration: cooldownSeconds });
				} catch (err) {
					if (!(err instanceof RateLimiterRes)) throw err;
					const secondsLeft = Math.max(1, Math.ceil(err.msBeforeNext / 1_000));
					return { ok: false, code: "cooldown", details: { secondsLeft, cooldownSeconds } };
				}
			}
			// A refused turn must not start a cooldown or hold slots: undo what was taken, then say why.
			const undo = async (taken: { member?: boolean; server?: boolean }) => {
				await Promise.all([
					cooldownSeconds > 0 ? cooldown.delete(cooldownKey) : undefined,
					taken.member ? member.reward(memberKey(day, guildId, userId), images) : undefined,
					taken.server ? server.reward(serverKey(day, guildId), images) : undefined,
				]);
			};
			const mine = await member.consume(memberKey(day, guildId, userId), images);
			if (limits.memberDailyImages > 0 && mine.consumedPoints > limits.memberDailyImages) {
				await undo({ member: true });
				// Turns refused at the same moment push the counter past the limit for an instant; that is not use.
				const used = Math.min(limits.memberDailyImages, mine.consumedPoints - images);
				const details = { limit: limits.memberDailyImages, used, requested: images, resetsAt };
				return { ok: false, code: "memberQuota", details };
			}
			const ours = await server.consume(serverKey(day, guildId), images);
			if (limits.serverDailyImages > 0 && ours.consumedPoints > limits.serverDailyImages) {
				await undo({ member: true, server: true });
				const used = Math.min(limits.serverDailyImages, ours.consumedPoints - images);
				const details = { limit: limits.serverDailyImages, used, requested: images, resetsAt };
				return { ok: false, code: "serverQuota", details };
			}
			return { ok: true, reservation: { id: randomUUID(), guildId, userId, day, images, model } };
		},
		commit,
		release: (reservation) => commit(reservation, 0),
		async usageToday({ guildId, userId, limits }) {
			const at = now();
			const day = utcDay(at);
			const [memberUsed, serverUsed] = await Promise.all([
				usedOf(member, memberKey(day, guildId, userId)),
				usedOf(server, serverKey(day, guildId)),
			]);
			return {
				day,
				resetsAt: nextUtcMidnight(at).toISOString(),
				member: allowance(memberUsed, limits?.memberDailyImages),
				server: allowance(serverUsed, limits?.serverDailyImages),
			};
		},
		topUsersToday: (guildId, count) => ledger.report(guildId, utcDay(now()), count),
	};
}
