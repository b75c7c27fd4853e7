import { describe, expect, it } from "vitest";
import { english } from "../../../src/discord/i18n/catalogue.js";
import { renderUsage, unixSeconds } from "../../../src/discord/moderation/renderUsage.js";
import type { UsageToday } from "../../../src/moderation/quotas.js";

/** These tests read the English catalogue. */
const t = english;

const RESETS_AT = "2026-11-03T00:00:00.000Z";
const RESETS_UNIX = Date.UTC(2026, 10, 3) / 1_000;
const usage: UsageToday = {
	day: "2026-11-02",
	resetsAt: RESETS_AT,
	member: { used: 4, limit: 25, remaining: 21 },
	server: { used: 30, limit: 0, remaining: null },
};

describe("renderUsage", () => {
	it("shows a member their images, what is left, the server's count and a relative reset time", () => {
		expect(renderUsage(usage, t)).toBe(
			[
				"**Your images today:** 4 of 25 (21 left)",
				"**This server today:** 30 (no daily limit)",
				`Quotas reset <t:${RESETS_UNIX}:R>, at 00:00 UTC (<t:${RESETS_UNIX}:t> your time). Counts include images of turns still running.`,
			].join("\n"),
		);
	});

	it("says 0 left, not a negative number, when a quota is used up", () => {
		const full = { ...usage, member: { used: 25, limit: 25, remaining: 0 } };
		expect(renderUsage(full, t)).toContain("25 of 25 (0 left)");
	});

	it("adds the top users and the estimated cost for moderators", () => {
		const text = renderUsage(usage, t, {
			day: "2026-11-02",
			images: 30,
			usd: 2.01,
			users: [
				{ userId: "111", images: 20, usd: 1.34 },
				{ userId: "222", images: 1, usd: 0.004 },
			],
		});
		expect(text).toContain(
			["**Top users today**", "1. <@111>: 20 images ($1.34)", "2. <@222>: 1 image (<$0.01)"].join("\n"),
		);
		expect(text).toContain("**Estimated cost today:** $2.01 for 30 images");
	});

	it("says so when nobody has made an image yet", () => {
		const text = renderUsage(usage, t, { day: "2026-11-02", images: 0, usd: 0, users: [] });
		expect(text).toContain("Nobody has made an image today.");
		expect(text).toContain("$0.00 for 0 images");
	});

	it("turns an ISO time into whole Unix seconds", () => {
		expect(unixSeconds(RESETS_AT)).toBe(RESETS_UNIX);
	});
});
