// test/e2e/usage.test.ts: /usage end to end: a member's and the server's images today, and what moderators see.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { nextUtcMidnight } from "../../src/moderation/utcDay.js";
import { botImages, expectNothingStray, finalReply, type Harness, startHarness, threadNamed } from "./harness.js";

describe("/usage, end to end", () => {
	let h: Harness;
	const usage = async (userId: string, channelId = h.discord.textChannelId) => {
		const interaction = await h.discord.slashCommand({ name: "usage", channelId, userId });
		return { interaction, message: await finalReply(h, interaction, "the /usage answer") };
	};

	beforeAll(async () => {
		h = await startHarness({ env: { DEFAULT_MEMBER_DAILY_IMAGES: "5", DEFAULT_SERVER_DAILY_IMAGES: "20" } });
		// Two real turns for userId: /imagine opens a thread, a message in it is the second turn.
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a kite" },
		});
		const thread = await threadNamed(h, "a kite");
		await h.discord.waitFor(() => botImages(h, thread.id)[0], { what: "first image" });
		await h.discord.userMessage({ channelId: thread.id, content: "make it red" });
		await h.discord.waitFor(() => botImages(h, thread.id)[1], { what: "second image" });
		// A turn settles its quota after posting its image: wait for both turns to finish.
		await h.bot.deps.turns.idle();
		// Three images for otherUserId straight through the quotas, with a known cost.
		const reserved = await h.bot.deps.quotas.reserve({
			guildId: h.discord.guildId,
			userId: h.discord.otherUserId,
			images: 3,
			limits: { cooldownSeconds: 0, memberDailyImages: 5, serverDailyImages: 20 },
			model: "gemini-3.1-flash-image",
		});
		if (!reserved.ok) throw new Error(`reserve refused: ${reserved.code}`);
		await h.bot.deps.quotas.commit(reserved.reservation, 3, { usd: 0.3 });
		const counted = (await h.bot.deps.quotas.topUsersToday(h.discord.guildId, 5)).images;
		if (counted !== 5) throw new Error(`usage report counted ${counted} images, not 5`);
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("shows a member their images today, what is left of theirs and the server's, and when quotas reset", async () => {
		const { interaction, message } = await usage(h.discord.userId);
		expect(interaction.ephemeral).toBe(true);
		expect(message.allowed_mentions).toEqual({ parse: [] });
		const resetsAt = Math.floor(nextUtcMidnight(Date.now()).getTime() / 1_000);
		expect(message.content).toBe(
			[
				"**Your images today:** 2 of 5 (3 left)",
				"**This server today:** 5 of 20 (15 left)",
				`Quotas reset <t:${resetsAt}:R>, at 00:00 UTC (<t:${resetsAt}:t> your time). Counts include images of turns still running.`,
			].join("\n"),
		);
		expect(message.content).not.toContain("Top users");
		expect(message.content).not.toContain("cost");
	});

	it("uses the limits of the channel it runs in", async () => {
		await h.bot.deps.settings.set({ kind: "channel", id: h.discord.textChannelId }, "limits.memberDailyImages", "8");
		const { message } = await usage(h.discord.userId);
		expect(message.content).toContain("**Your images today:** 2 of 8 (6 left)");
		const elsewhere = h.discord.addTextChannel("no-override");
		expect((await usage(h.discord.userId, elsewhere.id)).message.content).toContain("2 of 5 (3 left)");
		await h.bot.deps.settings.reset({ kind: "channel", id: h.discord.textChannelId }, "limits.memberDailyImages");
	});

	it("also shows moderators today's top users and the estimated cost", async () => {
		const { interaction, message } = await usage(h.discord.moderatorId);
		expect(interaction.ephemeral).toBe(true);
		expect(message.content).toContain("**Your images today:** 0 of 5 (5 left)");
		expect(message.content).toContain(
			[
				"**Top users today**",
				`1. <@${h.discord.otherUserId}>: 3 images ($0.30)`,
				`2. <@${h.discord.userId}>: 2 images ($`,
			].join("\n"),
		);
		expect(message.content).toMatch(/\*\*Estimated cost today:\*\* \$\d+\.\d\d for 5 images/);
		expect(message.mentions).toEqual([]);
	});

	it("explains in a DM that quotas are counted per server", async () => {
		const interaction = await h.discord.slashCommand({ name: "usage", channelId: h.discord.dmChannelId });
		await h.discord.waitFor(() => interaction.callbacks.length > 0);
		expect(interaction.ephemeral).toBe(true);
		expect(JSON.stringify(interaction.callbacks[0]?.data)).toContain("counted per server");
	});
});
