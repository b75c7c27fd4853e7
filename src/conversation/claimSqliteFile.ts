// src/conversation/claimSqliteFile.ts: one bot process per SQLite file, enforced by a lock the OS drops when the process dies.
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { ConfigError } from "../config.js";

export type SqliteClaim = { release(): void };

/**
 * Holds an exclusive lock on `<file>.lock` for as long as this bot runs, so a second bot process on the same SQLite
 * store (a second `npm start`, or shards) refuses to start instead of splitting the conversations, turn queues and
 * crash markers that one process must own. The lock is SQLite's own (POSIX advisory), released when the connection
 * closes or the process dies, even by SIGKILL: no stale lock file to clean. Readers of the store itself (scripts,
 * backups) are not affected.
 */
export async function claimSqliteFile(storeUrl: string): Promise<SqliteClaim | undefined> {
	if (!storeUrl.startsWith("sqlite://")) return undefined;
	const path = storeUrl.slice("sqlite://".length);
	if (path === ":memory:") return undefined;
	await mkdir(dirname(path), { recursive: true });
	const lock = new DatabaseSync(`${path}.lock`);
	try {
		lock.exec("PRAGMA busy_timeout = 0");
		// Exclusive locking mode keeps the write lock of the first transaction until the connection closes.
		lock.exec("PRAGMA locking_mode = EXCLUSIVE");
		lock.exec("BEGIN EXCLUSIVE");
		lock.exec("CREATE TABLE IF NOT EXISTS owner(pid INTEGER, since TEXT)");
		lock.exec("DELETE FROM owner");
		lock.prepare("INSERT INTO owner VALUES (?, ?)").run(process.pid, new Date().toISOString());
		lock.exec("COMMIT");
	} catch (err) {
		lock.close();
		if ((err as { errcode?: number }).errcode === SQLITE_BUSY) {
			throw new ConfigError([
				`STORE_URL ${storeUrl} is in use by another bot process: an SQLite store serves one process. Stop the other one, or, to run several processes (shards, hosts), set STORE_URL=redis://host:6379 in every one of them`,
			]);
		}
		throw err;
	}
	return { release: () => lock.close() };
}

const SQLITE_BUSY = 5;
