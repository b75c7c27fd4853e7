// test/e2e/iterate.test.ts: versions, result buttons, undo/forget, branching, "Edit image", queue and interleaving.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../fakes/fakeDiscord.js";
import { imageReply, reply, solidPng } from "../../fakes/fakeGemini.js";
import {
	botMessages,
	buttonId,
	buttonsOf,
	expectNothingStray,
	geminiRequest,
	type Harness,
	startHarness,
	threadNamed,
} from "./harness.js";

describe("iterating in a thread, end to end", () => {
	let h: Harness;
	let threadId: string;
	const results = (channelId: string) => botMessages(h, channelId).filter((message) => message.components.length > 0);
	/** The custom ids of a message's buttons, in order. */
	const buttonIds = (message: StoredMessage | undefined) => buttonsOf(message).map((button) => button.custom_id);
	/** The custom id of a result's turn button for `action` (reroll, undo, edit, info, delete). */
	const button = (message: StoredMessage | undefined, action: string) => buttonId(message, `t:${action}:`);
	const lastUserText = (index: number) => h.gemini.requests[index]?.body.contents.at(-1)?.parts.at(-1)?.text;
	const ephemeralText = (interaction: { callbacks: { data?: unknown }[]; followUps(): StoredMessage[] }) =>
		JSON.stringify([
			interaction.callbacks.map((callback) => callback.data),
			interaction.followUps().map((message) => message.content),
		]);

	beforeAll(async () => {
		h = await startHarness();
		h.gemini.enqueue(imageReply([await solidPng(10)], "First.", "a"));
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a blue car" },
		});
		threadId = (await threadNamed(h, "a blue car")).id;
		await h.discord.waitFor(() => results(threadId)[0]);
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("numbers every image, uploaded or generated, and puts the five buttons under each result", async () => {
		const first = results(threadId)[0];
		expect(first?.content).toContain("-# v1");
		expect(buttonIds(first)).toEqual(
			["reroll", "undo", "edit", "info", "delete"].map((action) => `t:${action}:${threadId}:1:${h.discord.userId}`),
		);
		await h.discord.userMessage({
			channelId: threadId,
			content: "put this wheel on it",
			attachments: [{ filename: "wheel.png", contentType: "image/png", data: await solidPng(222) }],
		});
		const second = await h.discord.waitFor(() => results(threadId)[1]);
		expect(second.content).toContain("-# v3");
		expect(second.attachments[0]?.filename).toBe("v3.png");
		const uploadNote = await h.discord.waitFor(() =>
			botMessages(h, threadId).find((message) => message.content.includes("Your image is v2")),
		);
		expect(uploadNote).toBeDefined();
		expect(buttonIds(second)[0]).toBe(`t:reroll:${threadId}:2:${h.discord.userId}`);
	});

	it("rerolls the latest turn with the same request, and the new answer replaces the old one in the history", async () => {
		const count = h.gemini.requests.length;
		const latest = results(threadId).at(-1);
		await h.discord.clickButton({ messageId: latest?.id ?? "", customId: button(latest, "reroll") });
		const rerun = await geminiRequest(h, count);
		expect(rerun.body).toEqual(h.gemini.requests[count - 1]?.body);
		const rerolled = await h.discord.waitFor(() => results(threadId).find((message) => message.content.includes("v4")));
		expect(buttonIds(rerolled)[0]).toBe(`t:reroll:${threadId}:3:${h.discord.userId}`);
		await h.discord.userMessage({ channelId: threadId, content: "make it shiny" });
		const next = await geminiRequest(h, count + 1);
		const modelTurns = next.body.contents.filter((content) => content.role === "model");
		expect(modelTurns).toHaveLength(2);
		const rerolledBytes = rerolled.attachments[0]?.data.toString("base64");
		expect(modelTurns[1]?.parts.some((part) => part.inlineData?.data === rerolledBytes)).toBe(true);
		expect(JSON.stringify(next.body.contents)).not.toContain(
			results(threadId)[1]?.attachments[0]?.data.toString("base64"),
		);
		await h.discord.waitFor(() => results(threadId).find((message) => message.content.includes("v5")));
	});

	it("answers a button on an older result privately and offers branching instead", async () => {
		const older = results(threadId)[0];
		const count = h.gemini.requests.length;
		const interaction = await h.discord.clickButton({ messageId: older?.id ?? "", customId: button(older, "reroll") });
		const notice = await h.discord.waitFor(() => interaction.followUps()[0], { what: "private stale notice" });
		expect(notice.flags & 64).toBe(64);
		expect(ephemeralText(interaction)).toContain("no longer the latest turn");
		expect(ephemeralText(interaction)).toContain("reply to that message");
		expect(h.gemini.requests).toHaveLength(count);
	});

	it("shows the provenance of a result privately, also after the bot restarts", async () => {
		await h.restart();
		const latest = results(threadId).at(-1);
		const interaction = await h.discord.clickButton({ messageId: latest?.id ?? "", customId: button(latest, "info") });
		await h.discord.waitFor(() => interaction.callbacks.length > 0);
		expect(interaction.ephemeral).toBe(true);
		const text = ephemeralText(interaction);
		expect(text).toContain("make it shiny");
		expect(text).toContain("gemini-3.1-flash-image");
		expect(text).toContain("Made from:** v4");
		expect(text).toContain(`<@${h.discord.userId}>`);
		expect(text).toContain("SynthID");
		expect(text).toMatch(/Tokens:\*\* 120 in, 1,290 out; estimated cost \$0\.077/);
	});

	it("undoes the last exchange after a restart, says so in the thread, and drops it from the history", async () => {
		const latest = results(threadId).at(-1);
		const count = h.gemini.requests.length;
		await h.discord.clickButton({ messageId: latest?.id ?? "", customId: button(latest, "undo") });
		const notice = await h.discord.waitFor(() =>
			botMessages(h, threadId).find((message) => message.content.includes("undid the last turn")),
		);
		expect(notice.content).toContain("v5");
		expect(notice.content).toContain("continues from v4");
		expect(h.discord.message(latest?.id ?? "")?.components).toEqual([]);
		await h.discord.userMessage({ channelId: threadId, content: "add a spoiler" });
		const next = await geminiRequest(h, count);
		expect(JSON.stringify(next.body.contents)).not.toContain("make it shiny");
		expect(next.body.contents.filter((content) => content.role === "model")).toHaveLength(2);
	});

	it("runs the Edit modal's instruction as the next turn", async () => {
		const latest = results(threadId).at(-1);
		const count = h.gemini.requests.length;
		const press = await h.discord.clickButton({ messageId: latest?.id ?? "", customId: button(latest, "edit") });
		await h.discord.waitFor(() => press.callbacks.length > 0);
		expect(press.callbacks[0]?.type).toBe(9);
		const modalId = (press.modal as { custom_id: string }).custom_id;
		expect(modalId).toMatch(/^m:edit:/);
		await h.discord.submitModal({ customId: modalId, fields: { instruction: "paint it red" }, channelId: threadId });
		await geminiRequest(h, count);
		expect(lastUserText(count)).toBe("paint it red");
		await h.discord.waitFor(() => botMessages(h, threadId).find((message) => message.content.includes("paint it red")));
	});

	it("lets only the requester or a moderator delete a result", async () => {
		const target = await h.discord.waitFor(() => results(threadId).at(-1));
		const denied = await h.discord.clickButton({
			messageId: target.id,
			customId: button(target, "delete"),
			userId: h.discord.otherUserId,
		});
		await h.discord.waitFor(() => denied.callbacks.length > 0);
		expect(denied.ephemeral).toBe(true);
		expect(ephemeralText(denied)).toContain("Only the member who asked");
		expect(h.discord.message(target.id)?.deleted).toBeFalsy();
		const allowed = await h.discord.clickButton({
			messageId: target.id,
			customId: button(target, "delete"),
			userId: h.discord.moderatorId,
		});
		await h.discord.waitFor(() => h.discord.message(target.id)?.deleted || !h.discord.message(target.id), {
			what: "deleted result",
		});
		await h.discord.waitFor(() => allowed.original()?.content.includes("Deleted"), { what: "delete confirmation" });
		expect(allowed.ephemeral).toBe(true);
	});

	it("branches a reply to an older result into a new thread and leaves the original untouched", async () => {
		const first = results(threadId)[0];
		const count = h.gemini.requests.length;
		await h.discord.userMessage({ channelId: threadId, content: "what if it were green?", replyTo: first?.id ?? "" });
		const branch = await h.discord.waitFor(() => h.discord.threads().find((thread) => thread.name.startsWith("⑂ ")), {
			what: "branch thread",
		});
		expect(branch.name).toBe("⑂ a blue car");
		const branched = await geminiRequest(h, count);
		expect(branched.body.contents.map((content) => content.role)).toEqual(["user", "model", "user"]);
		expect(branched.body.contents[0]?.parts).toEqual([{ text: "a blue car" }]);
		expect(branched.body.contents[2]?.parts).toEqual([{ text: "what if it were green?" }]);
		await h.discord.waitFor(() => results(branch.id)[0]);
		expect(botMessages(h, threadId).some((message) => message.content.includes(`<#${branch.id}>`))).toBe(true);
		await h.discord.userMessage({ channelId: threadId, content: "back in the original" });
		const original = await geminiRequest(h, count + 1);
		expect(original.body.contents.length).toBeGreaterThan(5);
		expect(JSON.stringify(original.body.contents)).not.toContain("what if it were green?");
	});

	it("/undo and /forget work like the buttons; forget asks first", async () => {
		await h.discord.waitFor(() =>
			botMessages(h, threadId).find((message) => message.message_reference && message.content.includes("-# v")),
		);
		const undo = await h.discord.slashCommand({ name: "undo", channelId: threadId });
		await h.discord.waitFor(() => undo.original()?.content.includes("undid the last turn"));
		const forget = await h.discord.slashCommand({ name: "forget", channelId: threadId });
		await h.discord.waitFor(() => forget.callbacks.length > 0);
		expect(forget.ephemeral).toBe(true);
		const confirm = buttonId(forget.callbacks[0]?.data as { components?: unknown[] } | undefined, "f:yes:");
		await h.discord.clickButton({ messageId: forget.original()?.id ?? "", customId: confirm });
		await h.discord.waitFor(() =>
			botMessages(h, threadId).find((message) => message.content.includes("cleared this thread's history")),
		);
		const count = h.gemini.requests.length;
		await h.discord.userMessage({ channelId: threadId, content: "start over: a bicycle" });
		const fresh = await geminiRequest(h, count);
		expect(fresh.body.contents).toEqual([{ role: "user", parts: [{ text: "start over: a bicycle" }] }]);
	});

	it("opens a thread from any message's images with the Edit image command", async () => {
		const photo = await solidPng(77, 10, 10, 48);
		const source = await h.discord.userMessage({
			channelId: h.discord.textChannelId,
			content: "my photo",
			authorId: h.discord.otherUserId,
			attachments: [{ filename: "photo.png", contentType: "image/png", data: photo }],
		});
		const count = h.gemini.requests.length;
		const menu = await h.discord.contextMenu({
			name: "Edit image",
			targetMessageId: source.id,
			channelId: h.discord.textChannelId,
		});
		await h.discord.waitFor(() => menu.callbacks.length > 0);
		const modalId = (menu.modal as { custom_id: string }).custom_id;
		expect(modalId).toBe(`m:img:${h.discord.textChannelId}:${source.id}`);
		await h.discord.submitModal({
			customId: modalId,
			fields: { instruction: "make it a watercolour" },
			channelId: h.discord.textChannelId,
		});
		const sent = await geminiRequest(h, count);
		expect(sent.body.contents).toHaveLength(1);
		expect(sent.body.contents[0]?.parts.map((part) => Object.keys(part)[0])).toEqual(["inlineData", "text"]);
		expect(sent.body.contents[0]?.parts[1]?.text).toBe("make it a watercolour");
		const thread = await threadNamed(h, "✏️ make it a watercolour");
		await h.discord.waitFor(() => results(thread.id)[0]);
	});

	it("runs two quick messages in order, shows the place in line, and lets the requester cancel a waiting turn", async () => {
		const count = h.gemini.requests.length;
		h.gemini.enqueue({ ...imageReply([await solidPng(1)], "slow one", "slow"), delayMs: 1_500 });
		await h.discord.userMessage({ channelId: threadId, content: "first quick message" });
		await geminiRequest(h, count);
		await h.discord.userMessage({ channelId: threadId, content: "second quick message" });
		const third = await h.discord.userMessage({ channelId: threadId, content: "third, to cancel" });
		const notices = () =>
			botMessages(h, threadId).filter((message) => message.content.includes("in line in this thread"));
		await h.discord.waitFor(() => notices().length === 2, { what: "two queue notices" });
		expect(notices()[0]?.content).toContain("#1 in line");
		expect(notices()[1]?.content).toContain("#2 in line");
		const cancel = notices().find((notice) => notice.content.includes("#2 in line"));
		const cancelId = buttonIds(cancel)[0] ?? "";
		expect(cancelId).toMatch(/^q:/);
		const stranger = await h.discord.clickButton({
			messageId: cancel?.id ?? "",
			customId: cancelId,
			userId: h.discord.otherUserId,
		});
		await h.discord.waitFor(() => stranger.callbacks.length > 0);
		expect(ephemeralText(stranger)).toContain("Only the member who asked");
		await h.discord.clickButton({ messageId: cancel?.id ?? "", customId: cancelId });
		const second = await geminiRequest(h, count + 1);
		expect(lastUserText(count + 1)).toBe("second quick message");
		expect(JSON.stringify(second.body.contents)).toContain("slow one");
		await h.discord.waitFor(() =>
			botMessages(h, threadId).find(
				(message) =>
					message.content.includes("-# v") &&
					message.message_reference?.message_id !== third.id &&
					message.content.includes("Image number"),
			),
		);
		await h.discord.waitFor(() => notices().length === 0, { what: "queue notices removed" });
		expect(h.gemini.requests).toHaveLength(count + 2);
		expect(JSON.stringify(h.gemini.requests)).not.toContain("third, to cancel");
	});

	it("posts an interleaved answer as a readable sequence in the model's order", async () => {
		const [one, two, three] = await Promise.all([solidPng(31), solidPng(32), solidPng(33)]);
		h.gemini.enqueue(
			reply([
				{ text: "Step 1: rice.", thoughtSignature: "i1" },
				{ inlineData: { mimeType: "image/png", data: one?.toString("base64") ?? "" }, thoughtSignature: "i2" },
				{ text: "Step 2: saffron." },
				{ inlineData: { mimeType: "image/png", data: two?.toString("base64") ?? "" } },
				{ text: "Step 3: serve." },
				{ inlineData: { mimeType: "image/png", data: three?.toString("base64") ?? "" } },
			]),
		);
		const message = await h.discord.userMessage({ channelId: threadId, content: "an illustrated recipe for paella" });
		const start = await h.discord.waitFor(
			() =>
				botMessages(h, threadId).findIndex((posted) => posted.message_reference?.message_id === message.id) + 1 ||
				undefined,
		);
		const sequence = await h.discord.waitFor(() => {
			const after = botMessages(h, threadId).slice(start - 1, start + 2);
			return after.length === 3 && after[2]?.components.length ? after : undefined;
		});
		expect(sequence.map((posted) => posted.content.split("\n")[0])).toEqual([
			"Step 1: rice.",
			"Step 2: saffron.",
			"Step 3: serve.",
		]);
		expect(
			sequence.map((posted) =>
				posted.attachments[0]?.data.equals([one, two, three][sequence.indexOf(posted)] ?? Buffer.alloc(0)),
			),
		).toEqual([true, true, true]);
	});
});
