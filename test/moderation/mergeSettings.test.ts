import { describe, expect, it } from "vitest";
import { parseModerationConfig } from "../../src/moderation/config.js";
import { defaultSettings } from "../../src/moderation/defaultSettings.js";
import { mergeSettings } from "../../src/moderation/mergeSettings.js";
import { PRESETS } from "../../src/moderation/presets.js";
import { HARM_CATEGORIES } from "../../src/moderation/settings.js";
import type { ScopeSettings } from "../../src/moderation/validateSetting.js";

const config = parseModerationConfig({});
const merge = (server: ScopeSettings, channel: ScopeSettings = {}, ageRestricted = false) =>
	mergeSettings({ config, server, channel, ageRestricted });

describe("mergeSettings", () => {
	it("gives the documented standard defaults, all from 'default', when nothing is set", () => {
		const { settings, origins, blocklistOrigins } = merge({});
		expect(settings).toEqual(defaultSettings(config));
		expect(settings.safety).toEqual({
			harassment: "BLOCK_MEDIUM_AND_ABOVE",
			hateSpeech: "BLOCK_MEDIUM_AND_ABOVE",
			sexuallyExplicit: "BLOCK_MEDIUM_AND_ABOVE",
			dangerousContent: "BLOCK_MEDIUM_AND_ABOVE",
		});
		expect(settings.people).toBe("allow_adult");
		expect(settings.limits).toEqual({ cooldownSeconds: 0, memberDailyImages: 25, serverDailyImages: 250 });
		expect(settings.modlog).toEqual({ channelId: undefined, includePrompts: false });
		expect(new Set(Object.values(origins).map((origin) => origin.source))).toEqual(new Set(["default"]));
		expect(blocklistOrigins).toEqual([]);
	});

	it("lets a channel value beat the server's, and keeps the server's where the channel is silent", () => {
		const { settings, origins } = merge(
			{ "threads.visibility": "private", "limits.cooldownSeconds": 30, model: "gemini-3-pro-image" },
			{ "threads.visibility": "public", "access.threadTurns": "starter" },
		);
		expect(settings.threads.visibility).toBe("public");
		expect(origins["threads.visibility"]).toEqual({ source: "channel" });
		expect(settings.limits.cooldownSeconds).toBe(30);
		expect(origins["limits.cooldownSeconds"]).toEqual({ source: "server" });
		expect(settings.model).toBe("gemini-3-pro-image");
		expect(settings.access.threadTurns).toBe("starter");
		expect(origins["threads.autoArchiveMinutes"]).toEqual({ source: "default" });
	});

	it("applies a preset's thresholds, people and blocklist together, marked as coming from the preset", () => {
		const { settings, origins, blocklistOrigins } = merge({ preset: "strict" });
		expect(settings.preset).toBe("strict");
		for (const category of HARM_CATEGORIES) {
			expect(settings.safety[category]).toBe("BLOCK_LOW_AND_ABOVE");
			expect(origins[`safety.${category}`]).toEqual({ source: "preset", preset: "strict" });
		}
		expect(settings.people).toBe("none");
		expect(origins.people).toEqual({ source: "preset", preset: "strict" });
		expect(origins.preset).toEqual({ source: "server" });
		expect(settings.blocklist).toEqual(PRESETS.strict.blocklist);
		expect(blocklistOrigins.every((origin) => origin.preset === "strict")).toBe(true);
	});

	it("lets an explicit value at the preset's scope, or a channel's preset, override the server's preset", () => {
		const tuned = merge({ preset: "strict", people: "allow_adult" });
		expect(tuned.settings.people).toBe("allow_adult");
		expect(tuned.origins.people).toEqual({ source: "server" });
		expect(tuned.settings.safety.hateSpeech).toBe("BLOCK_LOW_AND_ABOVE");

		const channelPreset = merge({ preset: "strict" }, { preset: "standard" });
		expect(channelPreset.settings.safety.hateSpeech).toBe("BLOCK_MEDIUM_AND_ABOVE");
		expect(channelPreset.origins["safety.hateSpeech"]).toEqual({ source: "preset", preset: "standard" });
		expect(channelPreset.settings.blocklist).toEqual([]);
	});

	it("gives an age-restricted channel the relaxed preset by default, and other channels standard", () => {
		const adult = merge({}, {}, true);
		expect(adult.settings.preset).toBe("relaxed");
		expect(adult.settings.safety.sexuallyExplicit).toBe("BLOCK_ONLY_HIGH");
		expect(adult.origins["safety.sexuallyExplicit"]).toEqual({ source: "preset", preset: "relaxed" });
		const plain = merge({}, {}, false);
		expect(plain.settings.safety.sexuallyExplicit).toBe("BLOCK_MEDIUM_AND_ABOVE");
	});

	it("follows the configured age-restricted preset, over the server's values but under the channel's", () => {
		const strict = merge({ ageRestrictedPreset: "strict", "safety.dangerousContent": "BLOCK_ONLY_HIGH" }, {}, true);
		expect(strict.settings.safety.dangerousContent).toBe("BLOCK_LOW_AND_ABOVE");
		expect(strict.settings.people).toBe("none");
		expect(strict.settings.blocklist.map((entry) => entry.pattern)).toContain("nude");

		const channelWins = merge({ ageRestrictedPreset: "strict" }, { people: "allow_adult" }, true);
		expect(channelWins.settings.people).toBe("allow_adult");
		expect(channelWins.origins.people).toEqual({ source: "channel" });

		const channelChoice = merge({ ageRestrictedPreset: "strict" }, { ageRestrictedPreset: "none" }, true);
		expect(channelChoice.settings.safety.dangerousContent).toBe("BLOCK_MEDIUM_AND_ABOVE");
		expect(channelChoice.settings.ageRestrictedPreset).toBe("none");
	});

	it("lets moderators choose relaxed anywhere, within the operator's bound", () => {
		const { settings, origins } = merge({ preset: "relaxed", "safety.harassment": "BLOCK_ONLY_HIGH" });
		expect(settings.safety.harassment).toBe("BLOCK_ONLY_HIGH");
		expect(origins["safety.harassment"]).toEqual({ source: "server" });
		expect(origins["safety.hateSpeech"]).toEqual({ source: "preset", preset: "relaxed" });
		const adult = merge({ preset: "relaxed" }, { "safety.harassment": "BLOCK_ONLY_HIGH" }, true);
		expect(adult.settings.safety.harassment).toBe("BLOCK_ONLY_HIGH");
		expect(adult.origins["safety.harassment"]).toEqual({ source: "channel" });
	});

	it("caps thresholds stored before the operator tightened SAFETY_MOST_PERMISSIVE", () => {
		const tight = parseModerationConfig({ SAFETY_MOST_PERMISSIVE: "BLOCK_MEDIUM_AND_ABOVE" });
		const { settings, origins } = mergeSettings({
			config: tight,
			server: {},
			channel: { "safety.sexuallyExplicit": "OFF" },
			ageRestricted: true,
		});
		expect(settings.safety.sexuallyExplicit).toBe("BLOCK_MEDIUM_AND_ABOVE");
		expect(origins["safety.sexuallyExplicit"]).toEqual({ source: "channel", capped: "operator" });
		// The relaxed preset of an age-restricted channel is held to the operator's bound too.
		expect(settings.safety.dangerousContent).toBe("BLOCK_MEDIUM_AND_ABOVE");
		expect(origins["safety.dangerousContent"]).toMatchObject({ preset: "relaxed", capped: "operator" });
	});

	it("allows images of children only outside age-restricted channels", () => {
		expect(merge({ people: "allow_all" }).settings.people).toBe("allow_all");
		const adult = merge({ people: "allow_all" }, { people: "allow_all" }, true);
		expect(adult.settings.people).toBe("allow_adult");
		expect(adult.origins.people).toEqual({ source: "channel", capped: "ageRestricted" });
	});

	it("ignores a stored model the operator no longer allows, and values that are not valid", () => {
		const { settings, origins } = merge({
			model: "gemini-retired-image",
			"limits.cooldownSeconds": -5 as number,
			people: "everyone" as "none",
		});
		expect(settings.model).toBe(config.defaultModel);
		expect(origins.model).toEqual({ source: "default" });
		expect(settings.limits.cooldownSeconds).toBe(config.defaultLimits.cooldownSeconds);
		expect(origins["limits.cooldownSeconds"]).toEqual({ source: "default" });
		expect(settings.people).toBe("allow_adult");
	});

	it("adds up blocklists: the preset's words, then the server's, then the channel's, without duplicates", () => {
		const { settings, blocklistOrigins } = merge(
			{ preset: "strict", blocklist: [{ pattern: "spoilers", reason: "No spoilers here." }, { pattern: "NUDE" }] },
			{ blocklist: [{ pattern: "/crypto\\s*scam/" }, { pattern: "spoilers" }] },
		);
		const patterns = settings.blocklist.map((entry) => entry.pattern);
		expect(patterns).toEqual([
			...PRESETS.strict.blocklist.map((entry) => entry.pattern),
			"spoilers",
			"/crypto\\s*scam/",
		]);
		expect(blocklistOrigins.slice(-2)).toEqual([{ source: "server" }, { source: "channel" }]);
		expect(settings.blocklist.find((entry) => entry.pattern === "spoilers")?.reason).toBe("No spoilers here.");
	});
});
