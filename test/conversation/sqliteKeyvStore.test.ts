import { DatabaseSync } from "node:sqlite";
import Keyv from "keyv";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteKeyvStore } from "../../src/conversation/sqliteKeyvStore.js";

describe("SqliteKeyvStore under Keyv", () => {
	let db: DatabaseSync;
	const keyvOn = (namespace: string) => new Keyv({ store: new SqliteKeyvStore(db), namespace, throwOnErrors: true });

	beforeEach(() => {
		db = new DatabaseSync(":memory:");
	});
	afterEach(() => {
		db.close();
	});

	it("gets, sets, checks and deletes one key and many", async () => {
		const keyv = keyvOn("nbt");
		expect(await keyv.set("a", { n: 1 })).toBe(true);
		await keyv.set("b", "two");
		expect(await keyv.get("a")).toEqual({ n: 1 });
		expect(await keyv.get(["a", "b", "c"])).toEqual([{ n: 1 }, "two", undefined]);
		expect(await keyv.has("a")).toBe(true);
		expect(await keyv.has("c")).toBe(false);
		await keyv.set("a", { n: 2 });
		expect(await keyv.get("a")).toEqual({ n: 2 });
		expect(await keyv.delete("a")).toBe(true);
		expect(await keyv.delete("a")).toBe(false);
		expect(await keyv.delete(["b", "c"])).toBe(true);
		expect(await keyv.delete(["b", "c"])).toBe(false);
	});

	it("lets an expired value go, as Keyv keeps the expiry inside the value", async () => {
		const keyv = keyvOn("nbt");
		await keyv.set("short", "gone", 1);
		await keyv.set("long", "here", 60_000);
		const raw = db.prepare("SELECT value FROM keyv WHERE key = ?").get("nbt:short");
		const expires = (JSON.parse(String(raw?.value)) as { expires: number }).expires;
		// Make it expired without waiting: Keyv compares the stored expiry with the clock.
		db.prepare("UPDATE keyv SET value = ? WHERE key = ?").run(
			JSON.stringify({ value: "gone", expires: expires - 1_000 }),
			"nbt:short",
		);
		expect(await keyv.get("short")).toBeUndefined();
		expect(await keyv.get("long")).toBe("here");
	});

	it("clears only its namespace, even one with LIKE's wildcards in it", async () => {
		const mine = keyvOn("a_b%");
		const lookalike = keyvOn("aXbY");
		const longer = keyvOn("a_b%c");
		await mine.set("k", 1);
		await lookalike.set("k", 2);
		await longer.set("k", 3);
		await mine.clear();
		expect(await mine.get("k")).toBeUndefined();
		expect(await lookalike.get("k")).toBe(2);
		expect(await longer.get("k")).toBe(3);
	});

	it("iterates every key of its namespace across pages, while the caller deletes some", async () => {
		const keyv = keyvOn("nbt");
		const other = keyvOn("other");
		const keys = Array.from({ length: 250 }, (_, index) => `key${String(index).padStart(3, "0")}`);
		for (const key of keys) await keyv.set(key, key.toUpperCase());
		await other.set("key000", "not mine");
		const seen: [string, unknown][] = [];
		if (!keyv.iterator) throw new Error("Keyv did not offer an iterator for this adapter");
		for await (const [key, value] of keyv.iterator(undefined)) {
			seen.push([String(key), value]);
			await keyv.delete(String(key));
		}
		expect(seen).toEqual(keys.map((key) => [key, key.toUpperCase()]));
		expect(await other.get("key000")).toBe("not mine");
	});

	it("writes @keyv/sqlite's table, so either can read the other's file", () => {
		keyvOn("nbt");
		const columns = db.prepare("PRAGMA table_info(keyv)").all();
		expect(columns.map(({ name, type, pk }) => ({ name, type, pk }))).toEqual([
			{ name: "key", type: "VARCHAR(255)", pk: 1 },
			{ name: "value", type: "TEXT", pk: 0 },
		]);
	});
});
