// src/conversation/store.ts: conversations and image blobs on keyv (SQLite file or Redis), images stored once by sha256.
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import KeyvRedis from "@keyv/redis";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import type { Conversation, ImageRef } from "./types.js";

export type Store = {
	/** The keyv underneath, for other domains (settings, quotas) that keep data beside conversations. */
	keyv: Keyv;
	getConversation(id: string): Promise<Conversation | undefined>;
	saveConversation(conversation: Conversation): Promise<void>;
	deleteConversation(id: string): Promise<boolean>;
	putImage(image: { data: Buffer; mimeType: string }): Promise<ImageRef>;
	getImage(sha256: string): Promise<Buffer | undefined>;
	close(): Promise<void>;
};

/** Opens the keyv adapter STORE_URL names, creating the SQLite file's folder on first start. */
async function openAdapter(storeUrl: string): Promise<KeyvSqlite | KeyvRedis<unknown>> {
	if (storeUrl.startsWith("sqlite://")) {
		const path = storeUrl.slice("sqlite://".length);
		if (path !== ":memory:") await mkdir(dirname(path), { recursive: true });
		return new KeyvSqlite({ uri: storeUrl, busyTimeout: 10_000 });
	}
	return new KeyvRedis(storeUrl, { throwOnErrors: true, throwOnConnectError: true, connectionTimeout: 5_000 });
}

/** Creates the store for STORE_URL; every key lives under `namespace`. */
export async function createStore(storeUrl: string, namespace: string): Promise<Store> {
	const adapter = await openAdapter(storeUrl);
	const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true });
	// Keyv also emits errors as events; the throwing calls above already report them to the caller.
	keyv.on("error", () => {});
	if (adapter instanceof KeyvRedis) await adapter.getClient();
	// WAL lets readers and the one writer work at once: conversations and the quota counters share this file.
	else if (!storeUrl.endsWith(":memory:")) await adapter.query("PRAGMA journal_mode=WAL");
	return {
		keyv,
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
		async close() {
			await keyv.disconnect();
		},
	};
}
