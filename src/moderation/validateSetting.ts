// src/moderation/validateSetting.ts: every setting key, what it takes, and the check a value passes before it is stored.
import { z } from "zod";
import { bareModelId } from "../gemini/models.js";
import type { ModerationConfig } from "./config.js";
import { compileBlocklistPattern } from "./matchBlocklist.js";
import { SettingError } from "./settingErrors.js";
import {
	AGE_RESTRICTED_PRESETS,
	type AgeRestrictedPreset,
	AUTO_ARCHIVE_MINUTES,
	type AutoArchiveMinutes,
	type BlocklistEntry,
	HARM_CATEGORIES,
	type HarmCategoryName,
	PEOPLE_MODES,
	type PeopleMode,
	PRESET_NAMES,
	type PresetName,
	SAFETY_THRESHOLDS,
	type SafetyThreshold,
	THREAD_TURNS,
	THREAD_VISIBILITIES,
	type ThreadTurns,
	type ThreadVisibility,
	thresholdRank,
} from "./settings.js";

export const MAX_BLOCKLIST_ENTRIES = 100;
const MAX_ROLES = 50;
const MAX_REASON_LENGTH = 200;

/** The value each key stores at a scope; keys name their place in Settings (`limits.cooldownSeconds`). */
export type SettingValues = { [Category in HarmCategoryName as `safety.${Category}`]: SafetyThreshold } & {
	model: string;
	/** Applying a preset at a scope also clears that scope's own safety and people values. */
	preset: PresetName;
	people: PeopleMode;
	"access.allowedRoles": string[];
	"access.deniedRoles": string[];
	"access.threadTurns": ThreadTurns;
	"threads.visibility": ThreadVisibility;
	"threads.autoArchiveMinutes": AutoArchiveMinutes;
	"limits.cooldownSeconds": number;
	"limits.memberDailyImages": number;
	"limits.serverDailyImages": number;
	"modlog.channelId": string;
	"modlog.includePrompts": boolean;
	/** This scope's own entries; the effective list adds the preset's, the server's and the channel's. */
	blocklist: BlocklistEntry[];
	ageRestrictedPreset: AgeRestrictedPreset;
};
export type SettingKey = keyof SettingValues;
/** What one scope (a server or a channel) has set; absent keys inherit. */
export type ScopeSettings = Partial<SettingValues>;

export const SAFETY_KEYS = HARM_CATEGORIES.map((category) => `safety.${category}` as const);
/** Keys a preset sets together (the blocklist part of a preset is added, not replaced; see mergeSettings.ts). */
export const PRESET_KEYS = [...SAFETY_KEYS, "people"] as const satisfies readonly SettingKey[];

// Discord input arrives as text; an empty string must not coerce to 0, which means unlimited.
const text = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const count = (max: number) =>
	z.preprocess((value) => (text(value) === "" ? undefined : text(value)), z.coerce.number().int().min(0).max(max));
const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) =>
	z.preprocess((value) => text(value), z.enum(values));
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
	.union([z.string(), z.object({ pattern: z.string(), reason: z.string().max(MAX_REASON_LENGTH).optional() })])
	.transform((entry): BlocklistEntry => {
		const { pattern, reason } = typeof entry === "string" ? { pattern: entry, reason: undefined } : entry;
		return reason?.trim() ? { pattern: pattern.trim(), reason: reason.trim() } : { pattern: pattern.trim() };
	});

type Definition<Value> = { schema: z.ZodType<Value>; expected: string };
const thresholdDefinition: Definition<SafetyThreshold> = {
	schema: oneOf(SAFETY_THRESHOLDS),
	expected: `one of ${SAFETY_THRESHOLDS.join(", ")}`,
};

const DEFINITIONS: { [Key in SettingKey]: Definition<SettingValues[Key]> } = {
	model: { schema: z.preprocess(text, z.string().min(1).max(100)), expected: "a model id" },
	preset: { schema: oneOf(PRESET_NAMES), expected: `one of ${PRESET_NAMES.join(", ")}` },
	"safety.harassment": thresholdDefinition,
	"safety.hateSpeech": thresholdDefinition,
	"safety.sexuallyExplicit": thresholdDefinition,
	"safety.dangerousContent": thresholdDefinition,
	people: { schema: oneOf(PEOPLE_MODES), expected: `one of ${PEOPLE_MODES.join(", ")}` },
	"access.allowedRoles": { schema: roleList, expected: `up to ${MAX_ROLES} role ids` },
	"access.deniedRoles": { schema: roleList, expected: `up to ${MAX_ROLES} role ids` },
	"access.threadTurns": { schema: oneOf(THREAD_TURNS), expected: `one of ${THREAD_TURNS.join(", ")}` },
	"threads.visibility": { schema: oneOf(THREAD_VISIBILITIES), expected: `one of ${THREAD_VISIBILITIES.join(", ")}` },
	"threads.autoArchiveMinutes": {
		schema: count(10_080).refine((minutes): minutes is AutoArchiveMinutes =>
			(AUTO_ARCHIVE_MINUTES as readonly number[]).includes(minutes),
		),
		expected: `one of ${AUTO_ARCHIVE_MINUTES.join(", ")} (minutes)`,
	},
	"limits.cooldownSeconds": { schema: count(86_400), expected: "a whole number of seconds from 0 (off) to 86400" },
	"limits.memberDailyImages": { schema: count(100_000), expected: "a whole number from 0 (unlimited) to 100000" },
	"limits.serverDailyImages": { schema: count(1_000_000), expected: "a whole number from 0 (unlimited) to 1000000" },
	"modlog.channelId": {
		schema: z.preprocess(
			(value) => (typeof value === "string" ? value.trim().replace(/^<#(\d+)>$/, "$1") : value),
			snowflake,
		),
		expected: "a channel id",
	},
	"modlog.includePrompts": {
		schema: z.union([
			z.boolean(),
			oneOf(["true", "false", "on", "off", "yes", "no"]).transform((value) => ["true", "on", "yes"].includes(value)),
		]),
		expected: "true or false",
	},
	blocklist: {
		schema: z.preprocess((value) => (typeof value === "string" ? [value] : value), z.array(blocklistEntry)),
		expected: `up to ${MAX_BLOCKLIST_ENTRIES} words or /patterns/, each with an optional reason`,
	},
	ageRestrictedPreset: {
		schema: oneOf(AGE_RESTRICTED_PRESETS),
		expected: `one of ${AGE_RESTRICTED_PRESETS.join(", ")}`,
	},
};

export const SETTING_KEYS = Object.keys(DEFINITIONS) as SettingKey[];

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(DEFINITIONS, key);

/** Parses and checks a value for `key` against its type and the operator's bounds, or throws a SettingError saying why. */
export function validateSetting<Key extends SettingKey>(
	key: Key,
	value: unknown,
	config: ModerationConfig,
): SettingValues[Key];
export function validateSetting(key: string, value: unknown, config: ModerationConfig): SettingValues[SettingKey];
export function validateSetting(key: string, value: unknown, config: ModerationConfig): SettingValues[SettingKey] {
	if (!isSettingKey(key)) throw new SettingError("unknownSetting", { key, known: SETTING_KEYS });
	const definition = DEFINITIONS[key] as Definition<SettingValues[SettingKey]>;
	const parsed = definition.schema.safeParse(value);
	if (!parsed.success) throw new SettingError("invalidValue", { key, expected: definition.expected });
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
