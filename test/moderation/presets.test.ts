import { describe, expect, it } from "vitest";
import { blocklistReason } from "../../src/discord/messages.js";
import { parseModerationConfig } from "../../src/moderation/config.js";
import { PRESETS } from "../../src/moderation/presets.js";
import { HARM_CATEGORIES, PRESET_NAMES, peopleRank, thresholdRank } from "../../src/moderation/settings.js";
import { validateSetting } from "../../src/moderation/validateSetting.js";

describe("PRESETS", () => {
	it("go from strictest to loosest in every category and for people", () => {
		const { strict, standard, relaxed } = PRESETS;
		expect(PRESET_NAMES).toEqual(["strict", "standard", "relaxed"]);
		for (const category of HARM_CATEGORIES) {
			expect(thresholdRank(strict.safety[category])).toBeLessThan(thresholdRank(standard.safety[category]));
			expect(thresholdRank(standard.safety[category])).toBeLessThan(thresholdRank(relaxed.safety[category]));
		}
		expect(peopleRank(strict.people)).toBeLessThanOrEqual(peopleRank(standard.people));
		expect(peopleRank(standard.people)).toBeLessThanOrEqual(peopleRank(relaxed.people));
	});

	it("stay within the operator's default bound and hold only valid blocklist patterns", () => {
		const config = parseModerationConfig({});
		for (const preset of Object.values(PRESETS)) {
			for (const category of HARM_CATEGORIES) {
				expect(validateSetting(`safety.${category}`, preset.safety[category], config)).toBe(preset.safety[category]);
			}
			const patterns = preset.blocklist.map((entry) => entry.pattern);
			expect(validateSetting("blocklist", [...preset.blocklist], config).map((entry) => entry.pattern)).toEqual(
				patterns,
			);
		}
		expect(PRESETS.strict.blocklist.length).toBeGreaterThan(0);
	});

	it("give each of their words a reason a refused member reads, which a moderator cannot set", () => {
		for (const entry of PRESETS.strict.blocklist)
			expect(blocklistReason(entry)).toMatch(/^This server does not allow /);
		const config = parseModerationConfig({});
		expect(validateSetting("blocklist", [{ pattern: "x", presetReason: "sexualContent" }], config)).toEqual([
			{ pattern: "x" },
		]);
	});
});
