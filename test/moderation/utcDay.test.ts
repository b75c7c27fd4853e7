import { describe, expect, it } from "vitest";
import { nextUtcMidnight, utcDay } from "../../src/moderation/utcDay.js";

describe("utcDay and nextUtcMidnight", () => {
	it.each([
		["2026-05-01T00:00:00.000Z", "2026-05-01", "2026-05-02T00:00:00.000Z"],
		["2026-05-01T23:59:59.999Z", "2026-05-01", "2026-05-02T00:00:00.000Z"],
		["2026-12-31T18:30:00.000Z", "2026-12-31", "2027-01-01T00:00:00.000Z"],
		["2028-02-28T12:00:00.000Z", "2028-02-28", "2028-02-29T00:00:00.000Z"],
		// 20:00 in New York on 1 May is already 2 May in UTC: the quota day does not follow anyone's local time.
		["2026-05-01T20:00:00.000-04:00", "2026-05-02", "2026-05-03T00:00:00.000Z"],
	])("%s is in UTC day %s, which ends at %s", (instant, day, midnight) => {
		const ms = Date.parse(instant);
		expect(utcDay(ms)).toBe(day);
		expect(nextUtcMidnight(ms).toISOString()).toBe(midnight);
	});
});
