// test/e2e/burst.test.ts: many members sending /imagine at the same moment all get their image, on either store.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { botImages, expectNothingStray, type Harness, startHarness } from "./harness.js";

const MEMBERS = 20;

describe.each(["sqlite", "redis"] as const)("a burst of /imagine on the %s store, end to end", (store) => {
	let h: Harness;

	beforeAll(async () => {
		h = await startHarness({ store });
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("gives each of 20 members a thread with an image, and counts exactly 20 images for the server", async () => {
		const members = Array.from({ length: MEMBERS }, (_, index) => ({
			userId: h.discord.addMember(`member${index}`),
			prompt: `a lighthouse number ${index}`,
		}));
		await Promise.all(
			members.map(({ userId, prompt }) =>
				h.discord.slashCommand({ name: "imagine", channelId: h.discord.textChannelId, userId, options: { prompt } }),
			),
		);
		const threads = await h.discord.waitFor(
			() => {
				const found = members.map(({ prompt }) => h.discord.threads().find((thread) => thread.name === prompt));
				return found.every((thread) => thread && botImages(h, thread.id).length > 0) && found;
			},
			{ timeoutMs: 25_000, what: `${MEMBERS} threads, each with an image` },
		);
		expect(new Set(threads.map((thread) => thread?.id)).size).toBe(MEMBERS);
		expect(h.gemini.requests).toHaveLength(MEMBERS);
		// stop() lets every running turn commit before the store closes; the restarted bot reads what was stored.
		const { deps } = await h.restart();
		const guildId = h.discord.guildId;
		const report = await deps.quotas.topUsersToday(guildId, MEMBERS + 5);
		expect(report.images).toBe(MEMBERS);
		expect(report.users.map((user) => user.userId).sort()).toEqual(members.map(({ userId }) => userId).sort());
		expect(report.users.every((user) => user.images === 1)).toBe(true);
		for (const { userId } of members) {
			const usage = await deps.quotas.usageToday({ guildId, userId });
			expect(usage.member.used).toBe(1);
			expect(usage.server.used).toBe(MEMBERS);
		}
	});
});
