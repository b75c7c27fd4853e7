import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { newConversation } from "../../src/conversation/newConversation.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import { capabilitiesOf } from "../../src/gemini/models.js";
import { createQuotas, type QuotaLimits, type Quotas } from "../../src/moderation/quotas.js";
import { BACKENDS, type Place } from "./backends.js";

const GUILD = "100000000000000001";
const OTHER_GUILD = "100000000000000009";
const ALICE = "200000000000000002";
const BOB = "200000000000000003";
const CAROL = "200000000000000004";
const MODEL = "gemini-3-pro-image";
const NOON = Date.parse("2026-05-01T12:00:00.000Z");
const NEXT_MIDNIGHT = "2026-05-02T00:00:00.000Z";
const HOUR_MS = 3_600_000;
/** Turns that arrive at the same moment in the burst tests. */
const BURST = 20;

const limits = (overrides: Partial<QuotaLimits> = {}): QuotaLimits => ({
	cooldownSeconds: 0,
	memberDailyImages: 0,
	serverDailyImages: 0,
	...overrides,
});

describe.each(BACKENDS)("createQuotas on $name", (backend) => {
	let place: Place;
	let nowMs = NOON;
	let opened: { store: Store; quotas: Quotas }[] = [];
	const open = async () => {
		const store = await createStore(place.url, place.namespace);
		const quotas = createQuotas({
			limiters: store.limiters,
			namespace: place.namespace,
			keyv: store.keyv,
			now: () => nowMs,
		});
		opened.push({ store, quotas });
		return quotas;
	};
	const fresh = async () => {
		nowMs = NOON;
		place = await backend.place();
		return open();
	};
	const closeAll = async () => {
		for (const { store } of opened) await store.close();
		opened = [];
	};
	const reserve = (quotas: Quotas, userId: string, images: number, with_: QuotaLimits, guildId = GUILD) =>
		quotas.reserve({ guildId, userId, images, limits: with_, model: MODEL });
	const reserved = async (quotas: Quotas, userId: string, images: number, with_: QuotaLimits) => {
		const result = await reserve(quotas, userId, images, with_);
		if (!result.ok) throw new Error(`expected a reservation, got ${result.code}`);
		return result.reservation;
	};

	afterEach(async () => {
		await closeAll();
		expect(await place.cleanup()).toEqual([]);
	});

	it("holds reserved images, counts those produced, and returns the rest", async () => {
		const quotas = await fresh();
		const daily = limits({ memberDailyImages: 5, serverDailyImages: 10 });
		const reservation = await reserved(quotas, ALICE, 3, daily);
		expect(reservation).toMatchObject({ guildId: GUILD, userId: ALICE, day: "2026-05-01", images: 3, model: MODEL });
		expect((await quotas.usageToday({ guildId: GUILD, userId: ALICE, limits: daily })).member).toEqual({
			used: 3,
			limit: 5,
			remaining: 2,
		});
		await quotas.commit(reservation, 1);
		const usage = await quotas.usageToday({ guildId: GUILD, userId: ALICE, limits: daily });
		expect(usage).toEqual({
			day: "2026-05-01",
			resetsAt: NEXT_MIDNIGHT,
			member: { used: 1, limit: 5, remaining: 4 },
			server: { used: 1, limit: 10, remaining: 9 },
		});
		// Settling twice changes nothing.
		await quotas.commit(reservation, 0);
		await quotas.release(reservation);
		expect((await quotas.usageToday({ guildId: GUILD, userId: ALICE })).member.used).toBe(1);
	});

	it("refuses to reserve zero or a fraction of an image", async () => {
		const quotas = await fresh();
		await expect(reserve(quotas, ALICE, 0, limits())).rejects.toThrow(RangeError);
		await expect(reserve(quotas, ALICE, 1.5, limits())).rejects.toThrow(RangeError);
		expect((await quotas.usageToday({ guildId: GUILD, userId: ALICE })).member.used).toBe(0);
	});

	it("releases every slot of a turn that produced no image", async () => {
		const quotas = await fresh();
		const reservation = await reserved(quotas, ALICE, 2, limits({ memberDailyImages: 2 }));
		await quotas.release(reservation);
		const usage = await quotas.usageToday({ guildId: GUILD, userId: ALICE });
		expect(usage.member).toEqual({ used: 0, limit: 0, remaining: null });
		expect(usage.server.used).toBe(0);
		expect((await quotas.topUsersToday(GUILD, 5)).users).toEqual([]);
		expect((await reserve(quotas, ALICE, 2, limits({ memberDailyImages: 2 }))).ok).toBe(true);
	});

	it("refuses a member whose quota is used up, until 00:00 UTC", async () => {
		const quotas = await fresh();
		const daily = limits({ memberDailyImages: 2 });
		await quotas.commit(await reserved(quotas, ALICE, 1, daily), 1);
		await quotas.commit(await reserved(quotas, ALICE, 1, daily), 1);
		expect(await reserve(quotas, ALICE, 1, daily)).toEqual({
			ok: false,
			code: "memberQuota",
			details: { limit: 2, used: 2, requested: 1, resetsAt: NEXT_MIDNIGHT },
		});
		expect((await reserve(quotas, BOB, 1, daily)).ok).toBe(true);
		nowMs = Date.parse(NEXT_MIDNIGHT) - 1;
		expect((await reserve(quotas, ALICE, 1, daily)).ok).toBe(false);
		nowMs = Date.parse(NEXT_MIDNIGHT);
		expect((await reserve(quotas, ALICE, 1, daily)).ok).toBe(true);
	});

	it("refuses a turn asking for more images than are left, without holding any", async () => {
		const quotas = await fresh();
		const daily = limits({ memberDailyImages: 5 });
		await quotas.commit(await reserved(quotas, ALICE, 4, daily), 4);
		expect(await reserve(quotas, ALICE, 2, daily)).toMatchObject({
			code: "memberQuota",
			details: { used: 4, requested: 2 },
		});
		expect((await quotas.usageToday({ guildId: GUILD, userId: ALICE })).member.used).toBe(4);
		expect((await reserve(quotas, ALICE, 1, daily)).ok).toBe(true);
	});

	it("refuses everyone once the server's quota is used up, and other servers not at all", async () => {
		const quotas = await fresh();
		const daily = limits({ serverDailyImages: 3 });
		for (const user of [ALICE, BOB, CAROL]) await quotas.commit(await reserved(quotas, user, 1, daily), 1);
		expect(await reserve(quotas, ALICE, 1, daily)).toEqual({
			ok: false,
			code: "serverQuota",
			details: { limit: 3, used: 3, requested: 1, resetsAt: NEXT_MIDNIGHT },
		});
		// The refused turn holds nothing against the member either.
		expect((await quotas.usageToday({ guildId: GUILD, userId: ALICE })).member.used).toBe(1);
		expect((await reserve(quotas, ALICE, 1, daily, OTHER_GUILD)).ok).toBe(true);
	});

	it("never hands out more than the quota when turns arrive at once", async () => {
		const quotas = await fresh();
		const daily = limits({ memberDailyImages: 5 });
		const results = await Promise.all(Array.from({ length: 12 }, () => reserve(quotas, ALICE, 1, daily)));
		expect(results.filter((result) => result.ok)).toHaveLength(5);
		expect((await quotas.usageToday({ guildId: GUILD, userId: ALICE })).member.used).toBe(5);
	});

	it("makes a member wait out the cooldown between turns, and a refused turn starts none", async () => {
		const quotas = await fresh();
		const paced = limits({ cooldownSeconds: 60 });
		expect((await reserve(quotas, ALICE, 1, paced)).ok).toBe(true);
		const waiting = await reserve(quotas, ALICE, 1, paced);
		expect(waiting).toMatchObject({ ok: false, code: "cooldown", details: { cooldownSeconds: 60 } });
		const secondsLeft = waiting.ok ? 0 : (waiting.details as { secondsLeft: number }).secondsLeft;
		expect(secondsLeft).toBeGreaterThanOrEqual(1);
		expect(secondsLeft).toBeLessThanOrEqual(60);
		expect((await reserve(quotas, BOB, 1, paced)).ok).toBe(true);
		// Carol is over her quota: that refusal must not put her in a cooldown as well.
		const full = limits({ cooldownSeconds: 60, memberDailyImages: 1 });
		await quotas.commit(await reserved(quotas, CAROL, 1, limits()), 1);
		expect(await reserve(quotas, CAROL, 1, full)).toMatchObject({ code: "memberQuota" });
		expect((await reserve(quotas, CAROL, 1, limits({ cooldownSeconds: 60 }))).ok).toBe(true);
	});

	it("lets the member go again once the cooldown has run out", async () => {
		const quotas = await fresh();
		const paced = limits({ cooldownSeconds: 1 });
		expect((await reserve(quotas, ALICE, 1, paced)).ok).toBe(true);
		expect((await reserve(quotas, ALICE, 1, paced)).ok).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 1_200));
		expect((await reserve(quotas, ALICE, 1, paced)).ok).toBe(true);
	});

	it("keeps counts, cooldowns and the usage report across a restart", async () => {
		const before = await fresh();
		const daily = limits({ memberDailyImages: 2, cooldownSeconds: 600 });
		await before.commit(await reserved(before, ALICE, 2, daily), 2);
		await closeAll();
		const after = await open();
		expect((await after.usageToday({ guildId: GUILD, userId: ALICE })).member.used).toBe(2);
		expect(await reserve(after, ALICE, 1, daily)).toMatchObject({ code: "cooldown" });
		expect(await reserve(after, ALICE, 1, limits({ memberDailyImages: 2 }))).toMatchObject({ code: "memberQuota" });
		expect((await after.topUsersToday(GUILD, 3)).users).toEqual([
			{ userId: ALICE, images: 2, usd: 2 * capabilitiesOf(MODEL).usdPerImage },
		]);
	});

	it("reports the day's images, estimated dollars and top users, per server and per day", async () => {
		const quotas = await fresh();
		const none = limits();
		const price = capabilitiesOf(MODEL).usdPerImage;
		await quotas.commit(await reserved(quotas, ALICE, 1, none), 1);
		await quotas.commit(await reserved(quotas, BOB, 4, none), 3);
		await quotas.commit(await reserved(quotas, CAROL, 2, none), 2);
		await quotas.commit(await reserved(quotas, ALICE, 1, none), 1, { usd: 0.5 });
		await quotas.commit(
			await reserve(quotas, ALICE, 1, none, OTHER_GUILD).then((r) => (r.ok ? r.reservation : never())),
			1,
		);
		const report = await quotas.topUsersToday(GUILD, 2);
		expect(report.day).toBe("2026-05-01");
		expect(report.images).toBe(7);
		expect(report.usd).toBeCloseTo(6 * price + 0.5, 6);
		expect(report.users).toEqual([
			{ userId: BOB, images: 3, usd: 3 * price },
			{ userId: ALICE, images: 2, usd: price + 0.5 },
		]);
		nowMs += 24 * HOUR_MS;
		expect(await quotas.topUsersToday(GUILD, 2)).toEqual({ day: "2026-05-02", images: 0, usd: 0, users: [] });
	});

	it("settles a turn that ends after midnight against the day it was reserved on", async () => {
		const quotas = await fresh();
		nowMs = Date.parse(NEXT_MIDNIGHT) - 60_000;
		const late = await reserved(quotas, ALICE, 2, limits({ memberDailyImages: 2 }));
		nowMs = Date.parse(NEXT_MIDNIGHT) + 60_000;
		await quotas.release(late);
		const usage = await quotas.usageToday({ guildId: GUILD, userId: ALICE });
		expect(usage.day).toBe("2026-05-02");
		expect(usage.member.used).toBe(0);
		expect((await reserve(quotas, ALICE, 2, limits({ memberDailyImages: 2 }))).ok).toBe(true);
	});

	it.each([
		{ who: "one member", userOf: (_index: number) => ALICE, perMember: BURST },
		{
			who: `${BURST} members`,
			userOf: (index: number) => `3000000000000000${String(index).padStart(2, "0")}`,
			perMember: 1,
		},
	])("counts exactly $who's turns when all $who reserve and commit at once", async ({ userOf, perMember }) => {
		const quotas = await fresh();
		const users = Array.from({ length: BURST }, (_, index) => userOf(index));
		const daily = limits({ memberDailyImages: perMember, serverDailyImages: BURST });
		await Promise.all(users.map(async (userId) => quotas.commit(await reserved(quotas, userId, 1, daily), 1)));
		for (const userId of new Set(users)) {
			const usage = await quotas.usageToday({ guildId: GUILD, userId, limits: daily });
			expect(usage.member).toEqual({ used: perMember, limit: perMember, remaining: 0 });
			expect(usage.server).toEqual({ used: BURST, limit: BURST, remaining: 0 });
		}
		const report = await quotas.topUsersToday(GUILD, BURST);
		expect(report.images).toBe(BURST);
		expect(report.users.reduce((sum, user) => sum + user.images, 0)).toBe(BURST);
		expect(await reserve(quotas, users[0] ?? ALICE, 1, daily)).toMatchObject({ ok: false });
	});

	it("never fails a conversation write that lands between quota reservations, nor the reservations", async () => {
		const quotas = await fresh();
		const store = opened.at(-1)?.store ?? never();
		const turns = Array.from({ length: BURST }, (_, index) => ({
			userId: `4000000000000000${String(index).padStart(2, "0")}`,
			conversation: newConversation({
				id: `5000000000000000${String(index).padStart(2, "0")}`,
				guildId: GUILD,
				ownerId: ALICE,
				model: MODEL,
				title: `turn ${index}`,
				options: { output: "image_and_text" },
			}),
			image: Buffer.from(`image ${index}`),
		}));
		// Each turn's counters and its conversation are written by separate callers, as turns of other threads do.
		await Promise.all(
			turns.flatMap(({ userId, conversation, image }) => [
				(async () => quotas.commit(await reserved(quotas, userId, 1, limits()), 1))(),
				(async () => {
					await store.saveConversation(conversation);
					await store.putImage({ data: image, mimeType: "image/png" });
					await store.saveConversation({ ...conversation, nextTurn: 2 });
				})(),
			]),
		);
		for (const { conversation, image } of turns) {
			expect((await store.getConversation(conversation.id))?.nextTurn).toBe(2);
			const sha256 = createHash("sha256").update(image).digest("hex");
			expect((await store.getImage(sha256))?.equals(image)).toBe(true);
		}
		expect((await quotas.usageToday({ guildId: GUILD, userId: ALICE })).server.used).toBe(BURST);
		expect((await quotas.topUsersToday(GUILD, BURST)).images).toBe(BURST);
	});
});

function never(): never {
	throw new Error("expected a reservation");
}
