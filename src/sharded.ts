// src/sharded.ts: `npm run start:sharded`: the ShardingManager's process. Reads .env once, spawns the shards, stops them on a signal.
import "dotenv/config";
import { fileURLToPath } from "node:url";
import { ConfigError } from "./config.js";
import { createLogger } from "./logger.js";
import { loadConfigOrExit, stopOnSignals } from "./processSignals.js";
import { startShards } from "./startShards.js";

async function main(): Promise<void> {
	const config = loadConfigOrExit(process.env);
	const logger = createLogger(config.logLevel).child({ module: "sharding" });
	// Run from dist/ the compiled main.js; from the sources (tests, tsx) main.ts with the same loader flags.
	const fromSources = import.meta.url.endsWith(".ts");
	const file = fileURLToPath(new URL(fromSources ? "./main.ts" : "./main.js", import.meta.url));
	let shards: Awaited<ReturnType<typeof startShards>>;
	try {
		shards = await startShards(config, logger, { file, execArgv: process.execArgv });
	} catch (err) {
		if (err instanceof ConfigError) console.error(err.message);
		else logger.fatal({ err }, "shards failed to start");
		process.exit(1);
	}
	stopOnSignals(
		logger,
		{ stop: () => shards.stop(), now: () => shards.kill() },
		{ stopping: "stopping shards", second: "second signal, killing the shards", failed: "stopping shards failed" },
	);
}

await main();
