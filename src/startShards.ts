// src/startShards.ts: the bot across Discord shards, one process each, under discord.js's ShardingManager.
import type { ChildProcess } from "node:child_process";
import { REST, Routes, type Shard, ShardingManager } from "discord.js";
import { type Config, ConfigError } from "./config.js";
import type { Logger } from "./logger.js";

/** What the manager sends a shard's process so it stops as on SIGTERM; a stop already under way ignores it. */
export const STOP_MESSAGE = "nbt:stop";
/** Beyond the turns' grace: the time a shard gets to close Discord and the store before it is killed. */
const STOP_MARGIN_MS = 15_000;

export type RunningShards = { manager: ShardingManager; stop(): Promise<void>; kill(): void };

/** SHARD_COUNT, or Discord's recommendation for `auto` (GET /gateway/bot through DISCORD_API_URL). */
async function totalShards(config: Config): Promise<number> {
	if (config.sharding.count !== "auto") return config.sharding.count;
	const rest = new REST({ api: config.discordApiUrl }).setToken(config.discordToken);
	const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
	return Math.max(1, gateway.shards);
}

function sharedStoreProblem(config: Config, total: number): string | undefined {
	if (!config.storeUrl.startsWith("sqlite://") || total <= 1) return undefined;
	return `STORE_URL is an SQLite file, which only one process can use, but SHARD_COUNT is ${total}: set STORE_URL=redis://host:6379 (the same for every shard and host), or run one shard with npm start`;
}

/**
 * Spawns this host's shards (SHARD_LIST, default all of SHARD_COUNT) as processes running `file`, SHARD_SPAWN_DELAY_MS
 * apart, respawning any that dies; resolves once each is ready. Refuses an SQLite store for more than one shard.
 * Each process serves HTTP on HTTP_PORT + its shard id. `stop()` asks every shard to stop as on SIGTERM (running
 * turns get SHUTDOWN_GRACE_MS) and waits for them to exit.
 */
export async function startShards(
	config: Config,
	logger: Logger,
	options: { file: string; execArgv?: string[] },
): Promise<RunningShards> {
	const total = await totalShards(config);
	const problem = sharedStoreProblem(config, total);
	const outOfRange = config.sharding.list?.filter((id) => id >= total) ?? [];
	if (problem) throw new ConfigError([problem]);
	if (outOfRange.length > 0) {
		throw new ConfigError([
			`SHARD_LIST names shards ${outOfRange.join(", ")}, but SHARD_COUNT is ${total} (ids 0 to ${total - 1})`,
		]);
	}
	const shardList = config.sharding.list ?? Array.from({ length: total }, (_, id) => id);
	const manager = new ShardingManager(options.file, {
		totalShards: total,
		shardList,
		token: config.discordToken,
		mode: "process",
		respawn: true,
		execArgv: options.execArgv ?? [],
	});
	manager.on("shardCreate", (shard: Shard) => {
		const log = logger.child({ shard: shard.id });
		// Process mode: every shard's process is a ChildProcess.
		shard.on("spawn", (child) => log.info({ pid: (child as ChildProcess).pid, total }, "shard started"));
		shard.on("ready", () => log.info({ pid: shard.process?.pid }, "shard ready"));
		shard.on("death", (child) =>
			log.warn({ exitCode: (child as ChildProcess).exitCode, respawn: manager.respawn }, "shard exited"),
		);
	});
	logger.info({ total, shards: shardList, store: config.storeUrl.split(":")[0] }, "starting shards");
	await manager.spawn({ amount: total, delay: config.sharding.spawnDelayMs, timeout: 120_000 });
	const children = () => [...manager.shards.values()].flatMap((shard) => (shard.process ? [shard.process] : []));
	return {
		manager,
		async stop() {
			manager.respawn = false;
			const exits = children().map(
				(child) =>
					new Promise<void>((resolve) => {
						if (child.exitCode !== null || child.signalCode !== null) return resolve();
						const timer = setTimeout(() => child.kill("SIGKILL"), config.turns.shutdownGraceMs + STOP_MARGIN_MS);
						child.once("exit", () => {
							clearTimeout(timer);
							resolve();
						});
						child.send(STOP_MESSAGE, (err) => err && child.kill("SIGTERM"));
					}),
			);
			await Promise.all(exits);
		},
		kill() {
			manager.respawn = false;
			for (const child of children()) child.kill("SIGKILL");
		},
	};
}
