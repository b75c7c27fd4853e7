// src/moderation/defaultSettings.ts: the settings of a channel nobody configured, the lowest layer mergeSettings starts from.
import type { ModerationConfig } from "./config.js";
import { PRESETS } from "./presets.js";
import type { Settings } from "./settings.js";

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
		threads: { visibility: "public", autoArchiveMinutes: 1_440, livePreview: true },
		limits: { ...config.defaultLimits },
		modlog: { channelId: undefined, includePrompts: false },
		blocklist: standard.blocklist.map((entry) => ({ ...entry })),
		ageRestrictedPreset: "relaxed",
	};
}
