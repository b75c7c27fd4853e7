import { describe, expect, it } from "vitest";
import { english } from "../../../src/discord/i18n/catalogue.js";
import { EMBED_LIMITS, embedLength } from "../../../src/discord/moderation/embedLimits.js";
import {
	describeOrigin,
	fitLines,
	formatSettingValue,
	renderSettings,
} from "../../../src/discord/moderation/renderSettings.js";
import { parseModerationConfig } from "../../../src/moderation/config.js";
import { mergeSettings } from "../../../src/moderation/mergeSettings.js";
import { type ScopeSettings, SETTING_KEYS, type SettingKey } from "../../../src/moderation/validateSetting.js";

/** These tests read the English catalogue. */
const t = english;

const config = parseModerationConfig({ SAFETY_MOST_PERMISSIVE: "BLOCK_MEDIUM_AND_ABOVE" });
const CHANNEL = "200000000000000002";
const where = { channelId: CHANNEL, ageRestricted: false };
const render = (server: ScopeSettings, channel: ScopeSettings = {}, ageRestricted = false) =>
	renderSettings(mergeSettings({ config, server, channel, ageRestricted }), { ...where, ageRestricted }, t);
const linesOf = (embed: ReturnType<typeof renderSettings>) =>
	(embed.fields ?? []).flatMap((field) => field.value.split("\n"));
const lineOf = (embed: ReturnType<typeof renderSettings>, key: string) =>
	linesOf(embed).find((line) => line.startsWith(`\`${key}\` `));
const role = (index: number) => `${100_000_000_000_000_000 + index}`;

describe("renderSettings", () => {
	it("shows every setting key once, with its value and where it comes from", () => {
		const embed = render({ "limits.cooldownSeconds": 30 }, { "threads.visibility": "private" });
		for (const key of SETTING_KEYS.filter((candidate) => candidate !== "blocklist")) {
			expect(linesOf(embed).filter((line) => line.startsWith(`\`${key}\` `))).toHaveLength(1);
		}
		expect(lineOf(embed, "limits.cooldownSeconds")).toBe("`limits.cooldownSeconds` **30 s** · server");
		expect(lineOf(embed, "threads.visibility")).toBe("`threads.visibility` **private** · channel");
		expect(lineOf(embed, "model")).toBe("`model` **gemini-3.1-flash-image** · default");
		expect(embed.fields?.map((field) => field.name)).toEqual([
			"Model",
			"Presets",
			"Safety thresholds",
			"People",
			"Access",
			"Threads",
			"Limits (per UTC day)",
			"Moderation log",
			"Blocklist",
		]);
		expect(embed.description).toContain(`<#${CHANNEL}>`);
	});

	it("names the preset a value came from, and says when a cap lowered it", () => {
		const embed = render({ preset: "strict" }, {});
		expect(lineOf(embed, "preset")).toBe("`preset` **strict** · server");
		expect(lineOf(embed, "people")).toBe("`people` **none** · preset strict");
		const capped = render({ "safety.harassment": "BLOCK_ONLY_HIGH" });
		expect(lineOf(capped, "safety.harassment")).toBe(
			"`safety.harassment` **BLOCK_MEDIUM_AND_ABOVE** · server, capped by the bot's operator",
		);
		const ageRestricted = render({}, {}, true);
		expect(lineOf(ageRestricted, "preset")).toBe("`preset` **relaxed** · age-restricted channel: relaxed");
		expect(lineOf(ageRestricted, "people")).toBe("`people` **allow_adult** · preset relaxed");
		expect(ageRestricted.description).toContain("Discord marks this channel age-restricted.");
	});

	it("mentions a thread when it shows the parent channel's settings for it", () => {
		const embed = renderSettings(
			mergeSettings({ config, server: {}, channel: {}, ageRestricted: false }),
			{
				...where,
				threadId: "300000000000000004",
			},
			t,
		);
		expect(embed.description).toContain("<#300000000000000004>");
	});

	it.each<[SettingKey, unknown, string]>([
		["limits.cooldownSeconds", 0, "off"],
		["limits.memberDailyImages", 0, "unlimited"],
		["limits.serverDailyImages", 250, "250 a day"],
		["threads.autoArchiveMinutes", 1_440, "1440 min (1 d)"],
		["threads.autoArchiveMinutes", 60, "60 min (1 h)"],
		["access.allowedRoles", [], "everyone"],
		["access.deniedRoles", [], "none"],
		["access.deniedRoles", [role(1), role(2)], `<@&${role(1)}> <@&${role(2)}>`],
		["modlog.channelId", undefined, "off"],
		["modlog.channelId", CHANNEL, `<#${CHANNEL}>`],
		["modlog.includePrompts", true, "on"],
		["modlog.includePrompts", false, "off"],
		["blocklist", [{ pattern: "a" }], "1 entry"],
		["people", "allow_adult", "allow_adult"],
	])("formats %s = %j as %s", (key, value, expected) => {
		expect(formatSettingValue(key, value, t)).toBe(expected);
	});

	it("describes origins in words", () => {
		expect(describeOrigin({ source: "default" }, t)).toBe("default");
		expect(describeOrigin({ source: "preset", preset: "relaxed" }, t)).toBe("preset relaxed");
		expect(describeOrigin({ source: "channel", capped: "ageRestricted" }, t)).toBe(
			"channel, capped at adults: age-restricted channel",
		);
	});

	it("stays within Discord's embed limits with the longest blocklists and role lists a server can store", () => {
		const entries = (prefix: string) =>
			Array.from({ length: 100 }, (_, index) => ({
				pattern: `/${prefix}${index}${"x".repeat(90)}/`,
				reason: "r".repeat(200),
			}));
		const roles = Array.from({ length: 50 }, (_, index) => role(index));
		const embed = render(
			{ preset: "strict", blocklist: entries("s"), "access.allowedRoles": roles, "access.deniedRoles": roles },
			{ blocklist: entries("c") },
		);
		for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
		expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
		const blocklist = embed.fields?.find((field) => field.name === "Blocklist")?.value ?? "";
		expect(blocklist.split("\n")[0]).toBe("`nsfw` (preset strict) · This server does not allow sexual content.");
		expect(blocklist).toMatch(/… and \d+ more$/);
		expect(lineOf(embed, "access.allowedRoles")).toContain("+40 more");
	});

	it("keeps backticks in a pattern from breaking its code span", () => {
		const embed = render({ blocklist: [{ pattern: "a`b" }] });
		expect(embed.fields?.at(-1)?.value).toBe("`aˋb` (server)");
	});
});

describe("fitLines", () => {
	it("joins lines that fit", () => {
		expect(fitLines(["a", "b"], t, 10)).toBe("a\nb");
	});

	it("replaces the lines that do not fit with a count", () => {
		const fitted = fitLines(["aaaa", "bbbb", "cccc", "dddd"], t, 18);
		expect(fitted).toBe("aaaa\n… and 3 more");
		expect(fitted.length).toBeLessThanOrEqual(18);
	});
});
