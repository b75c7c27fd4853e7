// src/moderation/settings.ts: what a server or channel can configure, its value space and the documented defaults.
import type { ModerationConfig } from "./config.js";
import { PRESETS } from "./presets.js";

/** Harm categories a server may tune; each maps to one HarmCategory of the Gemini API (see geminiSafety.ts). */
export const HARM_CATEGORIES = ["harassment", "hateSpeech", "sexuallyExplicit", "dangerousContent"] as const;
export type HarmCategoryName = (typeof HARM_CATEGORIES)[number];

/**
 * The HarmBlockThreshold values the Gemini API accepts, strictest first: each blocks less than the one before it.
 * OFF turns the filter off entirely; BLOCK_NONE still reports scores. Google's own non-configurable filters
 * (child safety and the like) apply whatever is chosen here.
 * @see https://ai.google.dev/gemini-api/docs/safety-settings
 */
export const SAFETY_THRESHOLDS = [
	"BLOCK_LOW_AND_ABOVE",
	"BLOCK_MEDIUM_AND_ABOVE",
	"BLOCK_ONLY_HIGH",
	"BLOCK_NONE",
	"OFF",
] as const;
export type SafetyThreshold = (typeof SAFETY_THRESHOLDS)[number];

/** Whether images of people may be made, strictest first (see geminiSafety.ts for how each is enforced). */
export const PEOPLE_MODES = ["none", "allow_adult", "allow_all"] as const;
export type PeopleMode = (typeof PEOPLE_MODES)[number];

export const PRESET_NAMES = ["strict", "standard", "relaxed"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** "none" means age-restricted channels get no automatic preset and follow the same settings as other channels. */
export const AGE_RESTRICTED_PRESETS = [...PRESET_NAMES, "none"] as const;
export type AgeRestrictedPreset = (typeof AGE_RESTRICTED_PRESETS)[number];

export const THREAD_TURNS = ["starter", "anyone"] as const;
export type ThreadTurns = (typeof THREAD_TURNS)[number];

export const THREAD_VISIBILITIES = ["public", "private"] as const;
export type ThreadVisibility = (typeof THREAD_VISIBILITIES)[number];

/** @see https://discord.com/developers/docs/resources/channel#thread-metadata-object */
export const AUTO_ARCHIVE_MINUTES = [60, 1_440, 4_320, 10_080] as const;
export type AutoArchiveMinutes = (typeof AUTO_ARCHIVE_MINUTES)[number];

/** A blocklisted word or phrase (matched whole-word, case-insensitive), or a `/regex/flags` pattern. */
export type BlocklistEntry = { pattern: string; reason?: string };

/** Effective values for one channel: plain data that the policy check and the request builder read. */
export type Settings = {
	model: string;
	/** The preset the safety, people and blocklist values started from (the one closest to the channel). */
	preset: PresetName;
	safety: Record<HarmCategoryName, SafetyThreshold>;
	people: PeopleMode;
	access: {
		/** Role ids allowed to use the bot; empty = everyone. */
		allowedRoles: string[];
		/** Role ids refused even if they also hold an allowed role. */
		deniedRoles: string[];
		threadTurns: ThreadTurns;
	};
	threads: { visibility: ThreadVisibility; autoArchiveMinutes: AutoArchiveMinutes };
	/** 0 = no limit. */
	limits: { cooldownSeconds: number; memberDailyImages: number; serverDailyImages: number };
	modlog: { channelId: string | undefined; includePrompts: boolean };
	/** The preset's words, then the server's, then the channel's: a channel adds to the server's list. */
	blocklist: BlocklistEntry[];
	ageRestrictedPreset: AgeRestrictedPreset;
};

/** Position of a threshold from strictest (0) to most permissive. */
export const thresholdRank = (threshold: SafetyThreshold): number => SAFETY_THRESHOLDS.indexOf(threshold);

/** Position of a people mode from strictest (0) to most permissive. */
export const peopleRank = (mode: PeopleMode): number => PEOPLE_MODES.indexOf(mode);

/**
 * The settings a channel has when nobody configured anything: the "standard" preset (every category at
 * BLOCK_MEDIUM_AND_ABOVE, the API's own default; people: adults only; no blocklist), the operator's model, everyone
 * may use the bot, anyone who sees a thread may add turns, public threads archived after a day of silence, the
 * operator's default limits, no moderation log (prompts left out when one is set), and "relaxed" in channels Discord
 * marks age-restricted.
 */
export function defaultSettings(config: ModerationConfig): Settings {
	const standard = PRESETS.standard;
	return {
		model: config.defaultModel,
		preset: "standard",
		safety: { ...standard.safety },
		people: standard.people,
		access: { allowedRoles: [], deniedRoles: [], threadTurns: "anyone" },
		threads: { visibility: "public", autoArchiveMinutes: 1_440 },
		limits: { ...config.defaultLimits },
		modlog: { channelId: undefined, includePrompts: false },
		blocklist: standard.blocklist.map((entry) => ({ ...entry })),
		ageRestrictedPreset: "relaxed",
	};
}
