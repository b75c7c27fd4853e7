import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import Keyv from "keyv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newConversation } from "../../src/conversation/newConversation.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import type { Conversation } from "../../src/conversation/types.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A conversation with one exchange, carrying every optional field so the round trip covers them all. */
const conversation = (id: string): Conversation => ({
	...newConversation({
		id,
		guildId: "100000000000000001",
		ownerId: "200000000000000002",
		model: "gemini-3.1-flash-image",
		title: "A banana in space",
		options: { output: "image_and_text", aspect: "16:9" },
	}),
	exchanges: [
		{
			turn: 1,
			user: [{ kind: "text", text: "a banana in space" }],
			model: [
				{ kind: "text", text: "Here it is", thoughtSignature: "c2ln/+==" },
				{
					kind: "image",
					image: { sha256: "ab".repeat(32), mimeType: "image/png", bytes: 3 },
					version: 1,
					thoughtSignature: "s2",
				},
			],
			requesterId: "200000000000000002",
			modelId: "gemini-3.1-flash-image",
			options: { output: "image_and_text", aspect: "16:9", size: "2K" },
			at: "2026-01-01T00:00:01.000Z",
			ms: 8_250,
			usage: { promptTokens: 12, outputTokens: 1_290, totalTokens: 1_302 },
			messageIds: ["700000000000000007", "700000000000000008"],
		},
	],
	nextVersion: 2,
	nextTurn: 2,
	branchOf: { conversationId: "300000000000000099", turn: 4 },
});

type RawRedis = { keys(pattern: string): Promise<string[]>; del(keys: string[]): Promise<number> };

type Backend = {
	name: string;
	url: () => string;
	setup: () => Promise<void>;
	teardown: (namespaces: string[]) => Promise<void>;
};

let tempDir = "";
const backends: Backend[] = [
	{
		name: "SQLite",
		// A folder that does not exist yet: the store must create it.
		url: () => `sqlite://${join(tempDir, "not", "yet", "there", "bot.sqlite")}`,
		setup: async () => {
			tempDir = await mkdtemp(join(tmpdir(), "store-test-"));
		},
		teardown: async () => {
			await rm(tempDir, { recursive: true, force: true });
		},
	},
	{
		name: "Redis",
		url: () => REDIS_URL,
		setup: async () => {},
		teardown: async (namespaces) => {
			// Clear only the namespaces this run made, then prove nothing of them is left.
			for (const namespace of namespaces) {
				const store = await createStore(REDIS_URL, namespace);
				await store.keyv.clear();
				const client = (store.keyv.store as unknown as { client: RawRedis }).client;
				const left = await client.keys(`${namespace}*`);
				if (left.length > 0) await client.del(left);
				expect(await client.keys(`${namespace}*`)).toEqual([]);
				await store.close();
			}
		},
	},
];

describe.each(backends)("createStore on $name", (backend) => {
	const namespace = `test-${randomUUID()}`;
	const otherNamespace = `test-${randomUUID()}`;
	let store: Store;

	beforeAll(async () => {
		await backend.setup();
		store = await createStore(backend.url(), namespace);
	});

	afterAll(async () => {
		await store?.close();
		await backend.teardown([namespace, otherNamespace]);
	});

	it("saves, reads and deletes a conversation", async () => {
		const saved = conversation("300000000000000003");
		await store.saveConversation(saved);
		expect(await store.getConversation(saved.id)).toEqual(saved);
		expect(await store.deleteConversation(saved.id)).toBe(true);
		expect(await store.getConversation(saved.id)).toBeUndefined();
		expect(await store.deleteConversation(saved.id)).toBe(false);
	});

	it("returns undefined for a conversation it never saw", async () => {
		expect(await store.getConversation("999")).toBeUndefined();
	});

	it("stores image bytes once by sha256", async () => {
		const bytes = Buffer.from(`image bytes ${randomUUID()}`);
		const sha256 = createHash("sha256").update(bytes).digest("hex");
		const before = await store.imageHashes();
		const first = await store.putImage({ data: bytes, mimeType: "image/png" });
		const second = await store.putImage({ data: Buffer.from(bytes), mimeType: "image/png" });
		expect(first).toEqual({ sha256, mimeType: "image/png", bytes: bytes.length });
		expect(second).toEqual(first);
		const after = await store.imageHashes();
		expect(after.filter((hash) => !before.includes(hash))).toEqual([sha256]);
		expect((await store.getImage(sha256))?.equals(bytes)).toBe(true);

		const other = await store.putImage({ data: Buffer.from("other bytes"), mimeType: "image/jpeg" });
		expect(other.sha256).not.toBe(sha256);
		expect((await store.getImage(other.sha256))?.toString()).toBe("other bytes");
	});

	it("reads an image an older version stored as base64 in keyv", async () => {
		const bytes = Buffer.from(`old image ${randomUUID()}`);
		const sha256 = createHash("sha256").update(bytes).digest("hex");
		await store.keyv.set(`img:${sha256}`, bytes.toString("base64"));
		expect((await store.getImage(sha256))?.equals(bytes)).toBe(true);
		expect(await store.imageHashes()).toContain(sha256);
	});

	it("returns undefined for an image it does not hold", async () => {
		expect(await store.getImage("00".repeat(32))).toBeUndefined();
	});

	it("keeps data across closing and reopening", async () => {
		const saved = conversation("400000000000000004");
		await store.saveConversation(saved);
		const image = await store.putImage({ data: Buffer.from("persisted"), mimeType: "image/png" });
		await store.close();
		store = await createStore(backend.url(), namespace);
		expect(await store.getConversation(saved.id)).toEqual(saved);
		expect((await store.getImage(image.sha256))?.toString()).toBe("persisted");
	});

	it("clears its own namespace and leaves the others", async () => {
		const other = await createStore(backend.url(), otherNamespace);
		try {
			const kept = conversation("510000000000000051");
			await store.saveConversation(kept);
			await other.saveConversation(conversation("520000000000000052"));
			await other.keyv.clear();
			expect(await other.getConversation("520000000000000052")).toBeUndefined();
			expect(await store.getConversation(kept.id)).toEqual(kept);
		} finally {
			await other.close();
		}
	});

	it("keeps namespaces apart", async () => {
		const saved = conversation("500000000000000005");
		await store.saveConversation(saved);
		const other = await createStore(backend.url(), otherNamespace);
		try {
			expect(await other.getConversation(saved.id)).toBeUndefined();
		} finally {
			await other.close();
		}
	});
});

describe("createStore on SQLite", () => {
	let dir = "";
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), "store-sqlite-"));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it("reads a file that @keyv/sqlite wrote", async () => {
		const path = join(dir, "old.sqlite");
		const saved = conversation("610000000000000061");
		// @keyv/sqlite's table and Keyv 5's row: the namespaced key, and the value wrapped with its expiry.
		const old = new DatabaseSync(path);
		old.exec("CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )");
		old
			.prepare("INSERT INTO keyv (key, value) VALUES (?, ?)")
			.run(`nbt:conv:${saved.id}`, JSON.stringify({ value: saved, expires: null }));
		old.close();
		const store = await createStore(`sqlite://${path}`, "nbt");
		try {
			expect(await store.getConversation(saved.id)).toEqual(saved);
		} finally {
			await store.close();
		}
	});

	it("writes keyv's own format, which keyv's parser reads: a text starting with a colon is escaped, not lost", async () => {
		const path = join(dir, "format.sqlite");
		const saved = conversation("630000000000000063");
		saved.exchanges[0]?.user.push({ kind: "text", text: ":banana: in space" }, { kind: "text", text: ":base64:AAAA" });
		const plain = conversation("640000000000000064");
		const store = await createStore(`sqlite://${path}`, "nbt");
		try {
			await store.saveConversation(saved);
			await store.saveConversation(plain);
			expect(await store.getConversation(saved.id)).toEqual(saved);
			const raw = new DatabaseSync(path);
			const row = (id: string) =>
				String(raw.prepare("SELECT value FROM keyv WHERE key = ?").get(`nbt:conv:${id}`)?.value);
			const rows = { saved: row(saved.id), plain: row(plain.id) };
			raw.close();
			// Keyv's own parser (what an older version reads back with) gets the same records.
			expect(new Keyv().deserialize?.(rows.saved)).toMatchObject({ value: saved });
			expect(new Keyv().deserialize?.(rows.plain)).toMatchObject({ value: plain });
			expect(rows.saved).toContain('"::banana: in space"');
			expect(rows.plain).toBe(JSON.stringify(JSON.parse(rows.plain)));
		} finally {
			await store.close();
		}
	});

	it("reads a record keyv's own serializer wrote, colon-escaped strings and Buffers included", async () => {
		const path = join(dir, "old-format.sqlite");
		const saved = conversation("650000000000000065");
		saved.exchanges[0]?.user.push({ kind: "text", text: ":smile: more yellow" });
		const old = new Keyv();
		const text = await old.serialize?.({ value: { ...saved, extra: Buffer.from("bytes") }, expires: undefined });
		const raw = new DatabaseSync(path);
		raw.exec("CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )");
		raw.prepare("INSERT INTO keyv (key, value) VALUES (?, ?)").run(`nbt:conv:${saved.id}`, String(text));
		raw.close();
		const store = await createStore(`sqlite://${path}`, "nbt");
		try {
			expect(await store.getConversation(saved.id)).toEqual({ ...saved, extra: Buffer.from("bytes") });
		} finally {
			await store.close();
		}
	});

	it("keeps conversations and quota counters in the one file, in WAL mode, and closes once", async () => {
		const path = join(dir, "shared.sqlite");
		const store = await createStore(`sqlite://${path}`, "nbt");
		await store.saveConversation(conversation("620000000000000062"));
		await store.limiters.createLimiter({ keyPrefix: "nbt:test", points: 5, duration: 60 }).consume("someone", 2);
		await store.close();
		await store.close();
		const file = new DatabaseSync(path, { readOnly: true });
		try {
			expect(file.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
			expect(file.prepare("SELECT count(*) AS rows FROM keyv").get()).toEqual({ rows: 1 });
			expect(file.prepare("SELECT key, points FROM moderation_rate_limits").all()).toEqual([
				{ key: "nbt:test:someone", points: 2 },
			]);
		} finally {
			file.close();
		}
	});

	it("creates the folder of the database file", async () => {
		const dir = await mkdtemp(join(tmpdir(), "store-folder-"));
		try {
			const folder = join(dir, "a", "b");
			expect(existsSync(folder)).toBe(false);
			const store = await createStore(`sqlite://${join(folder, "bot.sqlite")}`, "nbt");
			await store.saveConversation(conversation("600000000000000006"));
			await store.close();
			expect(existsSync(join(folder, "bot.sqlite"))).toBe(true);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
