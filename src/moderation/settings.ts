// src/moderation/settings.ts: what a server or channel can configure, its value space, and the values each key stores.
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

/** Why a preset's own blocklist words are refused; src/discord/messages.ts says each in words. */
export const PRESET_REASONS = ["sexualContent", "graphicViolence"] as const;
export type PresetReason = (typeof PRESET_REASONS)[number];

/**
 * A blocklisted word or phrase (matched whole-word, case-insensitive), or a `/regex/flags` pattern. `reason` is the
 * moderators' own text; `presetReason` marks a preset's entry (never stored: validateSetting drops it).
 */
export type BlocklistEntry = { pattern: string; reason?: string; presetReason?: PresetReason };

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
	/** Show the answer's text, the model's thoughts and its draft images while a turn runs. */
	"threads.livePreview": boolean;
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
	threads: { visibility: ThreadVisibility; autoArchiveMinutes: AutoArchiveMinutes; livePreview: boolean };
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
