// src/discord/moderation/embedLimits.ts: Discord's embed size limits, and the length Discord counts against the total.
import type { APIEmbed } from "discord.js";

/** @see https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const EMBED_LIMITS = {
	title: 256,
	description: 4_096,
	fieldName: 256,
	fieldValue: 1_024,
	footerText: 2_048,
	total: 6_000,
} as const;

/** Characters Discord counts toward an embed's total: title, description, field names and values, footer. */
export function embedLength(embed: APIEmbed): number {
	const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
	return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0);
}
