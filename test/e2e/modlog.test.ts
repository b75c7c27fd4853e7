// test/e2e/modlog.test.ts: blocks and refusals reach the moderation log; appeals once; moderators' quick actions.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeChannel, FakeInteraction, StoredMessage } from "../../fakes/fakeDiscord.js";
import { reply } from "../../fakes/fakeGemini.js";
import { createLogger } from "../../src/logger.js";
import type { SettingsScope } from "../../src/moderation/settingsStore.js";
import {
	botImages,
	botMessages,
	buttonId,
	buttonsOf,
	expectNothingStray,
	type Harness,
	interactionText,
	startHarness,
	threadNamed,
} from "./harness.js";

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };

const SEXUAL_CODE = "63429089";

describe("moderation log, end to end", () => {
	let h: Harness;
	let server: SettingsScope;
	let modlog: FakeChannel;
	let threadId: string;
	const entries = () => botMessages(h, modlog.id);
	const embedOf = (message: StoredMessage | undefined) => message?.embeds[0] as Embed | undefined;
	const field = (message: StoredMessage | undefined, name: string) =>
		embedOf(message)?.fields?.find((candidate) => candidate.name === name)?.value;
	const answered = async (interaction: FakeInteraction, text: string) => {
		await h.discord.waitFor(() => interactionText(interaction).includes(text), { what: `an answer with "${text}"` });
		expect(interaction.ephemeral).toBe(true);
	};
	const set = (key: string, value: unknown) => h.bot.deps.settings.set(server, key, value);

	/** A thread turn whose image Gemini's filter withholds for sexual content; returns the refusal card. */
	const blockedTurn = async (prompt: string, options: { channelId?: string; authorId?: string } = {}) => {
		h.gemini.enqueue(
			reply([], {
				finishReason: "IMAGE_SAFETY",
				finishMessage: `Unable to show the generated image. Support codes: ${SEXUAL_CODE}`,
			}),
		);
		const channelId = options.channelId ?? threadId;
		const message = await h.discord.userMessage({
			channelId,
			content: prompt,
			...(options.authorId ? { authorId: options.authorId } : {}),
		});
		const card = await h.discord.waitFor(
			() =>
				botMessages(h, channelId).find(
					(posted) => posted.message_reference?.message_id === message.id && posted.components.length > 0,
				),
			{ what: `refusal card for "${prompt}"` },
		);
		// The turn reports its case and settles its quota after posting the card; let it finish.
		await h.bot.deps.turns.idle();
		return card;
	};
	/** Waits for the log entry about the case behind a refusal card. */
	const entryFor = (card: StoredMessage) => {
		const caseId = buttonId(card, "a:").slice(2);
		return h.discord.waitFor(
			() => entries().find((entry) => buttonsOf(entry).some((button) => button.custom_id === `ml:lock:${caseId}`)),
			{ what: `modlog entry for case ${caseId}` },
		);
	};

	beforeAll(async () => {
		h = await startHarness();
		server = { kind: "guild", id: h.discord.guildId };
		modlog = h.discord.addTextChannel("mod-log");
		await set("modlog.channelId", modlog.id);
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a red bicycle" },
		});
		threadId = (await threadNamed(h, "a red bicycle")).id;
		await h.discord.waitFor(() => botImages(h, threadId)[0]);
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("logs a blocked image with who, where, the category and its code, and the model, but not the prompt", async () => {
		const card = await blockedTurn("a private prompt nobody should log");
		expect(card.content).toContain("sexual content");
		expect(buttonsOf(card).map((button) => button.label)).toEqual(["Report a mistake"]);
		const entry = await entryFor(card);
		const embed = embedOf(entry);
		expect(embed?.title).toContain("Blocked image");
		expect(field(entry, "Member")).toBe(`<@${h.discord.userId}>`);
		expect(field(entry, "Where")).toContain(`https://discord.com/channels/${h.discord.guildId}/${threadId}/${card.id}`);
		expect(field(entry, "Category")).toContain("sexual content");
		expect(field(entry, "Codes")).toContain(SEXUAL_CODE);
		expect(field(entry, "Reason")).toContain("IMAGE_SAFETY");
		expect(field(entry, "Model")).toContain("gemini-3.1-flash-image");
		expect(JSON.stringify(entry)).not.toContain("a private prompt nobody should log");
		expect(entry.attachments).toEqual([]);
		expect(entry.mentions).toEqual([]);
		expect(entry.allowed_mentions).toEqual({ parse: [] });
		expect(buttonsOf(entry).map((button) => button.label)).toEqual([
			"Delete output",
			"Lock thread",
			"Time out member (10 minutes)",
		]);
	});

	it("includes the prompt when the server turned modlog.includePrompts on", async () => {
		await set("modlog.includePrompts", true);
		try {
			const entry = await entryFor(await blockedTurn("a prompt the moderators may read"));
			expect(embedOf(entry)?.description).toContain("a prompt the moderators may read");
			expect(field(entry, "Prompt")).toBeUndefined();
		} finally {
			await h.bot.deps.settings.reset(server, "modlog.includePrompts");
		}
	});

	it("sends an appeal to the log once, with the prompt, and only from the member it is about", async () => {
		const card = await blockedTurn("a harmless sunset, I promise");
		await entryFor(card);
		const appealId = buttonId(card, "a:");
		const before = entries().length;
		const stranger = await h.discord.clickButton({
			messageId: card.id,
			customId: appealId,
			userId: h.discord.otherUserId,
		});
		await answered(stranger, "Only the member");
		const first = await h.discord.clickButton({ messageId: card.id, customId: appealId });
		await answered(first, "sent this case to the server's moderators");
		const appeal = await h.discord.waitFor(() => entries()[before], { what: "appeal entry" });
		expect(embedOf(appeal)?.title).toContain("Reported as a mistake");
		expect(embedOf(appeal)?.description).toContain("a harmless sunset, I promise");
		expect(field(appeal, "Category")).toContain("sexual content");
		expect(field(appeal, "Where")).toContain(`/${threadId}/${card.id}`);
		const second = await h.discord.clickButton({ messageId: card.id, customId: appealId });
		await answered(second, "already reported");
		expect(entries()).toHaveLength(before + 1);
	});

	it("tells the member when the server has no moderation log to appeal to", async () => {
		await h.bot.deps.settings.reset(server, "modlog.channelId");
		try {
			const card = await blockedTurn("no log here");
			const press = await h.discord.clickButton({ messageId: card.id, customId: buttonId(card, "a:") });
			await answered(press, "no moderation log channel");
		} finally {
			await set("modlog.channelId", modlog.id);
		}
	});

	it("carries on, warning once per channel, when the log channel cannot be posted to", async () => {
		const lines: { level: number; msg: string; channel?: string; reason?: string }[] = [];
		const logger = h.bot.deps.logger;
		h.bot.deps.logger = createLogger("warn", { write: (line: string) => lines.push(JSON.parse(line)) });
		const unknownChannel = String(BigInt(modlog.id) + 1_000_000n);
		const before = entries().length;
		try {
			// A channel Discord does not know, and one outside this server (the bot's DM with a member).
			for (const unreachable of [unknownChannel, h.discord.dmChannelId]) {
				await set("modlog.channelId", unreachable);
				for (const prompt of ["lost log one", "lost log two"]) {
					const card = await blockedTurn(prompt);
					expect(buttonsOf(card).map((button) => button.label)).toEqual(["Report a mistake"]);
				}
			}
			const card = await blockedTurn("lost log three");
			const appeal = await h.discord.clickButton({ messageId: card.id, customId: buttonId(card, "a:") });
			await answered(appeal, "could not post to this server's moderation log");
			const warnings = lines.filter((line) => line.msg === "cannot post to the moderation log channel");
			expect(warnings.map((line) => [line.channel, line.reason])).toEqual([
				[unknownChannel, "discord 10003"],
				[h.discord.dmChannelId, "notInThisServer"],
			]);
			expect(entries()).toHaveLength(before);
			expect(JSON.stringify(lines)).not.toContain("lost log");
		} finally {
			h.bot.deps.logger = logger;
			await set("modlog.channelId", modlog.id);
		}
		// The thread still works.
		await h.discord.userMessage({ channelId: threadId, content: "a plain green bicycle" });
		await h.discord.waitFor(() => (botMessages(h, threadId).at(-1)?.attachments.length ?? 0) > 0, {
			what: "an image after the lost log",
		});
	});

	it("logs a blocklist refusal as a policy denial, with nothing to delete", async () => {
		await h.bot.deps.settings.addToBlocklist(server, { pattern: "zorblax" });
		try {
			const before = entries().length;
			const requests = h.gemini.requests.length;
			const message = await h.discord.userMessage({ channelId: threadId, content: "add a zorblax please" });
			// The refusal itself goes to the member privately (a DM) and their message gets a 🚫.
			await h.discord.waitFor(() =>
				h.discord.message(message.id)?.reactions.some((reaction) => reaction.emoji === "🚫"),
			);
			const entry = await h.discord.waitFor(() => entries()[before], { what: "denial entry" });
			expect(embedOf(entry)?.title).toContain("Policy denial");
			expect(field(entry, "Reason")).toContain("blocklisted");
			expect(field(entry, "Member")).toBe(`<@${h.discord.userId}>`);
			expect(JSON.stringify(entry)).not.toContain("add a zorblax please");
			expect(h.gemini.requests).toHaveLength(requests);
			const press = await h.discord.clickButton({
				messageId: entry.id,
				customId: buttonId(entry, "ml:delete:"),
				userId: h.discord.moderatorId,
			});
			await answered(press, "no output to delete");
		} finally {
			await h.bot.deps.settings.removeFromBlocklist(server, "zorblax");
		}
	});

	it("deletes the output on a moderator's click, and notes it on the entry", async () => {
		const card = await blockedTurn("something to delete");
		const entry = await entryFor(card);
		const member = await h.discord.clickButton({
			messageId: entry.id,
			customId: buttonId(entry, "ml:delete:"),
			userId: h.discord.userId,
		});
		await answered(member, "Manage Messages");
		expect(h.discord.message(card.id)?.deleted).toBeFalsy();
		const press = await h.discord.clickButton({
			messageId: entry.id,
			customId: buttonId(entry, "ml:delete:"),
			userId: h.discord.moderatorId,
		});
		await answered(press, "Deleted the output");
		expect(h.discord.message(card.id)?.deleted).toBe(true);
		await h.discord.waitFor(() =>
			field(h.discord.message(entry.id), "Moderator actions")?.includes("deleted the output"),
		);
		const disabled = buttonsOf(h.discord.message(entry.id)).filter((button) => button.disabled);
		expect(disabled.map((button) => button.label)).toEqual(["Delete output"]);
	});

	it("times the member out for 10 minutes on a moderator's click", async () => {
		// Another member's turn, so the timeout does not silence the member the other tests use.
		const card = await blockedTurn("something worth a timeout", { authorId: h.discord.otherUserId });
		const entry = await entryFor(card);
		expect(field(entry, "Member")).toBe(`<@${h.discord.otherUserId}>`);
		const clicked = Date.now();
		const press = await h.discord.clickButton({
			messageId: entry.id,
			customId: buttonId(entry, "ml:timeout:"),
			userId: h.discord.moderatorId,
		});
		await answered(press, "Timed out");
		const call = h.discord.restCalls.find(
			(candidate) =>
				candidate.method === "PATCH" &&
				candidate.path === `/guilds/${h.discord.guildId}/members/${h.discord.otherUserId}`,
		);
		const body = call?.body as { communication_disabled_until?: string } | undefined;
		const until = Date.parse(body?.communication_disabled_until ?? "");
		expect(until - clicked).toBeGreaterThan(9 * 60_000);
		expect(until - clicked).toBeLessThanOrEqual(10 * 60_000 + 5_000);
		await h.discord.waitFor(() =>
			field(h.discord.message(entry.id), "Moderator actions")?.includes("timed the member out"),
		);
	});

	it("locks the thread on a moderator's click, and refuses a member without Manage Threads", async () => {
		const card = await blockedTurn("lock this thread");
		const entry = await entryFor(card);
		const member = await h.discord.clickButton({
			messageId: entry.id,
			customId: buttonId(entry, "ml:lock:"),
			userId: h.discord.otherUserId,
		});
		await answered(member, "Manage Threads");
		expect(h.discord.channels.get(threadId)?.thread_metadata?.locked).toBe(false);
		const press = await h.discord.clickButton({
			messageId: entry.id,
			customId: buttonId(entry, "ml:lock:"),
			userId: h.discord.moderatorId,
		});
		await answered(press, "Locked and archived");
		expect(h.discord.channels.get(threadId)?.thread_metadata).toMatchObject({ locked: true, archived: true });
		const noted = await h.discord.waitFor(() => {
			const edited = h.discord.message(entry.id);
			return field(edited, "Moderator actions")?.includes(`<@${h.discord.moderatorId}> locked the thread`) && edited;
		});
		expect(buttonsOf(noted).find((button) => button.label === "Lock thread")?.disabled).toBe(true);
		expect(buttonsOf(noted).find((button) => button.label === "Delete output")?.disabled).toBeFalsy();
	});
});
