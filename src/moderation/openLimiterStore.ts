// src/moderation/openLimiterStore.ts: rate-limiter-flexible counters on the connection the conversations already use.
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { RedisClientConnectionType } from "@keyv/redis";
import { type RateLimiterAbstract, RateLimiterRedis, RateLimiterSQLite } from "rate-limiter-flexible";

export type LimiterOptions = {
	/** Stored keys are `${keyPrefix}:${key}`. */
	keyPrefix: string;
	/** Consumed points above which consume() rejects. */
	points: number;
	/** Seconds a key lives after its first point, unless consume() passes { customDuration }. */
	duration: number;
};

/** Makes the limiters; it does not own the connection under them, so it has nothing to close. */
export type LimiterStore = {
	backend: "sqlite" | "redis";
	createLimiter(options: LimiterOptions): RateLimiterAbstract;
};

/** The store's one open connection: a node:sqlite database, or a connected node-redis client. */
export type LimiterBackend =
	| { kind: "sqlite"; db: DatabaseSync }
	| { kind: "redis"; client: RedisClientConnectionType };

/** One table in the bot's SQLite file for every limiter; the namespace is in each key's prefix. */
const SQLITE_TABLE = "moderation_rate_limits";

/**
 * What RateLimiterSQLite's "better-sqlite3" mode calls, over a DatabaseSync: prepare(sql).get/run, and
 * transaction(fn) returning a function that runs fn between BEGIN IMMEDIATE and COMMIT. It must have no `run`,
 * which is how the limiter tells it from sqlite3. Being synchronous, a transaction never interleaves with another.
 */
function betterSqliteFacade(db: DatabaseSync) {
	const prepared = new Map<string, StatementSync>();
	return {
		prepare(sql: string): StatementSync {
			let statement = prepared.get(sql);
			if (!statement) {
				statement = db.prepare(sql);
				prepared.set(sql, statement);
			}
			return statement;
		},
		transaction<Args extends unknown[], Result>(task: (...args: Args) => Result): (...args: Args) => Result {
			return (...args) => {
				if (db.isTransaction) return task(...args);
				db.exec("BEGIN IMMEDIATE");
				try {
					const result = task(...args);
					db.exec("COMMIT");
					return result;
				} catch (err) {
					db.exec("ROLLBACK");
					throw err;
				}
			};
		},
	};
}

function sqliteLimiters(db: DatabaseSync): LimiterStore {
	const client = betterSqliteFacade(db);
	const settings = { storeClient: client, storeType: "better-sqlite3", tableName: SQLITE_TABLE, tableCreated: true };
	// The same table and columns RateLimiterSQLite creates, made here once so that no limiter has to wait for it.
	db.exec(`CREATE TABLE IF NOT EXISTS ${SQLITE_TABLE} (
		key TEXT PRIMARY KEY,
		points INTEGER NOT NULL DEFAULT 0,
		expire INTEGER
	)`);
	// Rows of past days are dead weight; sweep them once per start rather than on a timer.
	db.prepare(`DELETE FROM ${SQLITE_TABLE} WHERE expire < ?`).run(Date.now());
	return { backend: "sqlite", createLimiter: (options) => new RateLimiterSQLite({ ...options, ...settings }) };
}

function redisLimiters(client: RedisClientConnectionType): LimiterStore {
	return {
		backend: "redis",
		// rate-limiter-flexible runs one Lua script per consume: atomic across every process sharing this Redis.
		createLimiter: (options) => new RateLimiterRedis({ ...options, storeClient: client, useRedisPackage: true }),
	};
}

/** The counters' store on the conversations' own connection: the same SQLite file, or the same Redis client. */
export function openLimiterStore(backend: LimiterBackend): LimiterStore {
	return backend.kind === "sqlite" ? sqliteLimiters(backend.db) : redisLimiters(backend.client);
}
