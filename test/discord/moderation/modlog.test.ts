// test/discord/modlog.test.ts: the moderation log's embed, its action notes and the buttons it reads back.

import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { modActionButtons } from "../../../src/discord/components.js";
import { english } from "../../../src/discord/i18n/catalogue.js";
import { EMBED_LIMITS, embedLength } from "../../../src/discord/moderation/embedLimits.js";
import {
	caseEmbed,
	doneActionsOf,
	jumpLinkOf,
	loggableError,
	withActionLine,
} from "../../../src/discord/moderation/modlog.js";
import type { CaseOutcome, ModerationCase } from "../../../src/moderation/cases.js";

/** These tests read the English catalogue. */
const t = english;

const blockedImage: CaseOutcome = {
	kind: "blocked",
	stage: "output",
	reason: "IMAGE_SAFETY",
	category: "sexual",
	codes: ["63429089"],
};

const aCase = (overrides: Partial<ModerationCase> = {}): ModerationCase => ({
	id: "0123456789ab",
	guildId: "100",
	channelId: "200",
	messageIds: ["300", "301"],
	requesterId: "400",
	model: "gemini-3.1-flash-image",
	prompt: "a secret prompt",
	outcome: blockedImage,
	at: "2026-05-01T12:00:00.000Z",
	...overrides,
});

const fieldOf = (embed: ReturnType<typeof caseEmbed>, name: string) =>
	embed.fields?.find((field) => field.name === name)?.value;

describe("caseEmbed", () => {
	it("says who, where, what, the category in words and its code, and the model; not the prompt by default", () => {
		const embed = caseEmbed(aCase(), { includePrompt: false }, t);
		expect(embed.title).toContain("Blocked image");
		expect(fieldOf(embed, "Member")).toBe("<@400>");
		expect(fieldOf(embed, "Where")).toContain("https://discord.com/channels/100/200/300");
		expect(fieldOf(embed, "Reason")).toBe("`IMAGE_SAFETY`");
		expect(fieldOf(embed, "Category")).toBe("sexual content (`sexual`)");
		expect(fieldOf(embed, "Codes")).toBe("`63429089`");
		expect(fieldOf(embed, "Model")).toContain("gemini-3.1-flash-image");
		expect(fieldOf(embed, "Prompt")).toContain("modlog.includePrompts");
		expect(JSON.stringify(embed)).not.toContain("a secret prompt");
		expect(embed.footer?.text).toBe("Case 0123456789ab");
		expect(embed.timestamp).toBe("2026-05-01T12:00:00.000Z");
	});

	it("includes the prompt when the server enabled it, and always in an appeal", () => {
		expect(caseEmbed(aCase(), { includePrompt: true }, t).description).toContain("a secret prompt");
		const appeal = caseEmbed(aCase(), { includePrompt: false, appeal: true }, t);
		expect(appeal.title).toContain("Reported as a mistake");
		expect(appeal.description).toContain("<@400>");
		expect(appeal.description).toContain("a secret prompt");
		expect(fieldOf(appeal, "Prompt")).toBeUndefined();
	});

	it.each([
		[{ kind: "blocked", stage: "prompt", reason: "SAFETY", codes: [] }, "Blocked prompt", "not named"],
		[{ kind: "refused" }, "Model refusal", undefined],
		[{ kind: "denied", code: "blocklisted" }, "Policy denial", undefined],
	] satisfies [CaseOutcome, string, string | undefined][])("names a %o case as %s", (outcome, what, category) => {
		const embed = caseEmbed(aCase({ outcome }), { includePrompt: false }, t);
		expect(embed.title).toContain(what);
		expect(fieldOf(embed, "Category")).toBe(category);
	});

	it("keeps a huge prompt inside the embed limits, and a fence in the prompt cannot close the code block", () => {
		const embed = caseEmbed(aCase({ prompt: `\`\`\`${"x".repeat(10_000)}` }), { includePrompt: true }, t);
		expect(embed.description?.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
		expect(embed.description?.match(/```/g)).toHaveLength(2);
		expect(embed.description?.endsWith("…\n```")).toBe(true);
		let noted = embed;
		for (let index = 0; index < 60; index++) noted = withActionLine(noted, `line ${index} ${"y".repeat(60)}`, t);
		expect(embedLength(noted)).toBeLessThanOrEqual(EMBED_LIMITS.total);
	});

	it("links to the channel when the case has no card message", () => {
		expect(jumpLinkOf({ guildId: "1", channelId: "2", messageIds: [] })).toBe("https://discord.com/channels/1/2");
	});
});

describe("withActionLine", () => {
	it("adds lines under one Moderator actions field, dropping the oldest when it would overflow", () => {
		const once = withActionLine(caseEmbed(aCase(), { includePrompt: false }, t), "first", t);
		const twice = withActionLine(once, "second", t);
		expect(fieldOf(twice, "Moderator actions")).toBe("first\nsecond");
		expect(twice.fields?.filter((field) => field.name === "Moderator actions")).toHaveLength(1);
		let long = twice;
		for (let index = 0; index < 40; index++) long = withActionLine(long, `line ${index} ${"y".repeat(40)}`, t);
		const value = fieldOf(long, "Moderator actions") ?? "";
		expect(value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
		expect(value).not.toContain("first");
		expect(value.endsWith(`line 39 ${"y".repeat(40)}`)).toBe(true);
	});
});

describe("doneActionsOf", () => {
	it("reads which quick actions are disabled on a log message", () => {
		expect(doneActionsOf([modActionButtons("0123456789ab", [], t)])).toEqual([]);
		expect(doneActionsOf([modActionButtons("0123456789ab", ["lock", "timeout"], t)])).toEqual(["lock", "timeout"]);
		expect(doneActionsOf([{ components: [{ custom_id: "t:info:1:1:1", disabled: true }] }, {}])).toEqual([]);
	});
});

describe("loggableError", () => {
	it("keeps a Discord error's code and status but not the request body, which may hold the prompt", () => {
		const err = new DiscordAPIError(
			{ code: 50013, message: "Missing Permissions" },
			50013,
			403,
			"POST",
			"/channels/1/messages",
			{ body: { embeds: [{ description: "a secret prompt" }] } },
		);
		const logged = loggableError(err);
		expect(logged).toMatchObject({ code: 50013, status: 403, message: "Missing Permissions" });
		expect(JSON.stringify(logged)).not.toContain("a secret prompt");
		expect(loggableError("boom")).toEqual({ name: "NonError", message: "boom" });
	});
});
