// src/moderation/mergeSettings.ts: layers defaults, presets, server and channel values into one channel's effective settings.
import type { ModerationConfig } from "./config.js";
import { defaultSettings } from "./defaultSettings.js";
import { PRESETS } from "./presets.js";
import {
	type BlocklistEntry,
	HARM_CATEGORIES,
	type PresetName,
	peopleRank,
	type Settings,
	thresholdRank,
} from "./settings.js";
import { type ScopeSettings, SETTING_KEYS, type SettingKey, validateSetting } from "./validateSetting.js";

export type SettingSource = "default" | "server" | "channel" | "preset";

export type SettingOrigin = {
	source: SettingSource;
	/** The preset that gave the value, when source is "preset". */
	preset?: PresetName;
	/**
	 * Set when a bound lowered the value: the operator's SAFETY_MOST_PERMISSIVE ("operator"), or the rule that an
	 * age-restricted channel never allows images of children ("ageRestricted").
	 */
	capped?: "operator" | "ageRestricted";
};

export type EffectiveSettings = {
	settings: Settings;
	origins: Record<SettingKey, SettingOrigin>;
	/** Where each entry of settings.blocklist comes from, index for index. */
	blocklistOrigins: SettingOrigin[];
};

export type MergeInput = {
	config: ModerationConfig;
	server: ScopeSettings;
	/** The channel's own values; for a thread, its parent channel's. */
	channel: ScopeSettings;
	/** Discord's age-restricted (nsfw) flag of the channel, or of a thread's parent. */
	ageRestricted: boolean;
};

/** A value stored before the operator changed the allow-list or a rule tightened is ignored, not fatal. */
function isUsable(key: SettingKey, value: unknown, config: ModerationConfig): boolean {
	// Thresholds above the operator's bound are capped below rather than dropped, so the moderator sees why.
	const lenient = key.startsWith("safety.") ? { ...config, safetyMostPermissive: "OFF" as const } : config;
	try {
		validateSetting(key, value, lenient);
		return true;
	} catch {
		return false;
	}
}

function assign(settings: Settings, key: SettingKey, value: unknown): void {
	const [group = "", field] = key.split(".");
	const target = settings as unknown as Record<string, Record<string, unknown>>;
	if (field === undefined) (target as Record<string, unknown>)[group] = value;
	else if (target[group]) target[group][field] = value;
}

/**
 * Computes a channel's effective settings and where each value came from. Lowest to highest: the defaults
 * (the standard preset), the server's preset, the server's values, the age-restricted preset (only in a channel
 * marked age-restricted, unless set to "none"), the channel's preset, the channel's values. Blocklists add up:
 * the preset's words, then the server's, then the channel's. Then the caps: no threshold is looser than the
 * operator's SAFETY_MOST_PERMISSIVE, anywhere (a moderator may choose relaxed in any channel within it); in an
 * age-restricted channel people are at most adults.
 */
export function mergeSettings({ config, server, channel, ageRestricted }: MergeInput): EffectiveSettings {
	const settings = defaultSettings(config);
	const origins = Object.fromEntries(SETTING_KEYS.map((key) => [key, { source: "default" }])) as Record<
		SettingKey,
		SettingOrigin
	>;
	let presetEntries: { entries: readonly BlocklistEntry[]; origin: SettingOrigin } = {
		entries: settings.blocklist,
		origin: { source: "default" },
	};
	const customEntries: { entry: BlocklistEntry; origin: SettingOrigin }[] = [];

	const applyPreset = (name: PresetName, origin: SettingOrigin) => {
		const preset = PRESETS[name];
		settings.preset = name;
		for (const category of HARM_CATEGORIES) {
			settings.safety[category] = preset.safety[category];
			origins[`safety.${category}`] = origin;
		}
		settings.people = preset.people;
		origins.people = origin;
		presetEntries = { entries: preset.blocklist, origin };
	};

	const applyScope = (scope: ScopeSettings, source: "server" | "channel") => {
		if (scope.preset && isUsable("preset", scope.preset, config)) {
			applyPreset(scope.preset, { source: "preset", preset: scope.preset });
			origins.preset = { source };
		}
		for (const key of SETTING_KEYS) {
			const value = scope[key];
			if (key === "preset" || value === undefined || !isUsable(key, value, config)) continue;
			if (key === "blocklist") {
				for (const entry of scope.blocklist ?? []) customEntries.push({ entry, origin: { source } });
				continue;
			}
			assign(settings, key, value);
			origins[key] = { source };
		}
	};

	applyScope(server, "server");
	// The channel's choice of age-restricted preset counts already here, although its other values come later.
	const channelAgePreset = channel.ageRestrictedPreset;
	const agePreset =
		channelAgePreset !== undefined && isUsable("ageRestrictedPreset", channelAgePreset, config)
			? channelAgePreset
			: settings.ageRestrictedPreset;
	if (ageRestricted && agePreset !== "none") {
		const origin: SettingOrigin = { source: "preset", preset: agePreset };
		applyPreset(agePreset, origin);
		origins.preset = origin;
	}
	applyScope(channel, "channel");

	const seen = new Set<string>();
	const blocklist = [
		...presetEntries.entries.map((entry) => ({ entry, origin: presetEntries.origin })),
		...customEntries,
	].filter(({ entry }) => {
		const id = entry.pattern.toLowerCase();
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
	settings.blocklist = blocklist.map(({ entry }) => ({ ...entry }));

	for (const category of HARM_CATEGORIES) {
		const key = `safety.${category}` as const;
		if (thresholdRank(settings.safety[category]) > thresholdRank(config.safetyMostPermissive)) {
			settings.safety[category] = config.safetyMostPermissive;
			origins[key] = { ...origins[key], capped: "operator" };
		}
	}
	if (ageRestricted && peopleRank(settings.people) > peopleRank("allow_adult")) {
		settings.people = "allow_adult";
		origins.people = { ...origins.people, capped: "ageRestricted" };
	}
	return { settings, origins, blocklistOrigins: blocklist.map(({ origin }) => origin) };
}
