// bench/world.ts: a bot (the real one, or the minimal baseline) on its own fake Discord and fake Gemini.
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { FakeDiscord, RestCall } from "../fakes/fakeDiscord.js";
import { startFakeDiscord } from "../fakes/fakeDiscord.js";
import { type FakeGemini, startFakeGemini } from "../fakes/fakeGemini.js";
import { type RunningBot, startBot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { deployCommands } from "../src/discord/deployCommands.js";
import { createLogger } from "../src/logger.js";
import { deleteRedisKeys, REDIS_URL } from "../test/redisKeys.js";
import type { BotRequest, BotStats } from "./botProcess.js";
import { startMinimalBot } from "./minimalBot.js";

export type World = {
	kind: "bot" | "minimal";
	discord: FakeDiscord;
	gemini: FakeGemini;
	/** The real bot, when kind is "bot" and it runs in this process. */
	bot?: RunningBot;
	/** The bot's own process's figures (CPU, memory, event loop), when it runs in a process of its own. */
	stats(type?: "stats" | "resetStats"): Promise<BotStats | undefined>;
	/** Stores `count` conversations the benchmark will not touch (real bot in its own process only). */
	seed(count: number, image: Buffer): Promise<void>;
	namespace: string;
	/** Resolves once the bot has nothing queued or running (the real bot commits after it posts). */
	idle(): Promise<void>;
	stop(): Promise<void>;
};

/** `ownProcess`: the bot runs in a child process (bench/botProcess.ts), as in production, so its CPU and memory are its own. */
export type WorldOptions = { store?: "sqlite" | "redis"; concurrency?: number; ownProcess?: boolean };

/** Starts bench/botProcess.ts and returns a request function answered over IPC. */
async function spawnBot(kind: World["kind"], env: Record<string, string>) {
	const child: ChildProcess = fork(new URL("./botProcess.ts", import.meta.url), [kind], {
		env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
		// BENCH_CPU_PROF=<folder>: each bot process writes a V8 CPU profile there when it exits.
		execArgv: [
			"--import",
			"tsx",
			...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
		],
	});
	let next = 0;
	const waiting = new Map<number, (stats: BotStats) => void>();
	const ready = new Promise<void>((resolve, reject) => {
		child.once("exit", (code) => reject(new Error(`bench bot exited with ${code}`)));
		child.on("message", (message: { ready?: boolean; id?: number; stats?: BotStats }) => {
			if (message.ready) resolve();
			if (message.id !== undefined && message.stats) waiting.get(message.id)?.(message.stats);
		});
	});
	await ready;
	const request = (type: BotRequest["type"], extra: Partial<BotRequest> = {}) =>
		new Promise<BotStats>((resolve) => {
			const id = next++;
			waiting.set(id, resolve);
			child.send({ id, type, ...extra } satisfies BotRequest);
		});
	return { child, request };
}

export async function startWorld(kind: World["kind"], options: WorldOptions = {}): Promise<World> {
	const discord = await startFakeDiscord();
	const gemini = await startFakeGemini();
	const folder = await mkdtemp(join(tmpdir(), "nbt-bench-"));
	const namespace = `bench-${randomUUID()}`;
	const env = {
		DISCORD_TOKEN: discord.token,
		DISCORD_API_URL: discord.apiUrl,
		DISCORD_GUILD_ID: discord.guildId,
		GEMINI_API_KEY: gemini.apiKey,
		GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
		STORE_URL: options.store === "redis" ? REDIS_URL : `sqlite://${join(folder, "bot.sqlite")}`,
		STORE_NAMESPACE: namespace,
		GEMINI_MAX_RETRIES: "0",
		GEMINI_CONCURRENCY: String(options.concurrency ?? 4),
		DEFAULT_MEMBER_DAILY_IMAGES: "0",
		DEFAULT_SERVER_DAILY_IMAGES: "0",
		LOG_LEVEL: "silent",
	};
	const config = loadConfig(env);
	await deployCommands(config);
	const own = options.ownProcess ? await spawnBot(kind, env) : undefined;
	const bot = kind === "bot" && !own ? await startBot(config, createLogger("silent")) : undefined;
	const minimal =
		kind === "minimal" && !own
			? await startMinimalBot({
					token: discord.token,
					discordApiUrl: discord.apiUrl,
					geminiApiKey: gemini.apiKey,
					geminiBaseUrl: gemini.baseUrl,
					model: config.gemini.model,
					concurrency: options.concurrency ?? 4,
				})
			: undefined;
	return {
		kind,
		discord,
		gemini,
		...(bot ? { bot } : {}),
		namespace,
		idle: async () => {
			await bot?.deps.turns.idle();
			await own?.request("idle");
			await new Promise((resolve) => setImmediate(resolve));
		},
		stats: async (type = "stats") => own?.request(type),
		seed: async (count, image) => {
			await own?.request("seed", { count, image: image.toString("base64") });
		},
		async stop() {
			if (own) {
				const exited = new Promise((resolve) => own.child.once("exit", resolve));
				await own.request("stop");
				await exited;
			}
			await bot?.stop();
			await minimal?.stop();
			await discord.close();
			await gemini.close();
			if (options.store === "redis") await deleteRedisKeys(`${namespace}:`);
			await rm(folder, { recursive: true, force: true });
		},
	};
}

export type TimedTurn = { ms: number; restCalls: number; uploads: number };

/** Times `dispatch` (an interaction or a message) until the first REST call carrying a file is answered. */
export async function timeTurn(
	world: World,
	dispatch: () => Promise<unknown>,
	/** Reads what the fakes recorded of the turn before they forget it. */
	inspect?: () => void,
): Promise<TimedTurn> {
	const calls: RestCall[] = [];
	let posted: (at: number) => void = () => {};
	const imagePosted = new Promise<number>((resolve) => {
		posted = resolve;
	});
	const off = world.discord.onRestCall((call) => {
		calls.push(call);
		if (call.files && call.files.length > 0) posted(performance.now());
	});
	const started = performance.now();
	try {
		await dispatch();
		const at = await imagePosted;
		await world.idle();
		inspect?.();
		// Thousands of turns: keep the fakes' memory bounded (nothing reads these back after the turn).
		world.discord.forgetPayloads();
		world.gemini.requests.length = 0;
		return {
			ms: at - started,
			restCalls: calls.length,
			uploads: calls.filter((call) => call.files?.length).length,
		};
	} finally {
		off();
	}
}
