// Real SQLite and real Redis for moderation tests: each test gets its own namespace and removes only its own keys.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@redis/client";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

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
				const client = createClient({ url: REDIS_URL });
				await client.connect();
				try {
					const keys = await client.keys(`${namespace}*`);
					if (keys.length > 0) await client.del(keys);
					return await client.keys(`${namespace}*`);
				} finally {
					await client.close();
				}
			},
		};
	},
};

export const BACKENDS: Backend[] = [SQLITE, REDIS];
