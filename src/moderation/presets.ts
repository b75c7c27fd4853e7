// src/moderation/presets.ts: the strict, standard and relaxed bundles of safety thresholds, people and blocklist.
import type { BlocklistEntry, HarmCategoryName, PeopleMode, PresetName, SafetyThreshold } from "./settings.js";

export type Preset = {
	safety: Record<HarmCategoryName, SafetyThreshold>;
	people: PeopleMode;
	blocklist: readonly BlocklistEntry[];
};

const everyCategory = (threshold: SafetyThreshold): Record<HarmCategoryName, SafetyThreshold> => ({
	harassment: threshold,
	hateSpeech: threshold,
	sexuallyExplicit: threshold,
	dangerousContent: threshold,
});

/**
 * strict: for workplaces and young communities; the filter blocks at low probability, no people at all (no deepfakes
 * of members), and a few words refused before any model call.
 * standard: the Gemini API's own default threshold (BLOCK_MEDIUM_AND_ABOVE) and adults only; the bot's default.
 * relaxed: what age-restricted channels get by default; blocks only high-probability harm, adults only. A moderator
 * may choose it for any channel; only the operator's SAFETY_MOST_PERMISSIVE bounds it (see mergeSettings.ts).
 * No preset allows children ("allow_all"): a moderator sets people=allow_all explicitly, and never gets it in an
 * age-restricted channel.
 */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
	strict: {
		safety: everyCategory("BLOCK_LOW_AND_ABOVE"),
		people: "none",
		blocklist: [
			{ pattern: "nsfw", presetReason: "sexualContent" },
			{ pattern: "nude", presetReason: "sexualContent" },
			{ pattern: "naked", presetReason: "sexualContent" },
			{ pattern: "/\\bporn\\w*/", presetReason: "sexualContent" },
			{ pattern: "gore", presetReason: "graphicViolence" },
		],
	},
	standard: { safety: everyCategory("BLOCK_MEDIUM_AND_ABOVE"), people: "allow_adult", blocklist: [] },
	relaxed: { safety: everyCategory("BLOCK_ONLY_HIGH"), people: "allow_adult", blocklist: [] },
};
