// src/conversation/store.ts: conversations and image blobs on keyv (SQLite file or Redis), images stored once by sha256.
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import KeyvRedis from "@keyv/redis";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import { type LimiterBackend, type LimiterStore, openLimiterStore } from "../moderation/openLimiterStore.js";
import { SqliteKeyvStore } from "./sqliteKeyvStore.js";
import type { Conversation, ImageRef } from "./types.js";

export type Store = {
	/** The keyv underneath, for other domains (settings, quotas) that keep data beside conversations. */
	keyv: Keyv;
	/** Quota and cooldown counters on the same connection as keyv (`createQuotas` takes it). */
	limiters: LimiterStore;
	getConversation(id: string): Promise<Conversation | undefined>;
	saveConversation(conversation: Conversation): Promise<void>;
	deleteConversation(id: string): Promise<boolean>;
	putImage(image: { data: Buffer; mimeType: string }): Promise<ImageRef>;
	getImage(sha256: string): Promise<Buffer | undefined>;
	/** Closes the one connection that keyv and the limiters share. */
	close(): Promise<void>;
};

type Backend = { adapter: KeyvStoreAdapter; limiter: LimiterBackend; close(): Promise<void> };

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
	return {
		adapter,
		limiter: { kind: "redis", client: await adapter.getClient() },
		close: () => adapter.disconnect(),
	};
}

function openBackend(storeUrl: string): Promise<Backend> {
	if (storeUrl.startsWith("sqlite://")) return openSqlite(storeUrl.slice("sqlite://".length));
	if (/^rediss?:\/\//.test(storeUrl)) return openRedis(storeUrl);
	throw new Error(`STORE_URL must start with sqlite:// or redis://, got ${storeUrl.split(":")[0]}:`);
}

/** Creates the store for STORE_URL, creating the SQLite file's folder on first start; every key lives under `namespace`. */
export async function createStore(storeUrl: string, namespace: string): Promise<Store> {
	const backend = await openBackend(storeUrl);
	const keyv = new Keyv({ store: backend.adapter, namespace, throwOnErrors: true });
	// Keyv also emits errors as events; the throwing calls above already report them to the caller.
	keyv.on("error", () => {});
	let closed: Promise<void> | undefined;
	return {
		keyv,
		limiters: openLimiterStore(backend.limiter),
		getConversation: (id) => keyv.get<Conversation>(`conv:${id}`),
		async saveConversation(conversation) {
			await keyv.set(`conv:${conversation.id}`, conversation);
		},
		deleteConversation: (id) => keyv.delete(`conv:${id}`),
		async putImage({ data, mimeType }) {
			const sha256 = createHash("sha256").update(data).digest("hex");
			const key = `img:${sha256}`;
			// Content-addressed: the same bytes are written once however many turns refer to them.
			if (!(await keyv.has(key))) await keyv.set(key, data.toString("base64"));
			return { sha256, mimeType, bytes: data.length };
		},
		async getImage(sha256) {
			const base64 = await keyv.get<string>(`img:${sha256}`);
			return base64 === undefined ? undefined : Buffer.from(base64, "base64");
		},
		close() {
			closed ??= backend.close();
			return closed;
		},
	};
}
