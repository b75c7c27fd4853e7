// src/discord/moderation/answerSettings.ts: carries out one /settings subcommand on the settings store and words the answer.
import type { APIEmbed } from "discord.js";
import { SettingError, type SettingErrorCode, type SettingErrorDetails } from "../../moderation/settingErrors.js";
import type { SettingsScope, SettingsStore } from "../../moderation/settingsStore.js";
import { isSettingKey, type SettingKey } from "../../moderation/validateSetting.js";
import type { Text } from "../i18n/textFor.js";
import type { SettingsPlace } from "../routing/channelSettings.js";
import { describeOrigin, effectiveValue, formatSettingValue, renderSettings } from "./renderSettings.js";

export const SCOPE_CHOICES = ["server", "channel"] as const;
export type ScopeChoice = (typeof SCOPE_CHOICES)[number];

/** A /settings subcommand as plain data; `scope` is absent when the moderator left it out. */
export type SettingsRequest = { scope?: ScopeChoice; channelPicked: boolean } & (
	| { action: "view" }
	| { action: "set"; key: string; value: string }
	| { action: "reset"; key: string }
	| { action: "blocklistAdd"; pattern: string; reason?: string }
	| { action: "blocklistRemove"; pattern: string }
);

export type SettingsReply = { content: string } | { embeds: APIEmbed[] };

function describeSettingError<Code extends SettingErrorCode>(err: SettingError<Code>, t: Text): string {
	const explain = t.settingsMessages.errors[err.code] as (details: SettingErrorDetails[Code]) => string;
	return explain(err.details);
}

/** Server scope unless the moderator chose `scope:channel` or named a channel; channel scope means a thread's parent. */
function scopeOf(request: SettingsRequest, place: SettingsPlace): SettingsScope | undefined {
	const scope = request.scope ?? (request.channelPicked ? "channel" : "server");
	if (scope === "server" && request.channelPicked) return undefined;
	return scope === "server" ? { kind: "guild", id: place.context.guildId } : { kind: "channel", id: place.channelId };
}

/** "ℹ️ In #channel the effective value is …" when what applies there is not what was just stored. */
async function effectiveNote(
	store: SettingsStore,
	place: SettingsPlace,
	key: SettingKey,
	t: Text,
	stored?: string,
): Promise<string> {
	const { settings, origins } = await store.resolveSettings(place.context);
	const origin = origins[key];
	const value = formatSettingValue(key, effectiveValue(settings, key), t);
	if (stored === value && !origin.capped) return "";
	return `\n${t.settingsMessages.effectiveHere(place.channelId, value, describeOrigin(origin, t, key))}`;
}

async function run(
	store: SettingsStore,
	request: SettingsRequest,
	place: SettingsPlace,
	t: Text,
): Promise<SettingsReply> {
	if (request.action === "view") {
		const effective = await store.resolveSettings(place.context);
		const { channelId, threadId, context } = place;
		const where = { channelId, ageRestricted: context.ageRestricted, ...(threadId ? { threadId } : {}) };
		return { embeds: [renderSettings(effective, where, t)] };
	}
	const scope = scopeOf(request, place);
	if (!scope) return { content: t.settingsMessages.serverScopeWithChannel };
	const where = t.settingsMessages.scope(scope);
	switch (request.action) {
		case "set": {
			const stored = await store.set(scope, request.key, request.value);
			const key = request.key as SettingKey;
			const head =
				key === "preset"
					? t.settingsMessages.presetApplied(String(stored), where)
					: t.settingsMessages.set(key, formatSettingValue(key, stored, t), where);
			return { content: head + (await effectiveNote(store, place, key, t, formatSettingValue(key, stored, t))) };
		}
		case "reset": {
			const had = await store.reset(scope, request.key);
			if (!had) return { content: t.settingsMessages.nothingToReset(request.key, where) };
			const key = request.key as SettingKey;
			const note = isSettingKey(key) && key !== "blocklist" ? await effectiveNote(store, place, key, t) : "";
			return { content: t.settingsMessages.reset(key, where) + note };
		}
		case "blocklistAdd": {
			const entry = request.reason
				? { pattern: request.pattern, reason: request.reason }
				: { pattern: request.pattern };
			const list = await store.addToBlocklist(scope, entry);
			return { content: t.settingsMessages.blocklistAdded(request.pattern.trim(), where, list.length) };
		}
		case "blocklistRemove": {
			if (await store.removeFromBlocklist(scope, request.pattern)) {
				return { content: t.settingsMessages.blocklistRemoved(request.pattern.trim(), where) };
			}
			const { settings, blocklistOrigins } = await store.resolveSettings(place.context);
			const index = settings.blocklist.findIndex(
				(entry) => entry.pattern.toLowerCase() === request.pattern.trim().toLowerCase(),
			);
			const preset = blocklistOrigins[index]?.preset;
			const hint = preset ? t.settingsMessages.blocklistFromPreset(preset) : "";
			return { content: t.settingsMessages.blocklistNotThere(request.pattern.trim(), where) + hint };
		}
	}
}

/** Runs a moderator's /settings request; a refused value becomes the message saying what the setting accepts. */
export async function answerSettings(
	store: SettingsStore,
	request: SettingsRequest,
	place: SettingsPlace,
	t: Text,
): Promise<SettingsReply> {
	try {
		return await run(store, request, place, t);
	} catch (err) {
		if (err instanceof SettingError) return { content: describeSettingError(err, t) };
		throw err;
	}
}
