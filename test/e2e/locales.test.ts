// test/e2e/locales.test.ts: a member reads the bot in their Discord language, in their thread too; commands carry all five.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { reply } from "../../fakes/fakeGemini.js";
import { textFor } from "../../src/discord/i18n/textFor.js";
import { botImages, botMessages, buttonsOf, expectNothingStray, type Harness, startHarness } from "./harness.js";

const ja = textFor("ja");
const LOCALIZED = ["es-419", "es-ES", "ja", "zh-CN", "hi"];

describe("languages, end to end (SQLite)", () => {
	let h: Harness;
	let threadId = "";

	beforeAll(async () => {
		h = await startHarness();
		h.discord.setUserLocale(h.discord.userId, "ja");
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("registers every command with its description (and choices) in all five languages", () => {
		const commands = h.discord.registeredCommands.guild.get(h.discord.guildId) ?? [];
		expect(commands.length).toBeGreaterThan(0);
		for (const command of commands as Record<string, unknown>[]) {
			const localized = (command.description_localizations ?? command.name_localizations) as Record<string, string>;
			expect(Object.keys(localized ?? {}).sort(), String(command.name)).toEqual([...LOCALIZED].sort());
		}
		const imagine = (commands as { name: string; description_localizations: Record<string, string> }[]).find(
			(command) => command.name === "imagine",
		);
		expect(imagine?.description_localizations.ja).toBe(ja.commands.imagine.description);
	});

	it("answers /imagine from a Japanese client with Japanese buttons, and its thread messages in Japanese too", async () => {
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a red kite" },
		});
		const result = await h.discord.waitFor(() => h.discord.threads().flatMap((thread) => botImages(h, thread.id))[0], {
			what: "the first result",
		});
		threadId = result.channel_id;
		expect(buttonsOf(result).map((button) => button.label)).toEqual([
			ja.labels.reroll,
			ja.labels.undo,
			ja.labels.edit,
			ja.labels.info,
			ja.labels.delete,
		]);

		// /imagine inside the thread: its acknowledgement is Japanese.
		const again = await h.discord.slashCommand({
			name: "imagine",
			channelId: threadId,
			options: { prompt: "now blue" },
		});
		await h.discord.waitFor(() => again.original()?.content.startsWith(ja.messages.turnAcknowledged), {
			what: "Japanese acknowledgement",
		});
		await h.bot.deps.turns.idle();

		// A plain message carries no locale: the member's last interaction here was Japanese, so is the safety card.
		h.gemini.enqueue(reply([], { finishReason: "IMAGE_SAFETY", finishMessage: "Support codes: 63429089" }));
		const message = await h.discord.userMessage({ channelId: threadId, content: "now at night" });
		const card = await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === message.id),
			{ what: "safety card" },
		);
		expect(card.content).toContain(ja.blockedMessage("output", "IMAGE_SAFETY", "sexual"));
		expect(buttonsOf(card).map((button) => button.label)).toEqual([ja.labels.reportMistake]);
	});

	it("answers another member, whose client is English, in English in the same thread", async () => {
		const message = await h.discord.userMessage({
			channelId: threadId,
			content: "",
			authorId: h.discord.otherUserId,
			attachments: [{ filename: "notes.txt", contentType: "text/plain", data: Buffer.from("not an image") }],
		});
		const answer = await h.discord.waitFor(
			() => botMessages(h, threadId).find((posted) => posted.message_reference?.message_id === message.id),
			{ what: "answer to the other member" },
		);
		expect(answer.content).toContain(textFor("en-US").userInputMessages.notAnImage({ name: "notes.txt" }));
	});
});

describe("the moderation log speaks the server's language (SQLite)", () => {
	let h: Harness;
	const es = textFor("es-419");

	beforeAll(async () => {
		h = await startHarness({ discord: { guildLocale: "es-419" } });
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("writes the log entry in the server's preferred locale and answers the member in their own", async () => {
		const server = { kind: "guild" as const, id: h.discord.guildId };
		const modlog = h.discord.addTextChannel("registro");
		await h.bot.deps.settings.set(server, "modlog.channelId", modlog.id);
		await h.bot.deps.settings.addToBlocklist(server, { pattern: "glorbnax" });
		const interaction = await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a glorbnax" },
		});
		const entry = await h.discord.waitFor(() => botMessages(h, modlog.id)[0], { what: "log entry" });
		const embed = (entry.embeds as { title?: string }[])[0];
		expect(embed?.title).toBe(es.modlogMessages.caseTitle(es.modlogMessages.what.denied));
		await h.discord.waitFor(() => interaction.callbacks.length > 0, { what: "the refusal" });
		const english = textFor("en-US");
		const answer = JSON.stringify(interaction.callbacks.map((callback) => callback.data));
		expect(answer).toContain(
			JSON.stringify(english.policyMessages.blocklisted({ matched: "glorbnax", pattern: "glorbnax" })).slice(1, 40),
		);
	});
});
