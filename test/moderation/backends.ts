// Real SQLite and real Redis for moderation tests: each test gets its own namespace and removes only its own keys.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deleteRedisKeys, REDIS_URL } from "../redisKeys.js";

export { REDIS_URL };

export type Place = {
	/** STORE_URL for this test: a fresh SQLite file, or the shared Redis. */
	url: string;
	/** A namespace no other test uses. */
	namespace: string;
	/** Removes the SQLite folder, or every Redis key under the namespace; resolves to the keys that were left over. */
	cleanup(): Promise<string[]>;
};

export type Backend = { name: "SQLite" | "Redis"; place(): Promise<Place> };

export const SQLITE: Backend = {
	name: "SQLite",
	async place() {
		const dir = await mkdtemp(join(tmpdir(), "moderation-test-"));
		return {
			url: `sqlite://${join(dir, "data", "bot.sqlite")}`,
			namespace: `test-${randomUUID()}`,
			async cleanup() {
				await rm(dir, { recursive: true, force: true });
				return [];
			},
		};
	},
};

export const REDIS: Backend = {
	name: "Redis",
	async place() {
		const namespace = `test-${randomUUID()}`;
		return {
			url: REDIS_URL,
			namespace,
			async cleanup() {
				return deleteRedisKeys(namespace);
			},
		};
	},
};

export const BACKENDS: Backend[] = [SQLITE, REDIS];
