import { describe, expect, it } from "vitest";
import { formattersFor } from "../../../src/discord/i18n/formatters.js";
import type { Locale } from "../../../src/discord/i18n/locale.js";

/** Intl separates some units and currencies from numbers with a no-break space; compare as plain spaces. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formattersFor", () => {
	it.each<[Locale, string, string, string]>([
		// Grouping: Hindi groups by lakh and crore; Latin American Spanish groups like English (Spain's 1.000 is es-ES).
		["en-US", "1,000", "1,234,567", "12.3"],
		["es-419", "1,000", "1,234,567", "12.3"],
		["ja", "1,000", "1,234,567", "12.3"],
		["zh-CN", "1,000", "1,234,567", "12.3"],
		["hi", "1,000", "12,34,567", "12.3"],
	])("%s writes numbers as %s, %s and %s", (locale, thousand, million, decimal) => {
		const f = formattersFor(locale);
		expect(f.number(1_000)).toBe(thousand);
		expect(f.number(1_234_567)).toBe(million);
		expect(f.decimal(12.34, 1)).toBe(decimal);
		expect(f.plain(10_080)).toBe("10080");
	});

	it.each<[Locale, string, string, string, string, string]>([
		["en-US", "45 sec", "3 min", "2 hr", "7 days", "12.3 sec"],
		["es-419", "45 s", "3 min", "2 h", "7 días", "12.3 s"],
		["ja", "45 秒", "3 分", "2 時間", "7 日", "12.3 秒"],
		["zh-CN", "45秒", "3分钟", "2小时", "7天", "12.3秒"],
		["hi", "45 सेकंड", "3 मिनट", "2 घंटे", "7 दिन", "12.3 सेकंड"],
	])("%s writes durations as %s, %s, %s, %s and %s", (locale, seconds, minutes, hours, days, fraction) => {
		const f = formattersFor(locale);
		expect(spaced(f.duration(45, "second"))).toBe(seconds);
		expect(spaced(f.duration(3, "minute"))).toBe(minutes);
		expect(spaced(f.duration(2, "hour"))).toBe(hours);
		expect(spaced(f.duration(7, "day"))).toBe(days);
		expect(spaced(f.duration(12.34, "second", 1))).toBe(fraction);
	});

	it("rounds a wait up, in seconds under 2 minutes, minutes under 2 hours, else hours", () => {
		const f = formattersFor("es-419");
		expect(spaced(f.wait(44.2))).toBe("45 s");
		expect(spaced(f.wait(119))).toBe("119 s");
		expect(spaced(f.wait(121))).toBe("3 min");
		expect(spaced(f.wait(7_199))).toBe("120 min");
		expect(spaced(f.wait(7_201))).toBe("3 h");
	});

	it.each<[Locale, string, string, string]>([
		["en-US", "a, b, and c", "a or b", "1K, 2K, 4K"],
		["es-419", "a, b y c", "a o b", "1K, 2K, 4K"],
		["ja", "a、b、c", "aまたはb", "1K 2K 4K"],
		["zh-CN", "a、b和c", "a或b", "1K2K4K"],
		["hi", "a, b, और c", "a या b", "1K, 2K, 4K"],
	])("%s lists as %s, %s and %s", (locale, and, or, unit) => {
		const f = formattersFor(locale);
		expect(f.list(["a", "b", "c"], "and")).toBe(and);
		expect(f.list(["a", "b"], "or")).toBe(or);
		expect(f.list(["1K", "2K", "4K"], "unit")).toBe(unit);
	});

	it.each<[Locale, string, string]>([
		["en-US", "$0.015", "73.4%"],
		["es-419", "USD 0.015", "73.4%"],
		["ja", "$0.015", "73.4%"],
		["zh-CN", "US$0.015", "73.4%"],
		["hi", "$0.015", "73.4%"],
	])("%s writes money as %s and ratios as %s", (locale, usd, percent) => {
		const f = formattersFor(locale);
		expect(spaced(f.usd(0.015, 3))).toBe(usd);
		expect(spaced(f.percent(0.734, 1))).toBe(percent);
	});

	it.each<[Locale, string, string]>([
		["en-US", "image", "images"],
		["es-419", "imagen", "imágenes"],
		["hi", "one", "other"],
	])("%s picks the plural form CLDR names for a count", (locale, one, other) => {
		const f = formattersFor(locale);
		expect(f.plural(1, { one, other })).toBe(one);
		expect(f.plural(2, { one, other })).toBe(other);
		// Spanish has a "many" form for millions; a phrase without one falls back to "other".
		expect(f.plural(1_000_000, { one, other })).toBe(other);
	});

	it("gives Hindi's one form for zero too, and Japanese only ever other", () => {
		expect(formattersFor("hi").plural(0, { one: "one", other: "other" })).toBe("one");
		expect(formattersFor("ja").plural(1, { one: "one", other: "other" })).toBe("other");
	});

	it("writes Discord's timestamp markup in every locale alike, in whole seconds", () => {
		expect(formattersFor("ja").timestamp(1_705_314_600.9, "R")).toBe("<t:1705314600:R>");
		expect(formattersFor("hi").timestamp(1_705_314_600, "t")).toBe("<t:1705314600:t>");
	});

	it("builds each locale's formatters once", () => {
		expect(formattersFor("zh-CN")).toBe(formattersFor("zh-CN"));
	});
});
