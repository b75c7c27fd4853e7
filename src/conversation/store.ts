// src/conversation/store.ts: conversations and image blobs on keyv (SQLite file or Redis), images stored once by sha256.
import { webcrypto } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import KeyvRedis, { type RedisClientConnectionType } from "@keyv/redis";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import { type LimiterBackend, type LimiterStore, openLimiterStore } from "../moderation/openLimiterStore.js";
import { createRedisBlobs, createSqliteBlobs, type ImageBlobs } from "./imageBlobs.js";
import { hashesOf, type RawKeys, type RetentionIndex, type SweepResult, sweep } from "./retention.js";
import { createRedisRetention } from "./retentionRedis.js";
import { createSqliteRetention } from "./retentionSqlite.js";
import { SqliteKeyvStore } from "./sqliteKeyvStore.js";
import type { Conversation, ImageRef } from "./types.js";

export type Store = {
	/** The keyv underneath, for other domains (settings, quotas) that keep data beside conversations. */
	keyv: Keyv;
	/** Quota and cooldown counters on the same connection as keyv (`createQuotas` takes it). */
	limiters: LimiterStore;
	/** The Redis connection under keyv, for state shared between processes (the Gemini budget); none on SQLite. */
	redis: RedisClientConnectionType | undefined;
	getConversation(id: string): Promise<Conversation | undefined>;
	/** Saves the record; image blobs it no longer references (undo, reroll, forget) are deleted unless another does. */
	saveConversation(conversation: Conversation): Promise<void>;
	/** Deletes the record and the blobs no other conversation references. */
	deleteConversation(id: string): Promise<boolean>;
	putImage(image: { data: Buffer; mimeType: string }): Promise<ImageRef>;
	getImage(sha256: string): Promise<Buffer | undefined>;
	/** The hashes of every image blob held (tests, diagnostics). */
	imageHashes(): Promise<string[]>;
	/** Expires conversations idle longer than `ttlDays` (0 = never) and deletes blobs nothing references. */
	sweep(ttlDays: number, now?: number): Promise<SweepResult>;
	/** Closes the one connection that keyv and the limiters share. */
	close(): Promise<void>;
};

type Backend = {
	adapter: KeyvStoreAdapter;
	limiter: LimiterBackend;
	retention(namespace: string): RetentionIndex;
	blobs(namespace: string): ImageBlobs;
	close(): Promise<void>;
};

// A stray second process on the same file (a one-off script) waits this long for the lock instead of failing.
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * One synchronous node:sqlite connection for everything in the file: statements run one at a time, whole, so
 * conversations and quota counters can never contend for the lock (two connections did, with SQLITE_BUSY).
 */
async function openSqlite(path: string): Promise<Backend> {
	if (path !== ":memory:") await mkdir(dirname(path), { recursive: true });
	const db = new DatabaseSync(path);
	db.exec(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
	db.exec("PRAGMA journal_mode = WAL");
	// In WAL mode NORMAL loses no data on a crash of the process, only possibly the last commits on power loss.
	db.exec("PRAGMA synchronous = NORMAL");
	return {
		adapter: new SqliteKeyvStore(db),
		limiter: { kind: "sqlite", db },
		// keyv's row keys: its namespace, then ours.
		retention: (namespace) => createSqliteRetention(db, namespace, rawKeys(`${namespace}:`)),
		blobs: (namespace) => createSqliteBlobs(db, namespace),
		close: async () => db.close(),
	};
}

/**
 * One node-redis client for keyv and the limiters; it is connected, or this throws within 5 s. While Redis is down
 * the client reconnects by itself, and commands fail at once (ClientOfflineError) instead of waiting in an offline
 * queue, so a member is told the store is unreachable rather than left without an answer.
 */
async function openRedis(url: string): Promise<Backend> {
	const options = { throwOnErrors: true, throwOnConnectError: true, connectionTimeout: 5_000 };
	const adapter = new KeyvRedis({ url, disableOfflineQueue: true, socket: { connectTimeout: 5_000 } }, options);
	const client = await adapter.getClient();
	return {
		adapter,
		limiter: { kind: "redis", client },
		// keyv's Redis keys: the adapter's namespace and "::", then keyv's namespace and ":".
		retention: (namespace) => createRedisRetention(client, namespace, rawKeys(`${namespace}::${namespace}:`)),
		blobs: (namespace) => createRedisBlobs(client, namespace),
		close: () => adapter.disconnect(),
	};
}

function openBackend(storeUrl: string): Promise<Backend> {
	if (storeUrl.startsWith("sqlite://")) return openSqlite(storeUrl.slice("sqlite://".length));
	if (/^rediss?:\/\//.test(storeUrl)) return openRedis(storeUrl);
	throw new Error(`STORE_URL must start with sqlite:// or redis://, got ${storeUrl.split(":")[0]}:`);
}

function rawKeys(prefix: string): RawKeys {
	return { record: (id) => `${prefix}conv:${id}`, blob: (sha256) => `${prefix}img:${sha256}` };
}

/**
 * Indexes a store written before the retention index existed: every blob starts as an old pending one, then each
 * conversation's references are recorded, so the next sweep deletes only the blobs no conversation names.
 */
async function buildIndex(keyv: Keyv, index: RetentionIndex): Promise<void> {
	if (await index.isBuilt()) return;
	const now = Date.now();
	if (keyv.iterator) {
		const conversations: Conversation[] = [];
		for await (const [key, value] of keyv.iterator(undefined)) {
			const name = String(key);
			if (name.startsWith("img:")) await index.markPending(name.slice("img:".length), 0);
			else if (name.startsWith("conv:")) conversations.push(value as Conversation);
		}
		for (const conversation of conversations) await index.track(conversation.id, hashesOf(conversation), now);
	}
	await index.markBuilt();
}

/** An opening quote followed by a colon: a string keyv's format escapes (":x" is stored "::x"), or a ":base64:" Buffer. */
const COLON_STRING = /[:,[]":/;

type KeyvFormat = { serialize: (data: unknown) => string; deserialize: <Value>(text: string) => Value };

/**
 * keyv's own format (what older versions wrote and read) at native JSON speed: keyv's serializer walks the value in
 * JavaScript and its parser calls a reviver on every value, four times slower on a 20-turn conversation. Plain JSON
 * is that format whenever no string starts with a colon and no Buffer is inside; otherwise keyv's own code runs.
 */
export function fastKeyvFormat(keyv: KeyvFormat): KeyvFormat {
	return {
		serialize(data) {
			const text = JSON.stringify(data);
			return COLON_STRING.test(text) || text.includes('{"type":"Buffer","data":[') ? keyv.serialize(data) : text;
		},
		deserialize: (text) => (COLON_STRING.test(text) ? keyv.deserialize(text) : JSON.parse(text)),
	};
}

/** The sha256 of `data` in hex, computed on libuv's thread pool (WebCrypto) rather than the event loop. */
export async function sha256Of(data: Uint8Array): Promise<string> {
	return Buffer.from(await webcrypto.subtle.digest("SHA-256", data)).toString("hex");
}

/** Creates the store for STORE_URL, creating the SQLite file's folder on first start; every key lives under `namespace`. */
export async function createStore(storeUrl: string, namespace: string): Promise<Store> {
	const backend = await openBackend(storeUrl);
	const keyv = new Keyv({ store: backend.adapter, namespace, throwOnErrors: true });
	const format = fastKeyvFormat({ serialize: keyv.serialize, deserialize: keyv.deserialize } as KeyvFormat);
	keyv.serialize = format.serialize;
	keyv.deserialize = format.deserialize;
	// Keyv also emits errors as events; the throwing calls above already report them to the caller.
	keyv.on("error", () => {});
	const blobs = backend.blobs(namespace);
	const index = backend.retention(namespace);
	try {
		await buildIndex(keyv, index);
	} catch (err) {
		await backend.close();
		throw err;
	}
	let closed: Promise<void> | undefined;
	return {
		keyv,
		limiters: openLimiterStore(backend.limiter),
		redis: backend.limiter.kind === "redis" ? backend.limiter.client : undefined,
		getConversation: (id) => keyv.get<Conversation>(`conv:${id}`),
		async saveConversation(conversation) {
			// References first: a crash between the two steps leaves a blob kept too long, never one deleted too soon.
			await index.track(conversation.id, hashesOf(conversation), Date.now());
			await keyv.set(`conv:${conversation.id}`, conversation);
		},
		async deleteConversation(id) {
			const existed = await keyv.has(`conv:${id}`);
			await index.forget(id, Date.now());
			return existed;
		},
		async putImage({ data, mimeType }) {
			const sha256 = await sha256Of(data);
			// Pending before written: a concurrent delete either ran before (and this writes the bytes again) or sees
			// the mark and leaves the blob to the sweep, which keeps it once this turn's record references it.
			await index.markPending(sha256, Date.now());
			// Content-addressed: the same bytes are written once however many turns refer to them.
			await blobs.put(sha256, data);
			return { sha256, mimeType, bytes: data.length };
		},
		async getImage(sha256) {
			const data = await blobs.get(sha256);
			if (data) return data;
			// Written by an older version: base64 in a keyv record.
			const base64 = await keyv.get<string>(`img:${sha256}`);
			return base64 === undefined ? undefined : Buffer.from(base64, "base64");
		},
		async imageHashes() {
			const hashes = new Set(await blobs.list());
			if (keyv.iterator) {
				for await (const [key] of keyv.iterator(undefined)) {
					if (String(key).startsWith("img:")) hashes.add(String(key).slice("img:".length));
				}
			}
			return [...hashes];
		},
		sweep: (ttlDays, now) => sweep(index, ttlDays, now),
		close() {
			closed ??= backend.close();
			return closed;
		},
	};
}
