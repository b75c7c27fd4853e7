// test/e2e/sharding.test.ts: `npm run start:sharded` for real: two shard processes on Redis, one killed and respawned mid-thread.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { shardOf } from "../../fakes/discord/snowflake.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/fakeDiscord.js";
import { type FakeGemini, startFakeGemini } from "../../fakes/fakeGemini.js";
import { loadConfig } from "../../src/config.js";
import { deployCommands } from "../../src/discord/deployCommands.js";
import { deleteRedisKeys, REDIS_URL } from "../redisKeys.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules", ".bin", "node");
const SHARDED = join(ROOT, "src", "sharded.ts");
const PROMPT = "a lighthouse made of cheese";

type LogLine = { msg?: string; shard?: number; shards?: number[]; pid?: number; [field: string]: unknown };
type Manager = {
	child: ChildProcess;
	logs: LogLine[];
	stderr: () => string;
	exited: Promise<number | null>;
	/** The first log line (after `from`) matching, once written. */
	waitFor(match: (line: LogLine) => boolean, what: string, from?: number): Promise<LogLine>;
};

function spawnManager(env: Record<string, string>): Manager {
	const child = spawn(NODE, ["--import", "tsx", SHARDED], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
	const logs: LogLine[] = [];
	let stderr = "";
	child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
		stderr += chunk;
	});
	// The shards' processes inherit the manager's stdout: every process's pino lines arrive here.
	createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
		try {
			logs.push(JSON.parse(line) as LogLine);
		} catch {
			logs.push({ raw: line });
		}
	});
	const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
	const waitFor = async (match: (line: LogLine) => boolean, what: string, from = 0) => {
		const deadline = Date.now() + 60_000;
		for (;;) {
			const line = logs.slice(from).find(match);
			if (line) return line;
			if (child.exitCode !== null || Date.now() > deadline) {
				throw new Error(`no ${what}\nstderr: ${stderr.slice(-2_000)}\nlogs: ${JSON.stringify(logs.slice(-15))}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	};
	return { child, logs, stderr: () => stderr, exited, waitFor };
}

/** A base port with the next one free too (each shard listens on HTTP_PORT + its id). */
async function freePortPair(): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((resolve) => {
			const server = createServer().listen(0, "127.0.0.1", () => {
				const { port } = server.address() as { port: number };
				server.close(() => resolve(port));
			});
		});
		const nextFree = await new Promise<boolean>((resolve) => {
			const server = createServer().once("error", () => resolve(false));
			server.listen(port + 1, "127.0.0.1", () => server.close(() => resolve(true)));
		});
		if (nextFree && port < 65_000) return port;
	}
}

describe("npm run start:sharded, end to end", () => {
	let discord: FakeDiscord;
	let gemini: FakeGemini;
	let env: Record<string, string>;
	const managers: Manager[] = [];
	const namespace = `test-${randomUUID()}`;

	const start = (extra: Record<string, string> = {}) => {
		const manager = spawnManager({ ...env, ...extra });
		managers.push(manager);
		return manager;
	};

	beforeEach(async () => {
		discord = await startFakeDiscord({ recommendedShards: 2 });
		gemini = await startFakeGemini();
		env = {
			PATH: process.env.PATH ?? "",
			HOME: process.env.HOME ?? tmpdir(),
			DOTENV_CONFIG_PATH: join(tmpdir(), `absent-${randomUUID()}.env`),
			DISCORD_TOKEN: discord.token,
			DISCORD_API_URL: discord.apiUrl,
			DISCORD_GUILD_ID: discord.guildId,
			GEMINI_API_KEY: gemini.apiKey,
			GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
			STORE_URL: REDIS_URL,
			STORE_NAMESPACE: namespace,
			GEMINI_MAX_RETRIES: "0",
			DEFAULT_MEMBER_DAILY_IMAGES: "0",
			DEFAULT_SERVER_DAILY_IMAGES: "0",
			SHARD_SPAWN_DELAY_MS: "0",
			SHUTDOWN_GRACE_MS: "1000",
			LOG_LEVEL: "info",
		};
		await deployCommands(loadConfig(env));
	});
	afterEach(async () => {
		for (const manager of managers.splice(0)) {
			if (manager.child.exitCode === null) manager.child.kill("SIGKILL");
			await manager.exited;
		}
		await discord.close();
		await gemini.close();
		expect(await deleteRedisKeys(`${namespace}:`)).toEqual([]);
		expect(discord.unknownRoutes).toEqual([]);
		expect(discord.internalErrors).toEqual([]);
	});

	it("runs Discord's recommended two shards, each on its own port; a thread carries on after its shard's process is killed and respawned", async () => {
		const base = await freePortPair();
		const manager = start({ HTTP_PORT: String(base) });
		for (const id of [0, 1])
			await manager.waitFor((line) => line.msg === "shard ready" && line.shard === id, `shard ${id} ready`);
		expect(discord.connectedShards()).toEqual([
			[0, 2],
			[1, 2],
		]);
		// Two processes on one host, HTTP_PORT + shard id each: no EADDRINUSE.
		for (const port of [base, base + 1]) expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

		await discord.slashCommand({ name: "imagine", channelId: discord.textChannelId, options: { prompt: PROMPT } });
		const thread = await discord.waitFor(() => discord.threads().find((channel) => channel.name === PROMPT), {
			what: "the thread",
			timeoutMs: 20_000,
		});
		await discord.waitFor(() => discord.messages(thread.id).some((message) => message.attachments.length > 0), {
			what: "the first image",
			timeoutMs: 20_000,
		});

		// Committed once shown: wait for that before the crash, or the first turn is (rightly) not in the history.
		await manager.waitFor((line) => line.msg === "turn finished", "the first turn committed");
		// The guild's shard holds the thread: kill its process outright; the manager starts a new one.
		const owner = shardOf(discord.guildId, 2);
		const ready = await manager.waitFor((line) => line.msg === "shard ready" && line.shard === owner, "owner ready");
		const seen = manager.logs.length;
		process.kill(ready.pid as number, "SIGKILL");
		await manager.waitFor((line) => line.msg === "shard exited" && line.shard === owner, "the shard's death", seen);
		const again = await manager.waitFor(
			(line) => line.msg === "shard ready" && line.shard === owner,
			"the respawned shard ready",
			seen,
		);
		expect(again.pid).not.toBe(ready.pid);

		await discord.userMessage({ channelId: thread.id, content: "now make it blue" });
		await discord.waitFor(() => gemini.requests.length >= 2, { what: "the second Gemini request", timeoutMs: 20_000 });
		// The respawned process read the conversation from Redis: the first turn is replayed before the new one.
		const contents = gemini.requests[1]?.body.contents ?? [];
		expect(contents.map((content) => content.role)).toEqual(["user", "model", "user"]);
		expect(JSON.stringify(contents[0])).toContain(PROMPT);
		await discord.waitFor(
			() => discord.messages(thread.id).filter((message) => message.attachments.length > 0).length >= 2,
			{ what: "the second image", timeoutMs: 20_000 },
		);

		manager.child.kill("SIGTERM");
		expect(await manager.exited).toBe(0);
		expect(discord.connectedSessions()).toBe(0);
	}, 120_000);

	it("refuses an SQLite store for more than one shard, saying to use Redis", async () => {
		const manager = start({ STORE_URL: `sqlite://${join(tmpdir(), `${randomUUID()}.sqlite`)}`, SHARD_COUNT: "2" });
		expect(await manager.exited).toBe(1);
		expect(manager.stderr()).toMatch(/SQLite file.*SHARD_COUNT is 2.*STORE_URL=redis:\/\//);
		expect(discord.connectedSessions()).toBe(0);
	}, 30_000);
});
