// test/e2e/policy.test.ts: every path to Gemini goes through the server's policy: safety, roles, blocklist, quotas.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { reply } from "../../fakes/fakeGemini.js";
import { NO_PEOPLE_INSTRUCTION } from "../../src/moderation/geminiSafety.js";
import type { SettingsScope } from "../../src/moderation/settingsStore.js";
import {
	botImages,
	botMessages,
	expectNothingStray,
	geminiRequest,
	type Harness,
	interactionText,
	startHarness,
	threadNamed,
} from "./harness.js";

describe.each(["sqlite", "redis"] as const)("moderation policy, end to end (%s)", (store) => {
	let h: Harness;
	let server: SettingsScope;
	const set = (key: string, value: unknown, scope: SettingsScope = server) =>
		h.bot.deps.settings.set(scope, key, value);
	const imagine = async (prompt: string, channelId = h.discord.textChannelId, userId = h.discord.userId) => {
		const interaction = await h.discord.slashCommand({ name: "imagine", channelId, userId, options: { prompt } });
		await h.discord.waitFor(() => interaction.callbacks.length > 0, { what: `/imagine ${prompt} answered` });
		return interaction;
	};
	/** The bot's DMs to anyone: policy refusals for thread messages go there. */
	const botDms = () =>
		[...h.discord.channels.values()]
			.filter((channel) => channel.type === 1)
			.flatMap((channel) => botMessages(h, channel.id));

	beforeAll(async () => {
		h = await startHarness({ store });
		server = { kind: "guild", id: h.discord.guildId };
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("sends the effective safety settings, a channel override beating the server value", async () => {
		await set("safety.hateSpeech", "BLOCK_LOW_AND_ABOVE");
		await set("safety.dangerousContent", "BLOCK_LOW_AND_ABOVE");
		await set("safety.dangerousContent", "BLOCK_ONLY_HIGH", { kind: "channel", id: h.discord.textChannelId });
		const count = h.gemini.requests.length;
		await imagine("a lighthouse");
		const request = await geminiRequest(h, count);
		expect(request.body.safetySettings).toEqual([
			{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_MEDIUM_AND_ABOVE" },
			{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_LOW_AND_ABOVE" },
			{ category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", threshold: "BLOCK_MEDIUM_AND_ABOVE" },
			{ category: "HARM_CATEGORY_DANGEROUS_CONTENT", threshold: "BLOCK_ONLY_HIGH" },
		]);
		await threadNamed(h, "a lighthouse");
	});

	it("applies the age-restricted preset automatically in an age-restricted channel", async () => {
		const count = h.gemini.requests.length;
		await imagine("a moody poster", h.discord.nsfwChannelId);
		const request = await geminiRequest(h, count);
		const thresholds = new Set(
			(request.body.safetySettings as { threshold: string }[]).map((entry) => entry.threshold),
		);
		expect([...thresholds]).toEqual(["BLOCK_ONLY_HIGH"]);
	});

	it("asks for no people in words when the setting says none (Gemini API mode takes no personGeneration)", async () => {
		await set("people", "none");
		const count = h.gemini.requests.length;
		await imagine("a busy market");
		const request = await geminiRequest(h, count);
		expect(request.body.contents.at(-1)?.parts.at(-1)?.text).toBe(`a busy market\n\n${NO_PEOPLE_INSTRUCTION}`);
		expect(request.body.generationConfig?.imageConfig).toBeUndefined();
		await h.bot.deps.settings.reset(server, "people");
	});

	it("refuses a denied role privately, with the role, and makes no Gemini call", async () => {
		const role = h.discord.addRole(`no-images-${store}`);
		h.discord.setMemberRoles(h.discord.otherUserId, [role]);
		await set("access.deniedRoles", [role]);
		const count = h.gemini.requests.length;
		const interaction = await imagine("a red kite", h.discord.textChannelId, h.discord.otherUserId);
		expect(interaction.ephemeral).toBe(true);
		expect(interactionText(interaction)).toContain(`<@&${role}>`);
		expect(h.gemini.requests).toHaveLength(count);
		await h.bot.deps.settings.reset(server, "access.deniedRoles");
		h.discord.setMemberRoles(h.discord.otherUserId, []);
	});

	it("refuses a blocklisted word with the moderators' reason, in a thread message too", async () => {
		await h.bot.deps.settings.addToBlocklist(server, { pattern: "glorbnax", reason: "we keep that name out of here" });
		const count = h.gemini.requests.length;
		const interaction = await imagine("a portrait of Glorbnax");
		expect(interactionText(interaction)).toContain("we keep that name out of here");
		const thread = await threadNamed(h, "a lighthouse");
		const message = await h.discord.userMessage({ channelId: thread.id, content: "now add glorbnax" });
		const refusal = await h.discord.waitFor(() => botDms().find((posted) => posted.content.includes(message.id)), {
			what: "private refusal by DM",
		});
		expect(refusal.content).toContain("glorbnax");
		expect(refusal.content).toContain("we keep that name out of here");
		await h.discord.waitFor(() => h.discord.message(message.id)?.reactions.some((reaction) => reaction.emoji === "🚫"));
		expect(botMessages(h, thread.id).some((posted) => posted.message_reference?.message_id === message.id)).toBe(false);
		expect(h.gemini.requests).toHaveLength(count);
		await h.bot.deps.settings.removeFromBlocklist(server, "glorbnax");
	});

	it("lets only the thread's starter add turns when the server says so", async () => {
		await set("access.threadTurns", "starter");
		const thread = await threadNamed(h, "a lighthouse");
		const count = h.gemini.requests.length;
		const message = await h.discord.userMessage({
			channelId: thread.id,
			content: "my turn",
			authorId: h.discord.otherUserId,
		});
		const refusal = await h.discord.waitFor(() => botDms().find((posted) => posted.content.includes(message.id)), {
			what: "private refusal by DM",
		});
		expect(refusal.content).toContain(`<@${h.discord.userId}>`);
		expect(h.gemini.requests).toHaveLength(count);
		await h.bot.deps.settings.reset(server, "access.threadTurns");
	});

	it("opens private threads when the server wants them", async () => {
		await set("threads.visibility", "private");
		await imagine("a secret garden");
		const thread = await threadNamed(h, "a secret garden");
		expect(thread.type).toBe(12);
		await h.discord.waitFor(() => botImages(h, thread.id)[0]);
		await h.bot.deps.settings.reset(server, "threads.visibility");
	});

	it("counts only images actually produced, refuses an exhausted quota with its reset, and remembers it after a restart", async () => {
		await set("limits.memberDailyImages", 2);
		const before = await h.bot.deps.quotas.usageToday({ guildId: h.discord.guildId, userId: h.discord.otherUserId });
		expect(before.member.used).toBe(0);
		h.gemini.enqueue(reply([], { finishReason: "IMAGE_SAFETY", finishMessage: "Support codes: 63429089" }));
		await imagine("a blocked one", h.discord.textChannelId, h.discord.otherUserId);
		const blockedThread = await threadNamed(h, "a blocked one");
		await h.discord.waitFor(() =>
			botMessages(h, blockedThread.id).find((posted) => posted.content.includes("withheld")),
		);
		await imagine("first allowed", h.discord.textChannelId, h.discord.otherUserId);
		const first = await threadNamed(h, "first allowed");
		await h.discord.waitFor(() => botImages(h, first.id)[0]);
		await imagine("second allowed", h.discord.textChannelId, h.discord.otherUserId);
		const second = await threadNamed(h, "second allowed");
		await h.discord.waitFor(() => botImages(h, second.id)[0]);
		const after = await h.bot.deps.quotas.usageToday({ guildId: h.discord.guildId, userId: h.discord.otherUserId });
		expect(after.member.used).toBe(2);
		await h.restart();
		const count = h.gemini.requests.length;
		const refused = await imagine("one too many", h.discord.textChannelId, h.discord.otherUserId);
		expect(refused.ephemeral).toBe(true);
		expect(interactionText(refused)).toContain("You have used your 2 images for today");
		expect(interactionText(refused)).toMatch(/<t:\d+:R>/);
		expect(h.gemini.requests).toHaveLength(count);
		await h.bot.deps.settings.reset(server, "limits.memberDailyImages");
	});
});
