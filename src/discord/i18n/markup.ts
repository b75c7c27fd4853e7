// src/discord/i18n/markup.ts: Discord markup the catalogues share, so no translation has to rebuild it.

/** A member's text as an inline code span: a backtick inside would end it early, so it becomes a look-alike. */
export const inlineCode = (text: string): string => `\`${text.replaceAll("`", "ˋ").slice(0, 100)}\``;

export const userMention = (userId: string): string => `<@${userId}>`;
export const roleMention = (roleId: string): string => `<@&${roleId}>`;
export const channelMention = (channelId: string): string => `<#${channelId}>`;

/** The Unix seconds of an ISO 8601 time, as Discord's `<t:…>` takes them. */
export const unixSecondsOf = (iso: string): number => Math.floor(Date.parse(iso) / 1_000);

/** A moderator's reason without its final full stop, for a sentence that goes on after it. */
export const withoutFinalStop = (text: string): string => text.replace(/[.。।]\s*$/u, "");
