// The scale settings of src/config.ts: shards, the project-wide Gemini cap, retention and the history budget.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const base = { DISCORD_TOKEN: "t", GEMINI_API_KEY: "k" };
/** What discord.js's ShardingManager adds to a shard's environment. */
const shard = (id: number, count: number) => ({
	SHARDING_MANAGER: "true",
	SHARDS: String(id),
	SHARD_COUNT: String(count),
});

const problemsOf = (env: Record<string, string>) => {
	try {
		loadConfig(env);
		return [];
	} catch (err) {
		if (err instanceof ConfigError) return err.problems;
		throw err;
	}
};

describe("scale configuration", () => {
	it("defaults: shard 0 of 1, 30-day retention, a 20 MB and 5-image history, no global cap", () => {
		const config = loadConfig(base);
		expect(config.shards).toEqual({ ids: [0], count: 1 });
		expect(config.sharding).toEqual({ count: "auto", list: undefined, spawnDelayMs: 5_500 });
		expect(config.retention).toEqual({ conversationTtlDays: 30 });
		expect(config.history).toEqual({ maxRequestBytes: 20_000_000, maxImages: 5 });
		expect(config.gemini.globalCap).toEqual({ concurrency: 0, requestsPerMinute: 0 });
	});

	it("in a shard's process, runs the manager's shard and serves HTTP on HTTP_PORT + its id", () => {
		const config = loadConfig({ ...base, STORE_URL: "redis://127.0.0.1:6379", HTTP_PORT: "8080", ...shard(3, 4) });
		expect(config.shards).toEqual({ ids: [3], count: 4 });
		expect(config.httpPort).toBe(8_083);
		expect(loadConfig({ ...base, HTTP_PORT: "8080" }).httpPort).toBe(8_080);
	});

	it("ignores SHARD_COUNT outside the manager (npm start runs one shard)", () => {
		expect(loadConfig({ ...base, SHARD_COUNT: "4" }).shards).toEqual({ ids: [0], count: 1 });
	});

	it("refuses SQLite in one of several shards, and a global cap without Redis, saying to use Redis", () => {
		expect(problemsOf({ ...base, ...shard(1, 2) }).join("\n")).toMatch(/SQLite.*2 shards.*STORE_URL=redis:\/\//);
		expect(problemsOf({ ...base, ...shard(0, 1) })).toEqual([]);
		expect(problemsOf({ ...base, GEMINI_GLOBAL_CONCURRENCY: "10" }).join("\n")).toMatch(/STORE_URL=redis:\/\//);
		expect(problemsOf({ ...base, STORE_URL: "redis://r:6379", GEMINI_GLOBAL_RPM: "60" })).toEqual([]);
	});

	it.each([
		["SHARD_COUNT", "0"],
		["SHARD_COUNT", "many"],
		["SHARD_LIST", "0,,1"],
		["HISTORY_MAX_MB", "0"],
		["HISTORY_MAX_IMAGES", "15"],
		["CONVERSATION_TTL_DAYS", "-1"],
	])("refuses %s=%s", (name, value) => {
		expect(problemsOf({ ...base, [name]: value }).some((problem) => problem.startsWith(name))).toBe(true);
	});

	it("reads a host's shard list", () => {
		expect(loadConfig({ ...base, SHARD_COUNT: "4", SHARD_LIST: "2, 3" }).sharding.list).toEqual([2, 3]);
	});
});
