// src/moderation/settingErrors.ts: the one error a refused /settings change throws; its code keys a message for moderators.
import { CodedError } from "../errors.js";
import type { SafetyThreshold, SettingKey } from "./settings.js";

export type SettingErrorDetails = {
	unknownSetting: { key: string; known: readonly string[] };
	/** The value does not fit what `key` takes (src/discord/messages.ts says what that is). */
	invalidValue: { key: SettingKey };
	modelNotAllowed: { model: string; allowed: readonly string[] };
	/** The operator's SAFETY_MOST_PERMISSIVE forbids thresholds looser than `mostPermissive`. */
	thresholdTooPermissive: { key: string; threshold: SafetyThreshold; mostPermissive: SafetyThreshold };
	invalidPattern: {
		pattern: string;
		problem: "syntax" | "tooLong" | "nestedQuantifier" | "matchesEverything" | "empty";
	};
	tooManyEntries: { key: string; max: number };
};
export type SettingErrorCode = keyof SettingErrorDetails;

/** A settings change the bot refuses; shown to the moderator who asked, and nothing is stored. */
export class SettingError<Code extends SettingErrorCode = SettingErrorCode> extends CodedError<
	SettingErrorDetails,
	Code
> {}
