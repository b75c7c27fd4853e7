// src/healthcheck.ts: the container's health check: GET /healthz on this host's bot processes; exit 0 when all answer 200.
import { loadConfig } from "./config.js";

const TIMEOUT_MS = 3_000;

/**
 * The ports to probe: HTTP_PORT for `npm start`; with `--sharded`, HTTP_PORT + each shard id this host runs
 * (SHARD_LIST, else every shard of a numeric SHARD_COUNT; with SHARD_COUNT=auto only shard 0's, the one port known).
 */
function healthPorts(config: ReturnType<typeof loadConfig>, sharded: boolean): number[] {
	if (config.httpPort === 0) return [];
	if (!sharded) return [config.httpPort];
	const { count, list } = config.sharding;
	const ids = list ?? (count === "auto" ? [0] : Array.from({ length: count }, (_, id) => id));
	return ids.map((id) => config.httpPort + id);
}

async function main(): Promise<void> {
	const config = loadConfig(process.env);
	const ports = healthPorts(config, process.argv.includes("--sharded"));
	if (ports.length === 0) {
		console.error("HTTP_PORT is 0: set it so /healthz can be checked");
		process.exit(1);
	}
	const failures: string[] = [];
	for (const port of ports) {
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
			if (response.status !== 200) failures.push(`port ${port}: ${response.status}`);
		} catch (err) {
			failures.push(`port ${port}: ${err instanceof Error ? err.message : String(err)}`);
		}
	}
	if (failures.length > 0) {
		console.error(`unhealthy: ${failures.join("; ")}`);
		process.exit(1);
	}
}

await main();
