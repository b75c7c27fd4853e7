// Retention on both backends: blobs no conversation references are deleted (undo, reroll, forget, branch, expiry).
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { newConversation } from "../../src/conversation/newConversation.js";
import { PENDING_GRACE_MS, startSweeping } from "../../src/conversation/retention.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import type { Conversation, Exchange, ImageRef } from "../../src/conversation/types.js";
import { createLogger } from "../../src/logger.js";
import { deleteRedisKeys, REDIS_URL } from "../redisKeys.js";

const DAY_MS = 24 * 60 * 60 * 1_000;
const START = Date.parse("2026-03-01T00:00:00.000Z");

const exchange = (turn: number, images: ImageRef[]): Exchange => ({
	turn,
	user: [{ kind: "text", text: `turn ${turn}` }],
	model: images.map((image, index) => ({ kind: "image", image, version: turn * 10 + index })),
	requesterId: "200000000000000002",
	modelId: "gemini-3.1-flash-image",
	options: { output: "image_and_text" },
	at: new Date(START).toISOString(),
	ms: 1,
	messageIds: [],
});

const thread = (id: string, exchanges: Exchange[]): Conversation => ({
	...newConversation({
		id,
		guildId: "100000000000000001",
		ownerId: "200000000000000002",
		model: "gemini-3.1-flash-image",
		title: "t",
		options: { output: "image_and_text" },
	}),
	exchanges,
});

let folder = "";
const backends = [
	{ name: "SQLite", url: () => `sqlite://${join(folder, "bot.sqlite")}` },
	{ name: "Redis", url: () => REDIS_URL },
];

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), "retention-"));
});
afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe.each(backends)("retention on $name", (backend) => {
	const namespace = `test-${randomUUID()}`;
	let store: Store;
	let counter = 0;
	/** A stored image with distinct bytes, written as a turn's commit writes it. */
	const image = () => store.putImage({ data: Buffer.from(`image ${namespace} ${counter++}`), mimeType: "image/png" });
	const exists = async (ref: ImageRef) => (await store.getImage(ref.sha256)) !== undefined;
	/** Saves as a committed turn does, once its blobs are past the grace that protects a commit in progress. */
	const settle = () => vi.setSystemTime(Date.now() + PENDING_GRACE_MS + 1);

	beforeAll(async () => {
		vi.useFakeTimers({ toFake: ["Date", "setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
		vi.setSystemTime(START);
		store = await createStore(backend.url(), namespace);
	});
	afterEach(() => {
		vi.setSystemTime(START + 100 * DAY_MS * ++counter);
	});
	afterAll(async () => {
		vi.useRealTimers();
		await store.close();
		if (backend.name === "Redis") expect(await deleteRedisKeys(`${namespace}:`)).toEqual([]);
	});

	it("deletes the images an undo or a reroll takes out, and keeps those still referenced", async () => {
		const [first, second, rerolled] = [await image(), await image(), await image()];
		const id = randomUUID();
		await store.saveConversation(thread(id, [exchange(1, [first]), exchange(2, [second])]));
		settle();
		// Reroll: the last exchange's answer is replaced.
		await store.saveConversation(thread(id, [exchange(1, [first]), exchange(3, [rerolled])]));
		expect(await exists(second)).toBe(false);
		expect(await exists(first)).toBe(true);
		settle();
		// Undo: the last exchange goes.
		await store.saveConversation(thread(id, [exchange(1, [first])]));
		expect(await exists(rerolled)).toBe(false);
		expect(await exists(first)).toBe(true);
	});

	it("deletes a forgotten conversation's images, but not those a branch still shares", async () => {
		const [shared, own] = [await image(), await image()];
		const original = randomUUID();
		const branch = randomUUID();
		await store.saveConversation(thread(original, [exchange(1, [shared]), exchange(2, [own])]));
		await store.saveConversation(thread(branch, [exchange(1, [shared])]));
		settle();
		// /forget empties the exchanges.
		await store.saveConversation(thread(original, []));
		expect(await exists(own)).toBe(false);
		expect(await exists(shared)).toBe(true);
		expect(await store.deleteConversation(branch)).toBe(true);
		expect(await exists(shared)).toBe(false);
		expect(await store.getConversation(branch)).toBeUndefined();
	});

	it("never deletes a blob written for a turn that has not saved its record yet; the sweep takes it if none does", async () => {
		const bytes = Buffer.from(`shared bytes ${namespace}`);
		const first = randomUUID();
		const second = randomUUID();
		const kept = await store.putImage({ data: bytes, mimeType: "image/png" });
		await store.saveConversation(thread(first, [exchange(1, [kept])]));
		settle();
		// Another turn writes the same bytes and has not saved its record yet when the first thread is forgotten.
		await store.putImage({ data: bytes, mimeType: "image/png" });
		await store.saveConversation(thread(first, []));
		expect(await exists(kept)).toBe(true);
		await store.saveConversation(thread(second, [exchange(1, [kept])]));
		settle();
		expect((await store.sweep(30)).deletedImages).toBe(0);
		expect(await exists(kept)).toBe(true);
		await store.saveConversation(thread(second, []));
		const orphan = await image();
		expect((await store.sweep(30)).deletedImages).toBe(0);
		settle();
		expect(await store.sweep(30)).toEqual({ expiredConversations: 0, deletedImages: 1 });
		expect(await exists(orphan)).toBe(false);
		expect(await exists(kept)).toBe(false);
	});

	it("expires conversations idle longer than the TTL, with their images, on the sweep timer", async () => {
		const [old, recent] = [await image(), await image()];
		const idle = randomUUID();
		const active = randomUUID();
		await store.saveConversation(thread(idle, [exchange(1, [old])]));
		vi.setSystemTime(Date.now() + 20 * DAY_MS);
		await store.saveConversation(thread(active, [exchange(1, [recent])]));
		vi.setSystemTime(Date.now() + 11 * DAY_MS);
		const sweeper = startSweeping(() => store.sweep(30), createLogger("silent"), 60 * 60 * 1_000);
		await vi.advanceTimersByTimeAsync(60 * 60 * 1_000);
		await sweeper.stop();
		expect(await store.getConversation(idle)).toBeUndefined();
		expect(await exists(old)).toBe(false);
		expect(await store.getConversation(active)).toBeDefined();
		expect(await exists(recent)).toBe(true);
		// A TTL of 0 keeps conversations for ever.
		vi.setSystemTime(Date.now() + 365 * DAY_MS);
		expect((await store.sweep(0)).expiredConversations).toBe(0);
		expect(await store.getConversation(active)).toBeDefined();
	});
});

describe("a store written before the retention index", () => {
	it("indexes it on open: referenced blobs stay, orphans go on the first sweep", async () => {
		const path = join(folder, "old.sqlite");
		const seed = await createStore(`sqlite://${path}`, "nbt");
		// What an older bot left: keyv rows only (images as base64 records), no index.
		const legacy = async (data: Buffer): Promise<ImageRef> => {
			const sha256 = createHash("sha256").update(data).digest("hex");
			await seed.keyv.set(`img:${sha256}`, data.toString("base64"));
			return { sha256, mimeType: "image/png", bytes: data.length };
		};
		const kept = await legacy(Buffer.from("kept"));
		const orphan = await legacy(Buffer.from("orphan"));
		await seed.keyv.set("conv:700000000000000007", thread("700000000000000007", [exchange(1, [kept])]));
		await seed.close();
		const db = new DatabaseSync(path);
		db.exec(
			"DROP TABLE retention_refs; DROP TABLE retention_pending; DROP TABLE retention_active; DROP TABLE retention_built",
		);
		db.close();
		const store = await createStore(`sqlite://${path}`, "nbt");
		try {
			expect(await store.sweep(30)).toEqual({ expiredConversations: 0, deletedImages: 1 });
			expect(await store.getImage(orphan.sha256)).toBeUndefined();
			expect(await store.getImage(kept.sha256)).toBeDefined();
		} finally {
			await store.close();
		}
	});
});
