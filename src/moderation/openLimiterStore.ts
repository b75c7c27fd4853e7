// src/moderation/openLimiterStore.ts: rate-limiter-flexible counters in the backend STORE_URL names (SQLite file or Redis).
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { createClient } from "@redis/client";
import { type RateLimiterAbstract, RateLimiterRedis, RateLimiterSQLite } from "rate-limiter-flexible";
import sqlite3 from "sqlite3";

export type LimiterOptions = {
	/** Stored keys are `${keyPrefix}:${key}`. */
	keyPrefix: string;
	/** Consumed points above which consume() rejects. */
	points: number;
	/** Seconds a key lives after its first point, unless consume() passes { customDuration }. */
	duration: number;
};

export type LimiterStore = {
	backend: "sqlite" | "redis";
	createLimiter(options: LimiterOptions): Promise<RateLimiterAbstract>;
	close(): Promise<void>;
};

/** One table in the bot's SQLite file for every limiter; the namespace is in each key's prefix. */
const SQLITE_TABLE = "moderation_rate_limits";

async function openSqlite(path: string): Promise<LimiterStore> {
	if (path !== ":memory:") await mkdir(dirname(path), { recursive: true });
	const db = await new Promise<sqlite3.Database>((resolve, reject) => {
		const opened: sqlite3.Database = new sqlite3.Database(path, (err) => (err ? reject(err) : resolve(opened)));
	});
	// keyv holds its own connection to the same file: wait for its write lock instead of failing with SQLITE_BUSY.
	db.configure("busyTimeout", 10_000);
	let tableReady: Promise<void> | undefined;
	return {
		backend: "sqlite",
		async createLimiter(options) {
			const settings = { ...options, storeClient: db, storeType: "sqlite3", tableName: SQLITE_TABLE };
			if (!tableReady) {
				// The first limiter creates the table, then calls back (asynchronously) when it is there.
				const first = new Promise<RateLimiterSQLite>((resolve, reject) => {
					const limiter: RateLimiterSQLite = new RateLimiterSQLite(settings, (err?: Error) =>
						err ? reject(err) : resolve(limiter),
					);
				});
				// Rows of past days are dead weight; sweep them once per start rather than on a timer.
				tableReady = first.then(
					() =>
						new Promise<void>((resolve, reject) =>
							db.run(`DELETE FROM ${SQLITE_TABLE} WHERE expire < ?`, [Date.now()], (err) =>
								err ? reject(err) : resolve(),
							),
						),
				);
				await tableReady;
				return first;
			}
			await tableReady;
			return new RateLimiterSQLite({ ...settings, tableCreated: true });
		},
		close: () => new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve()))),
	};
}

async function openRedis(url: string): Promise<LimiterStore> {
	const client = createClient({ url, socket: { connectTimeout: 5_000 } });
	// node-redis reconnects by itself; a failing command rejects to its caller, so the event needs no handling here.
	client.on("error", () => {});
	await client.connect();
	return {
		backend: "redis",
		// rate-limiter-flexible runs one Lua script per consume: atomic across every process sharing this Redis.
		createLimiter: async (options) => new RateLimiterRedis({ ...options, storeClient: client, useRedisPackage: true }),
		async close() {
			await client.close();
		},
	};
}

/** Opens the counters' backend for STORE_URL: the same SQLite file as the conversations, or the same Redis. */
export async function openLimiterStore(storeUrl: string): Promise<LimiterStore> {
	if (storeUrl.startsWith("sqlite://")) return openSqlite(storeUrl.slice("sqlite://".length));
	if (/^rediss?:\/\//.test(storeUrl)) return openRedis(storeUrl);
	throw new Error(`STORE_URL must start with sqlite:// or redis://, got ${storeUrl.split(":")[0]}:`);
}
