// src/moderation/validateSetting.ts: every setting key, what it takes, and the check a value passes before it is stored.
import { z } from "zod";
import { bareModelId } from "../gemini/models.js";
import type { ModerationConfig } from "./config.js";
import { compileBlocklistPattern } from "./matchBlocklist.js";
import { SettingError } from "./settingErrors.js";
import {
	AGE_RESTRICTED_PRESETS,
	AUTO_ARCHIVE_MINUTES,
	type AutoArchiveMinutes,
	type BlocklistEntry,
	HARM_CATEGORIES,
	PEOPLE_MODES,
	PRESET_NAMES,
	SAFETY_THRESHOLDS,
	type SafetyThreshold,
	type ScopeSettings,
	type SettingKey,
	type SettingValues,
	THREAD_TURNS,
	THREAD_VISIBILITIES,
	thresholdRank,
} from "./settings.js";

export const MAX_BLOCKLIST_ENTRIES = 100;
export const MAX_ROLES = 50;
/** The longest reason a blocklist entry may carry (`/settings blocklist add` caps its option at it too). */
export const MAX_REASON_CHARS = 200;
export const MAX_MODEL_ID_CHARS = 100;
/** The highest value of each count setting; 0 is off (cooldown) or unlimited (quotas). */
export const COUNT_MAXIMUMS = {
	"limits.cooldownSeconds": 86_400,
	"limits.memberDailyImages": 100_000,
	"limits.serverDailyImages": 1_000_000,
} as const satisfies Partial<Record<SettingKey, number>>;

// The setting types live with Settings; re-exported here, where callers find the keys and the check.
export type { ScopeSettings, SettingKey, SettingValues };

export const SAFETY_KEYS = HARM_CATEGORIES.map((category) => `safety.${category}` as const);
/** Keys a preset sets together (the blocklist part of a preset is added, not replaced; see mergeSettings.ts). */
export const PRESET_KEYS = [...SAFETY_KEYS, "people"] as const satisfies readonly SettingKey[];

// Discord input arrives as text; an empty string must not coerce to 0, which means unlimited.
const text = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const count = (max: number) =>
	z.preprocess((value) => (text(value) === "" ? undefined : text(value)), z.coerce.number().int().min(0).max(max));
const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) =>
	z.preprocess((value) => text(value), z.enum(values));
/** A switch: true or false, as a boolean or as the words a moderator types (on/off, yes/no). */
const onOff = z.union([
	z.boolean(),
	oneOf(["true", "false", "on", "off", "yes", "no"]).transform((value) => ["true", "on", "yes"].includes(value)),
]);
const snowflake = z.string().regex(/^\d{17,20}$/);
const roleList = z.preprocess(
	(value) =>
		typeof value === "string"
			? value
					.split(/[\s,]+/)
					.map((part) => part.replace(/^<@&(\d+)>$/, "$1"))
					.filter(Boolean)
			: value,
	z.array(snowflake).max(MAX_ROLES),
);
const blocklistEntry = z
	.union([z.string(), z.object({ pattern: z.string(), reason: z.string().max(MAX_REASON_CHARS).optional() })])
	.transform((entry): BlocklistEntry => {
		const { pattern, reason } = typeof entry === "string" ? { pattern: entry, reason: undefined } : entry;
		return reason?.trim() ? { pattern: pattern.trim(), reason: reason.trim() } : { pattern: pattern.trim() };
	});

// What each key takes; src/discord/messages.ts says it in words when a value does not fit.
const SCHEMAS: { [Key in SettingKey]: z.ZodType<SettingValues[Key]> } = {
	model: z.preprocess(text, z.string().min(1).max(MAX_MODEL_ID_CHARS)),
	preset: oneOf(PRESET_NAMES),
	"safety.harassment": oneOf(SAFETY_THRESHOLDS),
	"safety.hateSpeech": oneOf(SAFETY_THRESHOLDS),
	"safety.sexuallyExplicit": oneOf(SAFETY_THRESHOLDS),
	"safety.dangerousContent": oneOf(SAFETY_THRESHOLDS),
	people: oneOf(PEOPLE_MODES),
	"access.allowedRoles": roleList,
	"access.deniedRoles": roleList,
	"access.threadTurns": oneOf(THREAD_TURNS),
	"threads.visibility": oneOf(THREAD_VISIBILITIES),
	"threads.autoArchiveMinutes": count(10_080).refine((minutes): minutes is AutoArchiveMinutes =>
		(AUTO_ARCHIVE_MINUTES as readonly number[]).includes(minutes),
	),
	"threads.livePreview": onOff,
	"limits.cooldownSeconds": count(COUNT_MAXIMUMS["limits.cooldownSeconds"]),
	"limits.memberDailyImages": count(COUNT_MAXIMUMS["limits.memberDailyImages"]),
	"limits.serverDailyImages": count(COUNT_MAXIMUMS["limits.serverDailyImages"]),
	"modlog.channelId": z.preprocess(
		(value) => (typeof value === "string" ? value.trim().replace(/^<#(\d+)>$/, "$1") : value),
		snowflake,
	),
	"modlog.includePrompts": onOff,
	blocklist: z.preprocess((value) => (typeof value === "string" ? [value] : value), z.array(blocklistEntry)),
	ageRestrictedPreset: oneOf(AGE_RESTRICTED_PRESETS),
};

export const SETTING_KEYS = Object.keys(SCHEMAS) as SettingKey[];

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SCHEMAS, key);

/** Parses and checks a value for `key` against its type and the operator's bounds, or throws a SettingError saying why. */
export function validateSetting<Key extends SettingKey>(
	key: Key,
	value: unknown,
	config: ModerationConfig,
): SettingValues[Key];
export function validateSetting(key: string, value: unknown, config: ModerationConfig): SettingValues[SettingKey];
export function validateSetting(key: string, value: unknown, config: ModerationConfig): SettingValues[SettingKey] {
	if (!isSettingKey(key)) throw new SettingError("unknownSetting", { key, known: SETTING_KEYS });
	const parsed = (SCHEMAS[key] as z.ZodType<SettingValues[SettingKey]>).safeParse(value);
	if (!parsed.success) throw new SettingError("invalidValue", { key });
	const valid = parsed.data;
	if (key === "model" && typeof valid === "string") {
		const model = bareModelId(valid);
		if (!config.allowedModels.includes(model)) {
			throw new SettingError("modelNotAllowed", { model, allowed: config.allowedModels });
		}
		return model;
	}
	if (key.startsWith("safety.")) {
		const threshold = valid as SafetyThreshold;
		if (thresholdRank(threshold) > thresholdRank(config.safetyMostPermissive)) {
			throw new SettingError("thresholdTooPermissive", {
				key,
				threshold,
				mostPermissive: config.safetyMostPermissive,
			});
		}
	}
	if (key === "blocklist" && Array.isArray(valid)) {
		if (valid.length > MAX_BLOCKLIST_ENTRIES) {
			throw new SettingError("tooManyEntries", { key, max: MAX_BLOCKLIST_ENTRIES });
		}
		for (const entry of valid as BlocklistEntry[]) compileBlocklistPattern(entry.pattern);
	}
	return valid;
}
