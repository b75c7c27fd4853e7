import { describe, expect, it } from "vitest";
import { settingsMessages } from "../../src/discord/messages.js";
import { parseModerationConfig } from "../../src/moderation/config.js";
import { SettingError, type SettingErrorCode } from "../../src/moderation/settingErrors.js";
import { SAFETY_THRESHOLDS } from "../../src/moderation/settings.js";
import {
	MAX_BLOCKLIST_ENTRIES,
	SETTING_KEYS,
	type SettingKey,
	validateSetting,
} from "../../src/moderation/validateSetting.js";

const config = parseModerationConfig({});

function refusal(key: string, value: unknown, against = config): SettingError {
	try {
		validateSetting(key, value, against);
	} catch (err) {
		expect(err).toBeInstanceOf(SettingError);
		return err as SettingError;
	}
	throw new Error(`${key}=${JSON.stringify(value)} was accepted`);
}

const codeOf = (key: string, value: unknown): SettingErrorCode => refusal(key, value).code;

describe("validateSetting", () => {
	it("lists the thresholds strictest first, as the API names them", () => {
		expect(SAFETY_THRESHOLDS).toEqual([
			"BLOCK_LOW_AND_ABOVE",
			"BLOCK_MEDIUM_AND_ABOVE",
			"BLOCK_ONLY_HIGH",
			"BLOCK_NONE",
			"OFF",
		]);
	});

	it.each([
		["BLOCK_LOW_AND_ABOVE", true],
		["BLOCK_MEDIUM_AND_ABOVE", true],
		["BLOCK_ONLY_HIGH", true],
		["BLOCK_NONE", false],
		["OFF", false],
	])("with the default bound BLOCK_ONLY_HIGH, %s is accepted: %s", (threshold, accepted) => {
		if (accepted) expect(validateSetting("safety.sexuallyExplicit", threshold, config)).toBe(threshold);
		else
			expect(refusal("safety.sexuallyExplicit", threshold).details).toEqual({
				key: "safety.sexuallyExplicit",
				threshold,
				mostPermissive: "BLOCK_ONLY_HIGH",
			});
	});

	it("follows the operator's SAFETY_MOST_PERMISSIVE", () => {
		const strictOperator = parseModerationConfig({ SAFETY_MOST_PERMISSIVE: "BLOCK_LOW_AND_ABOVE" });
		expect(refusal("safety.harassment", "BLOCK_MEDIUM_AND_ABOVE", strictOperator).code).toBe("thresholdTooPermissive");
		const openOperator = parseModerationConfig({ SAFETY_MOST_PERMISSIVE: "OFF" });
		expect(validateSetting("safety.harassment", "OFF", openOperator)).toBe("OFF");
	});

	it("accepts only allowed models, without a models/ prefix", () => {
		expect(validateSetting("model", " models/gemini-3-pro-image ", config)).toBe("gemini-3-pro-image");
		expect(refusal("model", "gemini-9-ultra-image").details).toEqual({
			model: "gemini-9-ultra-image",
			allowed: config.allowedModels,
		});
	});

	it("reads values as typed in Discord", () => {
		expect(validateSetting("access.allowedRoles", "<@&123456789012345678>, 223456789012345678", config)).toEqual([
			"123456789012345678",
			"223456789012345678",
		]);
		expect(validateSetting("limits.memberDailyImages", "12", config)).toBe(12);
		expect(validateSetting("modlog.includePrompts", "on", config)).toBe(true);
		expect(validateSetting("modlog.includePrompts", false, config)).toBe(false);
		expect(validateSetting("modlog.channelId", "<#323456789012345678>", config)).toBe("323456789012345678");
		expect(validateSetting("threads.autoArchiveMinutes", "4320", config)).toBe(4_320);
		expect(validateSetting("blocklist", "spoilers", config)).toEqual([{ pattern: "spoilers" }]);
		expect(validateSetting("blocklist", [{ pattern: " scam ", reason: " No scams. " }], config)).toEqual([
			{ pattern: "scam", reason: "No scams." },
		]);
	});

	it.each([
		["threads.autoArchiveMinutes", 30, "one of 60, 1440, 4320, 10080 (minutes)"],
		["limits.cooldownSeconds", "", "a whole number of seconds from 0 (off) to 86400"],
		["limits.serverDailyImages", 2.5, "a whole number from 0 (unlimited) to 1000000"],
		["access.deniedRoles", "moderators", "up to 50 role ids"],
		["people", "kids", "one of none, allow_adult, allow_all"],
		["threads.visibility", "secret", "one of public, private"],
		["preset", "lenient", "one of strict, standard, relaxed"],
	])("refuses %s = %j, and the moderator is told it takes %s", (key, value, expected) => {
		const error = refusal(key, value);
		expect(error.code).toBe("invalidValue");
		expect(error.details).toEqual({ key });
		expect(settingsMessages.errors.invalidValue(error.details as { key: SettingKey })).toContain(
			`it takes ${expected}.`,
		);
	});

	it("refuses an unknown key and lists the known ones", () => {
		const error = refusal("safety.violence", "OFF");
		expect(error.code).toBe("unknownSetting");
		expect(error.details).toMatchObject({ key: "safety.violence", known: SETTING_KEYS });
	});

	it.each([
		["/(unclosed/", "syntax"],
		["/(a+)+$/", "nestedQuantifier"],
		["/(\\w*\\s?)*/", "nestedQuantifier"],
		["/a*/", "matchesEverything"],
		[`/${"x".repeat(120)}/`, "tooLong"],
		["   ", "empty"],
	])("refuses the blocklist pattern %s (%s)", (pattern, problem) => {
		const error = refusal("blocklist", [{ pattern }]);
		expect(error.code).toBe("invalidPattern");
		expect(error.details).toMatchObject({ problem });
	});

	it("refuses more than the maximum number of blocklist entries", () => {
		const entries = Array.from({ length: MAX_BLOCKLIST_ENTRIES + 1 }, (_, index) => `word${index}`);
		expect(codeOf("blocklist", entries)).toBe("tooManyEntries");
		expect(validateSetting("blocklist", entries.slice(1), config)).toHaveLength(MAX_BLOCKLIST_ENTRIES);
	});
});
