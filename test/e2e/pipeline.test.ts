// test/e2e/pipeline.test.ts: every entry point goes through the one turn pipeline: policy, modlog, quota, failures.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeChannel, StoredMessage } from "../../fakes/fakeDiscord.js";
import { errorReply, reply, solidPng } from "../../fakes/fakeGemini.js";
import {
	botImages,
	botMessages,
	buttonId,
	buttonsOf,
	expectNothingStray,
	type Harness,
	startHarness,
} from "./harness.js";

const STRICT = "BLOCK_LOW_AND_ABOVE";
const blocked = () => reply([], { finishReason: "IMAGE_SAFETY", finishMessage: "Support codes: 63429089" });

/** Custom ids of a message's buttons. */
const customIds = (message: StoredMessage | undefined) => buttonsOf(message).map((button) => button.custom_id);

/** Images the seeded member used today, as the quota counts them. */
const usedToday = async (h: Harness) =>
	(await h.bot.deps.quotas.usageToday({ guildId: h.discord.guildId, userId: h.discord.userId })).member.used;

type Entry = "imagine" | "message" | "editModal" | "editImage" | "reroll";

describe("every entry point under the strict preset (SQLite)", () => {
	let h: Harness;
	let modlog: FakeChannel;
	let threadId = "";
	/** The bot's messages in every channel and thread. */
	const everywhere = () => [...h.discord.channels.keys()].flatMap((id) => botMessages(h, id));
	const appealCards = () => everywhere().filter((message) => customIds(message).some((id) => id.startsWith("a:")));
	const results = () => everywhere().filter((message) => message.attachments.length > 0);
	const latestResult = () => botImages(h, threadId).at(-1);
	const used = () => usedToday(h);

	/** Starts a turn from `entry`; each ends up asking Gemini once. */
	const trigger: Record<Entry, () => Promise<void>> = {
		imagine: async () => {
			await h.discord.slashCommand({
				name: "imagine",
				channelId: h.discord.textChannelId,
				options: { prompt: "a red kite" },
			});
		},
		message: async () => {
			await h.discord.userMessage({ channelId: threadId, content: "now add a tail" });
		},
		editModal: async () => {
			const latest = latestResult();
			const edit = customIds(latest).find((id) => id.startsWith("t:edit:")) ?? "";
			const press = await h.discord.clickButton({ messageId: latest?.id ?? "", customId: edit });
			await h.discord.waitFor(() => press.modal, { what: "edit modal" });
			const modalId = (press.modal as { custom_id: string }).custom_id;
			await h.discord.submitModal({ customId: modalId, fields: { instruction: "paint it red" }, channelId: threadId });
		},
		editImage: async () => {
			const source = await h.discord.userMessage({
				channelId: h.discord.textChannelId,
				content: "my photo",
				authorId: h.discord.otherUserId,
				attachments: [{ filename: "photo.png", contentType: "image/png", data: await solidPng(90, 20, 20, 48) }],
			});
			const menu = await h.discord.contextMenu({
				name: "Edit image",
				targetMessageId: source.id,
				channelId: h.discord.textChannelId,
			});
			await h.discord.waitFor(() => menu.modal, { what: "edit image modal" });
			const modalId = (menu.modal as { custom_id: string }).custom_id;
			await h.discord.submitModal({
				customId: modalId,
				fields: { instruction: "make it a watercolour" },
				channelId: h.discord.textChannelId,
			});
		},
		reroll: async () => {
			const latest = latestResult();
			const reroll = customIds(latest).find((id) => id.startsWith("t:reroll:")) ?? "";
			await h.discord.clickButton({ messageId: latest?.id ?? "", customId: reroll });
		},
	};

	beforeAll(async () => {
		h = await startHarness();
		const server = { kind: "guild" as const, id: h.discord.guildId };
		await h.bot.deps.settings.set(server, "preset", "strict");
		modlog = h.discord.addTextChannel("mod-log");
		await h.bot.deps.settings.set(server, "modlog.channelId", modlog.id);
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a bicycle" },
		});
		const first = await h.discord.waitFor(() => results()[0], { what: "first result" });
		threadId = first.channel_id;
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it.each(["imagine", "message", "editModal", "editImage", "reroll"] as const)(
		"%s: sends the preset's safety settings; a block gets Report a mistake and a log entry and counts nothing; an image counts one",
		async (entry) => {
			await h.bot.deps.turns.idle();
			const before = await used();
			const cards = appealCards().length;
			const logged = botMessages(h, modlog.id).length;
			const count = h.gemini.requests.length;
			h.gemini.enqueue(blocked());
			await trigger[entry]();
			const request = await h.discord.waitFor(() => h.gemini.requests[count], { what: `${entry} reached Gemini` });
			const thresholds = new Set(
				(request.body.safetySettings as { threshold: string }[]).map((entry) => entry.threshold),
			);
			expect([...thresholds]).toEqual([STRICT]);
			await h.discord.waitFor(() => appealCards().length > cards, { what: `${entry}: Report a mistake` });
			await h.discord.waitFor(() => botMessages(h, modlog.id).length > logged, {
				what: `${entry}: log entry`,
			});
			// The hold taken at admission goes back once the turn ends: nothing stays counted for a block.
			await h.bot.deps.turns.idle();
			expect(await used()).toBe(before);

			const images = results().length;
			await trigger[entry]();
			await h.discord.waitFor(() => results().length > images, { what: `${entry}: an image` });
			await h.bot.deps.turns.idle();
			expect(await used()).toBe(before + 1);
			expect(h.gemini.requests).toHaveLength(count + 2);
		},
	);

	it("Info on a result whose commit is still in flight waits for it instead of saying it left the history", async () => {
		await h.bot.deps.turns.idle();
		const store = h.bot.deps.store;
		const { saveConversation: save, getConversation: get } = store;
		const gate = Promise.withResolvers<void>();
		let reads = 0;
		// Hold the commit that follows the next posted result, and count who reads the conversation meanwhile.
		store.saveConversation = async (conversation) => {
			await gate.promise;
			return save.call(store, conversation);
		};
		store.getConversation = (id) => {
			reads++;
			return get.call(store, id);
		};
		try {
			const images = botImages(h, threadId).length;
			await h.discord.userMessage({ channelId: threadId, content: "now with a bell" });
			const result = await h.discord.waitFor(() => botImages(h, threadId)[images], { what: "the new result" });
			const before = reads;
			const info = await h.discord.clickButton({ messageId: result.id, customId: buttonId(result, "t:info:") });
			// Info has read the conversation while the commit is held: only then let the commit through.
			await h.discord.waitFor(() => reads > before, { what: "Info reading the conversation" });
			gate.resolve();
			await h.discord.waitFor(() => info.callbacks.length > 0, { what: "Info answered" });
			expect(JSON.stringify(info.callbacks[0]?.data)).toContain("now with a bell");
		} finally {
			gate.resolve();
			store.saveConversation = save;
			store.getConversation = get;
		}
	});

	it("Cancel on the progress line stops a turn waiting out Gemini's quota: no second call, nothing counted", async () => {
		const before = await used();
		const count = h.gemini.requests.length;
		h.gemini.enqueue(errorReply(429, "4s"));
		const message = await h.discord.userMessage({ channelId: threadId, content: "a boat" });
		const line = await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.content.includes("keeps its place") && !posted.deleted),
			{ what: "quota wait line" },
		);
		const cancel = customIds(line).find((id) => id.startsWith("q:")) ?? "";
		const press = await h.discord.clickButton({ messageId: line.id, customId: cancel });
		await h.discord.waitFor(() => press.callbacks.length > 0, { what: "cancel answered" });
		expect(JSON.stringify(press.callbacks[0]?.data)).toContain("Cancelled");
		await h.bot.deps.turns.idle();
		expect(h.gemini.requests).toHaveLength(count + 1);
		expect(botMessages(h, threadId).some((posted) => posted.message_reference?.message_id === message.id)).toBe(false);
		expect(await used()).toBe(before);
	});
});

describe("failures at every step after admission, deadlines and Gemini's quota (SQLite)", () => {
	let h: Harness;
	let threadId = "";
	const used = () => usedToday(h);
	/** Sends a thread message and waits for the bot's reply to it; the turn is over (settled) when this resolves. */
	const turnIn = async (
		channelId: string,
		content: string,
		extra: { attachments?: { filename: string; contentType: string; data: Buffer }[]; replyTo?: string } = {},
	) => {
		const message = await h.discord.userMessage({
			channelId,
			content,
			...(extra.attachments ? { attachments: extra.attachments } : {}),
			...(extra.replyTo ? { replyTo: extra.replyTo } : {}),
		});
		const answer = await h.discord.waitFor(
			() => botMessages(h, channelId).find((posted) => posted.message_reference?.message_id === message.id),
			{ what: `answer to "${content}"` },
		);
		await h.bot.deps.turns.idle();
		return answer;
	};

	beforeAll(async () => {
		h = await startHarness({ env: { TURN_DEADLINE_MS: "1500", GEMINI_MAX_QUOTA_WAIT_MS: "5000" } });
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a bicycle" },
		});
		const first = await h.discord.waitFor(
			() => h.discord.threads().find((thread) => botImages(h, thread.id).length > 0),
			{ what: "first result" },
		);
		threadId = first.id;
		await turnIn(threadId, "now yellow");
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("thread creation refused (50013): the member hears which permission, nothing is counted, Gemini is not called", async () => {
		const before = await used();
		const count = h.gemini.requests.length;
		h.discord.failNext({
			method: "POST",
			path: /\/threads$/,
			status: 403,
			code: 50013,
			message: "Missing Permissions",
		});
		const interaction = await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a tram" },
		});
		const text = await h.discord.waitFor(
			() => interaction.original()?.content.includes("permission") && interaction.original()?.content,
			{
				what: "permission message",
			},
		);
		expect(text).toContain("Create Public Threads");
		await h.bot.deps.turns.idle();
		expect(h.gemini.requests).toHaveLength(count);
		expect(await used()).toBe(before);
	});

	it("a branch that cannot be opened: told in the thread, nothing counted", async () => {
		const before = await used();
		const older = botMessages(h, threadId).find((message) => message.attachments.length > 0);
		h.discord.failNext({
			method: "POST",
			path: /\/threads$/,
			status: 403,
			code: 50013,
			message: "Missing Permissions",
		});
		const answer = await turnIn(threadId, "blue instead", { replyTo: older?.id ?? "" });
		expect(answer.content).toContain("missing a permission");
		expect(await used()).toBe(before);
	});

	it("an attachment Discord's CDN answers 404 for: told which file, nothing counted", async () => {
		const before = await used();
		h.discord.cdnOverrides.set("gone.png", { status: 404 });
		const answer = await turnIn(threadId, "use this", {
			attachments: [{ filename: "gone.png", contentType: "image/png", data: await solidPng(5) }],
		});
		expect(answer.content).toContain("gone.png");
		expect(await used()).toBe(before);
	});

	it("Gemini failing (500): told it is unavailable, nothing counted, history unchanged", async () => {
		const before = await used();
		const history = (await h.bot.deps.store.getConversation(threadId))?.exchanges.length;
		h.gemini.enqueue(errorReply(500));
		const answer = await turnIn(threadId, "make it shine");
		expect(answer.content).toContain("unavailable");
		expect(await used()).toBe(before);
		expect((await h.bot.deps.store.getConversation(threadId))?.exchanges.length).toBe(history);
	});

	it("Discord failing (500) on the reply: the image is not counted and not kept, and the member hears it failed", async () => {
		const before = await used();
		const history = (await h.bot.deps.store.getConversation(threadId))?.exchanges.length;
		// @discordjs/rest retries a 5xx three times: fail all four tries of the answer's post, then let the notice through.
		h.discord.failNext({
			method: "POST",
			path: new RegExp(`^/channels/${threadId}/messages$`),
			status: 500,
			code: 0,
			times: 4,
		});
		const answer = await turnIn(threadId, "and a bell");
		expect(answer.attachments).toEqual([]);
		expect(answer.content).toMatch(/Something went wrong on my side.*ref `[0-9a-f]{8}`/);
		expect(await used()).toBe(before);
		expect((await h.bot.deps.store.getConversation(threadId))?.exchanges.length).toBe(history);
	});

	it("a Gemini call that never answers ends at the turn's deadline, says so, and its request is aborted", async () => {
		const before = await used();
		const aborted = h.gemini.aborted;
		h.gemini.enqueue({ hang: true });
		const answer = await turnIn(threadId, "a lantern");
		expect(answer.content).toContain("did not answer in time");
		expect(h.gemini.aborted).toBe(aborted + 1);
		expect(await used()).toBe(before);
	});

	it("a 429 asking for longer than the bound ends at once, says when to try again, and holds nothing up", async () => {
		const before = await used();
		h.gemini.enqueue(errorReply(429, "600s"));
		const answer = await turnIn(threadId, "a kite");
		expect(answer.content).toContain("quota");
		expect(answer.content).toContain("10 min");
		expect(await used()).toBe(before);
		const next = await turnIn(threadId, "a kite, again");
		expect(next.attachments).toHaveLength(1);
	});
});
