// src/sharded.ts: `npm run start:sharded`: the ShardingManager's process. Reads .env once, spawns the shards, stops them on a signal.
import "dotenv/config";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { startShards } from "./startShards.js";

async function main(): Promise<void> {
	let config: ReturnType<typeof loadConfig>;
	try {
		config = loadConfig(process.env);
	} catch (err) {
		if (!(err instanceof ConfigError)) throw err;
		console.error(err.message);
		process.exit(1);
	}
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
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) {
			logger.warn({ signal }, "second signal, killing the shards");
			shards.kill();
			process.exit(1);
		}
		stopping = true;
		logger.info({ signal }, "stopping shards");
		shards.stop().then(
			() => process.exit(0),
			(err: unknown) => {
				logger.error({ err }, "stopping shards failed");
				process.exit(1);
			},
		);
	};
	process.on("SIGINT", shutdown);
	process.on("SIGTERM", shutdown);
}

await main();
