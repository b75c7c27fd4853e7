import { describe, expect, it } from "vitest";
import { DISCORD_LOCALES_SERVED, LOCALES, resolveLocale } from "../../../src/discord/i18n/locale.js";

describe("resolveLocale", () => {
	it.each([
		// Discord's own codes for the five catalogues.
		["en-US", "en-US"],
		["es-419", "es-419"],
		["ja", "ja"],
		["zh-CN", "zh-CN"],
		["hi", "hi"],
		// Another region of the same language reads that language's catalogue.
		["en-GB", "en-US"],
		["es-ES", "es-419"],
		// Traditional Chinese is another script with other UI terms: English until it has a catalogue of its own.
		["zh-TW", "en-US"],
		// Every other Discord locale reads English.
		["fr", "en-US"],
		["pt-BR", "en-US"],
		["ko", "en-US"],
		["de", "en-US"],
		// Forms other sources write (BCP 47 variants, underscores, case).
		["ja-JP", "ja"],
		["es-MX", "es-419"],
		["hi-IN", "hi"],
		["zh-Hans", "zh-CN"],
		["zh-SG", "zh-CN"],
		["zh", "zh-CN"],
		["zh-Hant-TW", "en-US"],
		["zh-HK", "en-US"],
		["en_GB", "en-US"],
		["ES-es", "es-419"],
		[" ja ", "ja"],
	])("%s → %s", (discordLocale, expected) => {
		expect(resolveLocale(discordLocale)).toBe(expected);
	});

	it.each([[null], [undefined], [""], ["not a locale"]])("%s → en-US", (discordLocale) => {
		expect(resolveLocale(discordLocale)).toBe("en-US");
	});

	it("serves each Discord locale from exactly one catalogue, and each catalogue its own code", () => {
		const served = LOCALES.flatMap((locale) => DISCORD_LOCALES_SERVED[locale]);
		expect(new Set(served).size).toBe(served.length);
		for (const locale of LOCALES) {
			expect(DISCORD_LOCALES_SERVED[locale]).toContain(locale);
			for (const code of DISCORD_LOCALES_SERVED[locale]) expect(resolveLocale(code)).toBe(locale);
		}
	});
});
