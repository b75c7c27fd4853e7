// src/conversation/imageBlobs.ts: image bytes stored as bytes (an SQLite BLOB, a binary Redis string), not base64 in JSON.
import type { DatabaseSync } from "node:sqlite";
import type { RedisClientConnectionType } from "@keyv/redis";
import { RESP_TYPES } from "@redis/client";

/** Blobs by sha256 under one namespace; `put` of bytes already held writes nothing. */
export type ImageBlobs = {
	put(sha256: string, data: Buffer): Promise<void>;
	get(sha256: string): Promise<Buffer | undefined>;
	/** Every held hash (tests, diagnostics). */
	list(): Promise<string[]>;
};

/** The table beside keyv's; the retention index deletes its rows in the same transactions as the references. */
export const IMAGES_SCHEMA = `CREATE TABLE IF NOT EXISTS images(namespace TEXT NOT NULL, sha256 TEXT NOT NULL,
	data BLOB NOT NULL, PRIMARY KEY (namespace, sha256))`;

/**
 * Blobs in their own table of the bot's SQLite file: read back as the bytes written (no base64, no JSON), a third
 * smaller than keyv's base64 rows, and written once (INSERT OR IGNORE).
 */
export function createSqliteBlobs(db: DatabaseSync, namespace: string): ImageBlobs {
	db.exec(IMAGES_SCHEMA);
	const sql = {
		put: db.prepare("INSERT OR IGNORE INTO images VALUES (?, ?, ?)"),
		get: db.prepare("SELECT data FROM images WHERE namespace = ? AND sha256 = ?"),
		list: db.prepare("SELECT sha256 FROM images WHERE namespace = ?"),
	};
	return {
		put: async (sha256, data) => {
			sql.put.run(namespace, sha256, data);
		},
		get: async (sha256) => {
			const data = sql.get.get(namespace, sha256)?.data as Uint8Array | undefined;
			return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : undefined;
		},
		list: async () => sql.list.all(namespace).map((row) => String(row.sha256)),
	};
}

/** The Redis key of a blob: `<namespace>:blob:<sha256>`. */
export const redisBlobPrefix = (namespace: string) => `${namespace}:blob:`;

/** Blobs as binary Redis strings, read back as Buffers; an existing blob is not sent again. */
export function createRedisBlobs(client: RedisClientConnectionType, namespace: string): ImageBlobs {
	type BinaryClient = {
		exists(key: string): Promise<number>;
		set(key: string, value: Buffer, options: { NX: true }): Promise<unknown>;
		get(key: string): Promise<Buffer | null>;
		keys(pattern: string): Promise<Buffer[]>;
	};
	const binary = (client as unknown as { withTypeMapping(mapping: object): BinaryClient }).withTypeMapping({
		[RESP_TYPES.BLOB_STRING]: Buffer,
	});
	const prefix = redisBlobPrefix(namespace);
	return {
		put: async (sha256, data) => {
			if ((await binary.exists(`${prefix}${sha256}`)) === 0) await binary.set(`${prefix}${sha256}`, data, { NX: true });
		},
		get: async (sha256) => (await binary.get(`${prefix}${sha256}`)) ?? undefined,
		list: async () => (await binary.keys(`${prefix}*`)).map((key) => key.toString().slice(prefix.length)),
	};
}
