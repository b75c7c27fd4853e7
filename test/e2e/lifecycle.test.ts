// test/e2e/lifecycle.test.ts: the real process stopped mid-turn, by SIGTERM (grace, then interrupted) and by SIGKILL.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeDiscord, type StoredMessage, startFakeDiscord } from "../../fakes/fakeDiscord.js";
import { type FakeGemini, imageReply, solidPng, startFakeGemini } from "../../fakes/fakeGemini.js";
import { type RunningBot, startBot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { createStore } from "../../src/conversation/store.js";
import type { Conversation } from "../../src/conversation/types.js";
import { deployCommands } from "../../src/discord/deployCommands.js";
import { messages } from "../../src/discord/messages.js";
import { createLogger } from "../../src/logger.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The pinned Node 24 the npm scripts use; a binary, so a signal sent to the child reaches the bot itself. */
const NODE = join(ROOT, "node_modules", ".bin", "node");
const MAIN = join(ROOT, "src", "main.ts");
const PROMPT = "a lighthouse made of cheese";
const LOG_TIMEOUT_MS = 15_000;

type LogLine = { msg?: string; [field: string]: unknown };
type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** The bot as `node src/main.ts`, its pino JSON lines collected from stdout. */
type BotProcess = {
	child: ChildProcess;
	logs: LogLine[];
	exited: Promise<Exit>;
	/** The first log line with this message, once the child has written it; rejects if the child exits first. */
	waitForLog(msg: string): Promise<LogLine>;
	/** Index of the first log line with this message, -1 if none (to compare the order of events). */
	indexOfLog(msg: string): number;
};

function spawnBot(env: Record<string, string>): BotProcess {
	const child = spawn(NODE, ["--import", "tsx", MAIN], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
	const logs: LogLine[] = [];
	let stderr = "";
	child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
		stderr += chunk;
	});
	const waiters = new Set<() => void>();
	createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
		try {
			logs.push(JSON.parse(line) as LogLine);
		} catch {
			logs.push({ raw: line });
		}
		for (const wake of waiters) wake();
	});
	const exited = new Promise<Exit>((resolve, reject) => {
		child.once("error", reject);
		child.once("close", (code, signal) => {
			for (const wake of waiters) wake();
			resolve({ code, signal });
		});
	});
	const indexOfLog = (msg: string) => logs.findIndex((line) => line.msg === msg);
	const hasExited = () => child.exitCode !== null || child.signalCode !== null;
	const diagnostics = () => `stderr: ${stderr.slice(-2_000)}\nlogs: ${JSON.stringify(logs.slice(-20))}`;
	return {
		child,
		logs,
		exited,
		indexOfLog,
		waitForLog: (msg) =>
			new Promise<LogLine>((resolve, reject) => {
				const timer = setTimeout(
					() => settle(new Error(`no "${msg}" log in ${LOG_TIMEOUT_MS} ms\n${diagnostics()}`)),
					LOG_TIMEOUT_MS,
				);
				const settle = (outcome: LogLine | Error) => {
					clearTimeout(timer);
					waiters.delete(check);
					if (outcome instanceof Error) reject(outcome);
					else resolve(outcome);
				};
				const check = () => {
					const line = logs[indexOfLog(msg)];
					if (line) settle(line);
					else if (hasExited()) settle(new Error(`the bot exited before logging "${msg}"\n${diagnostics()}`));
				};
				waiters.add(check);
				check();
			}),
	};
}

describe("process lifecycle: SIGTERM and SIGKILL mid-turn, end to end", () => {
	let discord: FakeDiscord;
	let gemini: FakeGemini;
	let folder: string;
	let env: Record<string, string>;
	const children: BotProcess[] = [];
	const inProcess: RunningBot[] = [];

	const botMessages = (channelId: string): StoredMessage[] =>
		discord.messages(channelId).filter((message) => message.author.id === discord.botUser.id);
	const withContent = (channelId: string, content: string) =>
		botMessages(channelId).filter((message) => message.content === content);
	const threadNamed = (name: string) =>
		discord.waitFor(() => discord.threads().find((thread) => thread.name === name), { what: `thread "${name}"` });
	const geminiRequests = (count: number) =>
		discord.waitFor(() => gemini.requests.length >= count, { what: `${count} Gemini request(s)` });
	const imagine = () =>
		discord.slashCommand({ name: "imagine", channelId: discord.textChannelId, options: { prompt: PROMPT } });

	/** Starts `node src/main.ts` on the fakes and the test's store, logging at info, and waits until it is ready. */
	const startChild = async (extra: Record<string, string> = {}) => {
		const bot = spawnBot({
			PATH: process.env.PATH ?? "",
			HOME: process.env.HOME ?? tmpdir(),
			...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
			// main.ts loads .env; point it at a file that does not exist, so only this env configures the child.
			DOTENV_CONFIG_PATH: join(folder, "absent.env"),
			...env,
			LOG_LEVEL: "info",
			...extra,
		});
		children.push(bot);
		await bot.waitForLog("bot ready");
		return bot;
	};
	/** Starts the bot again in this process on the same store, as a restart would; resolves after its crash notices. */
	const restartInProcess = async () => {
		const bot = await startBot(loadConfig(env), createLogger(process.env.E2E_LOG_LEVEL ?? "silent"));
		inProcess.push(bot);
		return bot;
	};
	const stopInProcess = async (bot: RunningBot) => {
		inProcess.splice(inProcess.indexOf(bot), 1);
		await bot.stop();
	};
	/** Reads a conversation from the store while the child holds it open (SQLite in WAL mode allows a second reader). */
	const readConversation = async (id: string): Promise<Conversation | undefined> => {
		const store = await createStore(env.STORE_URL as string, env.STORE_NAMESPACE as string);
		try {
			return await store.getConversation(id);
		} finally {
			await store.close();
		}
	};

	beforeEach(async () => {
		discord = await startFakeDiscord();
		gemini = await startFakeGemini();
		folder = await mkdtemp(join(tmpdir(), "nbt-lifecycle-"));
		env = {
			DISCORD_TOKEN: discord.token,
			DISCORD_API_URL: discord.apiUrl,
			DISCORD_GUILD_ID: discord.guildId,
			GEMINI_API_KEY: gemini.apiKey,
			GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
			STORE_URL: `sqlite://${join(folder, "bot.sqlite")}`,
			STORE_NAMESPACE: `test-${randomUUID()}`,
			GEMINI_MAX_RETRIES: "0",
			DEFAULT_MEMBER_DAILY_IMAGES: "0",
			DEFAULT_SERVER_DAILY_IMAGES: "0",
			// The in-process restarts: a turn a failed test left running does not hold afterEach for the default 30 s.
			SHUTDOWN_GRACE_MS: "1000",
			LOG_LEVEL: "silent",
		};
		await deployCommands(loadConfig(env));
	});
	afterEach(async () => {
		for (const bot of children.splice(0)) {
			if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
			await bot.exited.catch(() => undefined);
		}
		for (const bot of inProcess.splice(0)) await bot.stop();
		await discord.close();
		await gemini.close();
		await rm(folder, { recursive: true, force: true });
		// After cleanup, so that a failure here still leaves no process behind.
		expect(discord.unknownRoutes).toEqual([]);
		expect(discord.internalErrors).toEqual([]);
		expect(gemini.unknownRoutes).toEqual([]);
	});

	it("on SIGTERM refuses new turns, interrupts the turn still running after the grace period, and exits 0 with nothing held", async () => {
		const bot = await startChild({ SHUTDOWN_GRACE_MS: "1500" });
		gemini.enqueue({ hang: true });
		await imagine();
		const thread = await threadNamed(PROMPT);
		await geminiRequests(1);

		bot.child.kill("SIGTERM");
		// main.ts logs this and then calls bot.stop() in the same tick: from here on, no turn is taken.
		await bot.waitForLog("shutting down");
		const late = await discord.userMessage({ channelId: thread.id, content: "and a seagull on top" });
		const refusal = await discord.waitFor(
			() => botMessages(thread.id).find((message) => message.message_reference?.message_id === late.id),
			{ what: "the answer to the message sent while stopping" },
		);
		expect(refusal.content).toBe(messages.restarting);
		expect(refusal.allowed_mentions).toMatchObject({ parse: [] });
		const interrupted = await discord.waitFor(() => withContent(thread.id, messages.turnInterrupted)[0], {
			what: "the interrupted notice",
		});
		expect(interrupted.allowed_mentions).toMatchObject({ parse: [] });

		expect(await bot.exited).toEqual({ code: 0, signal: null });
		expect(withContent(thread.id, messages.turnInterrupted)).toHaveLength(1);
		// The turn ended by shutdown's interruption, not by anything else; the late message never reached Gemini.
		expect(bot.logs.find((line) => line.msg === "turn failed")).toMatchObject({ kind: "interrupted" });
		expect(bot.indexOfLog("shutting down")).toBeLessThan(bot.indexOfLog("turn failed"));
		expect(gemini.requests).toHaveLength(1);

		const restarted = await restartInProcess();
		// No in-flight marker was left: the next start tells nobody their turn was cut short.
		expect(withContent(thread.id, messages.interruptedByCrash(discord.userId))).toEqual([]);
		const usage = await restarted.deps.quotas.usageToday({ guildId: discord.guildId, userId: discord.userId });
		expect(usage.member.used).toBe(0);
		expect(usage.server.used).toBe(0);
		expect((await restarted.deps.store.getConversation(thread.id))?.exchanges).toEqual([]);
	});

	it("after SIGKILL mid-turn, the next start tells the thread once, and the conversation is as it was before that turn", async () => {
		const bot = await startChild();
		await imagine();
		const thread = await threadNamed(PROMPT);
		await discord.waitFor(() => botMessages(thread.id).find((message) => message.attachments.length > 0), {
			what: "the first image",
		});
		// A turn commits after its reply is posted; this line comes after the commit.
		await bot.waitForLog("turn finished");
		const before = await readConversation(thread.id);
		expect(before?.exchanges).toHaveLength(1);

		// The answer starts streaming, its preview shows, and then Gemini stalls mid-answer.
		gemini.enqueue({
			...imageReply([await solidPng(90)], "A moon of blue cheese, rising over the hills"),
			stream: { hangAfter: 4 },
		});
		await discord.userMessage({ channelId: thread.id, content: "make it blue cheese" });
		await geminiRequests(2);
		const isProgress = (message: StoredMessage) => message.content.startsWith("⏳");
		await discord.waitFor(() => botMessages(thread.id).find(isProgress), { what: "the turn's live preview" });
		bot.child.kill("SIGKILL");
		expect(await bot.exited).toEqual({ code: null, signal: "SIGKILL" });
		const notice = messages.interruptedByCrash(discord.userId);
		expect(withContent(thread.id, notice)).toEqual([]);

		const first = await restartInProcess();
		// The dead turn's preview (with its Cancel button) is gone, and the thread is told once.
		expect(botMessages(thread.id).filter(isProgress)).toEqual([]);
		const [told] = withContent(thread.id, notice);
		expect(withContent(thread.id, notice)).toHaveLength(1);
		expect(told?.allowed_mentions).toMatchObject({ parse: [] });
		expect(withContent(thread.id, messages.turnInterrupted)).toEqual([]);
		expect(await first.deps.store.getConversation(thread.id)).toEqual(before);
		// The killed turn's quota hold went back on restart: only the first image counts.
		const usage = await first.deps.quotas.usageToday({ guildId: discord.guildId, userId: discord.userId });
		expect([usage.member.used, usage.server.used]).toEqual([1, 1]);
		await stopInProcess(first);

		const second = await restartInProcess();
		expect(withContent(thread.id, notice)).toHaveLength(1);
		expect(await second.deps.store.getConversation(thread.id)).toEqual(before);
		// Sent again, the turn reaches Gemini with the history of before the killed turn, nothing of it.
		await discord.userMessage({ channelId: thread.id, content: "make it blue cheese" });
		await geminiRequests(3);
		const contents = gemini.requests[2]?.body.contents ?? [];
		expect(contents.map((content) => content.role)).toEqual(["user", "model", "user"]);
		expect(contents[0]?.parts).toEqual([{ text: PROMPT }]);
		expect(contents[2]?.parts).toEqual([{ text: "make it blue cheese" }]);
		await discord.waitFor(() => botMessages(thread.id).filter((message) => message.attachments.length > 0)[1], {
			what: "the second image",
		});
	});

	it("a second signal while stopping exits 1 at once, and the next start treats the running turn as cut short", async () => {
		const bot = await startChild({ SHUTDOWN_GRACE_MS: "600000" });
		gemini.enqueue({ hang: true });
		await imagine();
		const thread = await threadNamed(PROMPT);
		await geminiRequests(1);
		bot.child.kill("SIGTERM");
		await bot.waitForLog("shutting down");
		bot.child.kill("SIGINT");

		// Without the second signal this run would wait out a ten-minute grace period and then exit 0.
		expect(await bot.exited).toEqual({ code: 1, signal: null });
		expect(bot.logs.filter((line) => line.msg === "shutting down")).toHaveLength(1);
		expect(withContent(thread.id, messages.turnInterrupted)).toEqual([]);
		await restartInProcess();
		expect(withContent(thread.id, messages.interruptedByCrash(discord.userId))).toHaveLength(1);
	});

	it("on SIGTERM, a turn that finishes within the grace period is delivered and committed, then the process exits 0", async () => {
		const bot = await startChild({ SHUTDOWN_GRACE_MS: "20000" });
		const image = await solidPng(220);
		// Long enough that the signal lands while Gemini holds the request; far inside the grace period.
		gemini.enqueue({ ...imageReply([image], "Just in time.", "late"), delayMs: 1_500 });
		await imagine();
		const thread = await threadNamed(PROMPT);
		await geminiRequests(1);
		bot.child.kill("SIGTERM");
		await bot.waitForLog("shutting down");

		expect(await bot.exited).toEqual({ code: 0, signal: null });
		expect(bot.indexOfLog("shutting down")).toBeLessThan(bot.indexOfLog("turn finished"));
		const [posted] = botMessages(thread.id).filter((message) => message.attachments.length > 0);
		expect(posted?.content).toBe("Just in time.\n-# v1");
		expect(posted?.attachments[0]?.data.equals(image)).toBe(true);
		expect(withContent(thread.id, messages.turnInterrupted)).toEqual([]);

		const restarted = await restartInProcess();
		expect(withContent(thread.id, messages.interruptedByCrash(discord.userId))).toEqual([]);
		const conversation = await restarted.deps.store.getConversation(thread.id);
		expect(conversation?.exchanges).toHaveLength(1);
		expect(conversation?.exchanges[0]?.messageIds).toContain(posted?.id);
		const usage = await restarted.deps.quotas.usageToday({ guildId: discord.guildId, userId: discord.userId });
		expect(usage.member.used).toBe(1);
	});
});
