// src/discord/i18n/settingLimits.ts: the values and maxima each locale's /settings texts quote, from where they are defined.
import {
	AGE_RESTRICTED_PRESETS,
	AUTO_ARCHIVE_MINUTES,
	PEOPLE_MODES,
	PRESET_NAMES,
	SAFETY_THRESHOLDS,
	THREAD_TURNS,
	THREAD_VISIBILITIES,
} from "../../moderation/settings.js";
import { COUNT_MAXIMUMS, MAX_BLOCKLIST_ENTRIES, MAX_ROLES } from "../../moderation/validateSetting.js";

export const settingLimits = {
	presets: PRESET_NAMES,
	ageRestrictedPresets: AGE_RESTRICTED_PRESETS,
	thresholds: SAFETY_THRESHOLDS,
	peopleModes: PEOPLE_MODES,
	threadTurns: THREAD_TURNS,
	visibilities: THREAD_VISIBILITIES,
	autoArchiveMinutes: AUTO_ARCHIVE_MINUTES,
	maxRoles: MAX_ROLES,
	maxBlocklistEntries: MAX_BLOCKLIST_ENTRIES,
	maxCooldownSeconds: COUNT_MAXIMUMS["limits.cooldownSeconds"],
	maxMemberDailyImages: COUNT_MAXIMUMS["limits.memberDailyImages"],
	maxServerDailyImages: COUNT_MAXIMUMS["limits.serverDailyImages"],
} as const;

export type Limits = typeof settingLimits;
