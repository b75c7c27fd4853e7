// src/discord/i18n/textFor.ts: the catalogue a member reads, from their Discord locale, their thread, or their server.
import type Keyv from "keyv";
import type { Catalogue } from "./catalogue.js";
import { CATALOGUES } from "./catalogues.js";
import { DEFAULT_LOCALE, type Locale, resolveLocale } from "./locale.js";

/** What a member reads: the catalogue of `locale`. */
export type Text = Catalogue;

/** The catalogue for a locale the bot speaks (every locale has one, checked by type). */
export function textFor(locale: Locale): Text {
	return CATALOGUES[locale];
}

/** The catalogue for a Discord locale as Discord sends it (`interaction.locale`, `guild.preferredLocale`). */
export function textForDiscord(discordLocale: string | null | undefined): Text {
	return textFor(resolveLocale(discordLocale));
}

/** Remembered locales expire: a member's language in a thread matters while they take part in it. */
const REMEMBER_MS = 90 * 86_400_000;
const keyOf = (conversationId: string, userId: string) => `locale:${conversationId}:${userId}`;

/**
 * Plain thread messages carry no locale: each interaction a member makes in a conversation's channel leaves theirs
 * here, so their later messages there are answered in the same language.
 */
export async function rememberLocale(
	keyv: Keyv,
	where: { conversationId: string; userId: string; discordLocale: string | null | undefined },
): Promise<void> {
	const locale = resolveLocale(where.discordLocale);
	const key = keyOf(where.conversationId, where.userId);
	if ((await keyv.get<Locale>(key)) !== locale) await keyv.set(key, locale, REMEMBER_MS);
}

/** The locale for a member in a conversation: their last interaction's there, else the server's, else English. */
export async function localeOf(
	keyv: Keyv,
	where: { conversationId: string; userId: string; guildLocale?: string | null | undefined },
): Promise<Locale> {
	const remembered = await keyv.get<Locale>(keyOf(where.conversationId, where.userId));
	if (remembered) return remembered;
	return where.guildLocale ? resolveLocale(where.guildLocale) : DEFAULT_LOCALE;
}

/** What a member reads in a channel when no interaction says: their language there, else the server's. */
export async function memberText(
	keyv: Keyv,
	channel: { id: string; guild?: { preferredLocale: string } | null },
	userId: string,
): Promise<Text> {
	const guildLocale = channel.guild?.preferredLocale;
	return textFor(await localeOf(keyv, { conversationId: channel.id, userId, guildLocale }));
}

/** What a server's moderators read (the moderation log): the server's preferred locale. */
export function serverText(guild: { preferredLocale: string } | null | undefined): Text {
	return textForDiscord(guild?.preferredLocale);
}
