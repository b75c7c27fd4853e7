// test/e2e/logs.test.ts: no path writes prompt text (or a matched blocklist fragment) to the info-level log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorReply, reply, solidPng } from "../../fakes/fakeGemini.js";
import { botImages, botMessages, buttonId, expectNothingStray, type Harness, startHarness } from "./harness.js";

/** Words that exist only in the prompts this test sends: any log line holding one leaked prompt text. */
const BLOCKED = "zqxblockedword";
const FREE = "quokkamarker";

type LogLine = { level: number; msg: string; err?: { stack?: string }; code?: string };

describe("logs at info level (SQLite)", () => {
	let h: Harness;
	const lines: string[] = [];
	const parsed = () => lines.map((line) => JSON.parse(line) as LogLine);
	let threadId = "";
	const settle = () => h.bot.deps.turns.idle();
	/** Turns that ended, one way or another: each logs exactly one of these lines. */
	const outcomes = () =>
		parsed().filter((line) => ["turn finished", "turn failed", "turn refused"].includes(line.msg)).length;

	beforeAll(async () => {
		h = await startHarness({ env: { LOG_LEVEL: "info" }, logLines: lines });
		const server = { kind: "guild" as const, id: h.discord.guildId };
		await h.bot.deps.settings.addToBlocklist(server, { pattern: "/zqx\\w+/", reason: "test" });
		const modlog = h.discord.addTextChannel("mod-log");
		await h.bot.deps.settings.set(server, "modlog.channelId", modlog.id);

		// Every entry point, once allowed and once refused, plus Gemini's own blocks, refusals and failures; each step
		// waits for the previous turn's outcome line, so scripted answers meet the turns they are meant for.
		let expected = 0;
		const step = async (what: string, act: () => Promise<unknown>) => {
			expected++;
			await act();
			await h.discord.waitFor(() => outcomes() >= expected, { what, timeoutMs: 25_000 });
		};
		await step("first /imagine", () =>
			h.discord.slashCommand({
				name: "imagine",
				channelId: h.discord.textChannelId,
				options: { prompt: `a ${FREE} kite` },
			}),
		);
		const first = await h.discord.waitFor(
			() => h.discord.threads().find((thread) => botImages(h, thread.id).length > 0),
			{ what: "first result" },
		);
		threadId = first.id;
		const say = (content: string) => () => h.discord.userMessage({ channelId: threadId, content });
		await step("blocklisted /imagine", () =>
			h.discord.slashCommand({
				name: "imagine",
				channelId: h.discord.textChannelId,
				options: { prompt: `a ${BLOCKED}` },
			}),
		);
		await step("thread message", say(`now a ${FREE} tail`));
		await step("blocklisted thread message", say(`now a ${BLOCKED} tail`));
		h.gemini.enqueue(reply([], { finishReason: "IMAGE_SAFETY", finishMessage: "Support codes: 63429089" }));
		await step("safety block", say(`a ${FREE} that gets blocked`));
		h.gemini.enqueue(reply([{ text: "I would rather describe it." }]));
		await step("model refusal", say(`a ${FREE} the model refuses`));
		h.gemini.enqueue(errorReply(503));
		await step("Gemini down", say(`a ${FREE} while Gemini is down`));
		await step("overlong prompt", say(`${FREE} `.repeat(500)));
		const latest = botImages(h, threadId).at(-1);
		const edit = await h.discord.clickButton({ messageId: latest?.id ?? "", customId: buttonId(latest, "t:edit:") });
		await h.discord.waitFor(() => edit.modal, { what: "edit modal", timeoutMs: 25_000 });
		const editModal = (edit.modal as { custom_id: string }).custom_id;
		for (const instruction of [`paint the ${FREE}`, `paint the ${BLOCKED}`]) {
			await step(`edit modal: ${instruction}`, () =>
				h.discord.submitModal({ customId: editModal, fields: { instruction }, channelId: threadId }),
			);
		}
		const rerolled = botImages(h, threadId).at(-1);
		await step("reroll", () =>
			h.discord.clickButton({ messageId: rerolled?.id ?? "", customId: buttonId(rerolled, "t:reroll:") }),
		);
		const photo = await h.discord.userMessage({
			channelId: h.discord.textChannelId,
			content: "photo",
			authorId: h.discord.otherUserId,
			attachments: [{ filename: "photo.png", contentType: "image/png", data: await solidPng(30) }],
		});
		for (const instruction of [`watercolour ${FREE}`, `watercolour ${BLOCKED}`]) {
			const menu = await h.discord.contextMenu({
				name: "Edit image",
				targetMessageId: photo.id,
				channelId: h.discord.textChannelId,
			});
			await h.discord.waitFor(() => menu.modal, { what: "edit image modal", timeoutMs: 25_000 });
			const modalId = (menu.modal as { custom_id: string }).custom_id;
			await step(`edit image: ${instruction}`, () =>
				h.discord.submitModal({ customId: modalId, fields: { instruction }, channelId: h.discord.textChannelId }),
			);
		}
		await settle();
		expect(lines.filter((line) => line.includes('"turn refused"')).length).toBeGreaterThanOrEqual(5);
		expect(lines.filter((line) => line.includes('"turn finished"')).length).toBeGreaterThanOrEqual(7);
		// Every path at once, on a loaded machine: give the whole story time.
	}, 120_000);
	afterAll(async () => {
		await h?.close();
	});

	it("saw every path (the marker reached Gemini, and the refusals were told)", () => {
		expect(JSON.stringify(h.gemini.requests)).toContain(FREE);
		expect(JSON.stringify(h.gemini.requests)).not.toContain(BLOCKED);
		expect(botMessages(h, threadId).some((message) => message.content.includes("unavailable"))).toBe(true);
		expectNothingStray(h);
	});

	it("never writes a prompt's words or a matched fragment at info or above", () => {
		const leaked = lines.filter((line) => line.includes(FREE) || line.toLowerCase().includes("zqx"));
		expect(leaked).toEqual([]);
		expect(parsed().every((line) => line.level >= 30)).toBe(true);
	});

	it("logs each expected refusal as one info line with its code, never as a failure with a stack", () => {
		const refusals = parsed().filter((line) => line.msg === "turn refused");
		expect(refusals.map((line) => line.code)).toEqual(expect.arrayContaining(["blocklisted", "promptTooLong"]));
		expect(refusals.every((line) => line.level === 30 && line.err === undefined)).toBe(true);
		expect(parsed().filter((line) => line.msg === "interaction failed")).toEqual([]);
		const withStacks = parsed().filter((line) => line.err?.stack && line.level < 50);
		expect(withStacks.map((line) => line.msg)).toEqual([]);
	});
});
