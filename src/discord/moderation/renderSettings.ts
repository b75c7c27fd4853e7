// src/discord/moderation/renderSettings.ts: a channel's effective settings, each with where it comes from, as one embed.
import { type APIEmbed, type APIEmbedField, escapeMarkdown } from "discord.js";
import type { EffectiveSettings, SettingOrigin } from "../../moderation/mergeSettings.js";
import type { Settings } from "../../moderation/settings.js";
import { SAFETY_KEYS, type SettingKey } from "../../moderation/validateSetting.js";
import type { Text } from "../i18n/textFor.js";
import { EMBED_LIMITS } from "./embedLimits.js";

const MAX_ROLES_SHOWN = 10;
const MAX_REASON_SHOWN = 80;

type Section = keyof Text["settingsMessages"]["view"]["sections"];

const SECTIONS: readonly (readonly [Section, readonly SettingKey[]])[] = [
	["model", ["model"]],
	["preset", ["preset", "ageRestrictedPreset"]],
	["safety", SAFETY_KEYS],
	["people", ["people"]],
	["access", ["access.allowedRoles", "access.deniedRoles", "access.threadTurns"]],
	["threads", ["threads.visibility", "threads.autoArchiveMinutes", "threads.livePreview"]],
	["limits", ["limits.cooldownSeconds", "limits.memberDailyImages", "limits.serverDailyImages"]],
	["modlog", ["modlog.channelId", "modlog.includePrompts"]],
];

const inlineCode = (text: string) => `\`${text.replaceAll("`", "ˋ")}\``;

function roleList(value: unknown, empty: string, t: Text): string {
	const ids = Array.isArray(value) ? value.map(String) : [];
	if (ids.length === 0) return empty;
	const shown = ids.slice(0, MAX_ROLES_SHOWN).map((id) => `<@&${id}>`);
	const hidden = ids.length - shown.length;
	return hidden > 0 ? `${shown.join(" ")} ${t.settingsMessages.values.moreRoles(hidden)}` : shown.join(" ");
}

/** A setting's value as moderators read it: roles and channels as mentions, 0 as "off" or "unlimited", minutes as days. */
export function formatSettingValue(key: SettingKey, value: unknown, t: Text): string {
	const words = t.settingsMessages.values;
	switch (key) {
		case "access.allowedRoles":
			return roleList(value, words.everyone, t);
		case "access.deniedRoles":
			return roleList(value, words.noRoles, t);
		case "modlog.channelId":
			return typeof value === "string" ? `<#${value}>` : words.off;
		case "modlog.includePrompts":
		case "threads.livePreview":
			return value === true ? words.on : words.off;
		case "limits.cooldownSeconds":
			return value === 0 ? words.off : words.seconds(Number(value));
		case "limits.memberDailyImages":
		case "limits.serverDailyImages":
			return value === 0 ? words.unlimited : words.imagesPerDay(Number(value));
		case "threads.autoArchiveMinutes":
			return words.minutes(Number(value));
		case "blocklist":
			return words.entries(Array.isArray(value) ? value.length : 0);
		default:
			return String(value);
	}
}

/** The effective value of one key, read from its place in Settings (`limits.cooldownSeconds` → settings.limits.cooldownSeconds). */
export function effectiveValue(settings: Settings, key: SettingKey): unknown {
	const [group = "", field] = key.split(".");
	const top = (settings as unknown as Record<string, unknown>)[group];
	return field === undefined ? top : (top as Record<string, unknown> | undefined)?.[field];
}

/** Where a value came from, in words: "server", "preset strict", "channel, capped by the bot's operator". */
export function describeOrigin(origin: SettingOrigin, t: Text, key?: SettingKey): string {
	const words = t.settingsMessages.origins;
	const preset = origin.preset ?? "standard";
	const base =
		origin.source !== "preset"
			? words[origin.source]
			: key === "preset"
				? words.ageRestricted(preset)
				: words.preset(preset);
	return origin.capped ? `${base}, ${words.capped[origin.capped]}` : base;
}

/** Joins lines up to `max` characters, replacing the lines that do not fit with "… and N more". */
export function fitLines(lines: readonly string[], t: Text, max: number = EMBED_LIMITS.fieldValue): string {
	const all = lines.join("\n");
	if (all.length <= max) return all;
	const kept: string[] = [];
	for (const [index, line] of lines.entries()) {
		const suffix = t.settingsMessages.view.more(lines.length - index - 1);
		const candidate = [...kept, line, ...(index < lines.length - 1 ? [suffix] : [])].join("\n");
		if (candidate.length > max) break;
		kept.push(line);
	}
	const more = t.settingsMessages.view.more(lines.length - kept.length);
	return [...kept, more].join("\n").slice(0, max);
}

function blocklistField({ settings, blocklistOrigins }: EffectiveSettings, t: Text): string {
	if (settings.blocklist.length === 0) return t.settingsMessages.view.emptyBlocklist;
	const lines = settings.blocklist.map((entry, index) => {
		const origin = blocklistOrigins[index];
		const why = t.blocklistReason(entry);
		const reason = why ? ` · ${escapeMarkdown(why.slice(0, MAX_REASON_SHOWN))}` : "";
		return `${inlineCode(entry.pattern)} (${origin ? describeOrigin(origin, t) : t.settingsMessages.origins.default})${reason}`;
	});
	return fitLines(lines, t);
}

/** The embed /settings view shows: every key with its effective value and origin, grouped, within Discord's limits. */
export function renderSettings(
	effective: EffectiveSettings,
	where: { channelId: string; threadId?: string; ageRestricted: boolean },
	t: Text,
): APIEmbed {
	const { settings, origins } = effective;
	const fields: APIEmbedField[] = SECTIONS.map(([section, keys]) => ({
		name: t.settingsMessages.view.sections[section],
		value: fitLines(
			keys.map(
				(key) =>
					`${inlineCode(key)} **${formatSettingValue(key, effectiveValue(settings, key), t)}** · ${describeOrigin(origins[key], t, key)}`,
			),
			t,
		),
	}));
	fields.push({ name: t.settingsMessages.view.sections.blocklist, value: blocklistField(effective, t) });
	return {
		title: t.settingsMessages.view.title,
		description: t.settingsMessages.view.description(where),
		fields,
		footer: { text: t.settingsMessages.view.footer },
	};
}
