// src/discord/i18n/locale.ts: the languages the bot speaks, and which one a Discord locale gets.

/** The catalogues the bot has, as Discord names their locales. */
export const LOCALES = ["en-US", "es-419", "ja", "zh-CN", "hi"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en-US";

/**
 * Every Discord locale each catalogue answers, for `description_localizations` at registration: Spain's Spanish
 * reads the Latin American one and British English the American one.
 * @see https://discord.com/developers/docs/reference#locales
 */
export const DISCORD_LOCALES_SERVED = {
	"en-US": ["en-US", "en-GB"],
	"es-419": ["es-419", "es-ES"],
	ja: ["ja"],
	"zh-CN": ["zh-CN"],
	hi: ["hi"],
} as const satisfies Record<Locale, readonly string[]>;

const BY_DISCORD_LOCALE = new Map<string, Locale>(
	LOCALES.flatMap((locale) => DISCORD_LOCALES_SERVED[locale].map((code) => [code.toLowerCase(), locale] as const)),
);

/** A language with one catalogue for all its regions; Chinese is not one (see resolveLocale). */
const BY_LANGUAGE: Readonly<Record<string, Locale>> = { en: "en-US", es: "es-419", ja: "ja", hi: "hi" };

/** Simplified Chinese: China, Singapore, or the script named outright. */
const SIMPLIFIED_CHINESE = /^zh(-hans)?(-(cn|sg))?$/;

/**
 * The catalogue for a member's or a server's Discord locale (`interaction.locale`, `guild.preferredLocale`):
 * its own, its language's (es-ES → es-419, en-GB → en-US), else English. Traditional Chinese (zh-TW) gets
 * English, not Simplified: another script and other UI terms (討論串, not 子区, for a thread).
 */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
	if (!discordLocale) return DEFAULT_LOCALE;
	const code = discordLocale.trim().replaceAll("_", "-").toLowerCase();
	const exact = BY_DISCORD_LOCALE.get(code);
	if (exact) return exact;
	if (SIMPLIFIED_CHINESE.test(code)) return "zh-CN";
	return BY_LANGUAGE[code.split("-")[0] ?? ""] ?? DEFAULT_LOCALE;
}
