// src/conversation/sqliteKeyvStore.ts: a keyv storage adapter on a node:sqlite connection that other code shares.
import { EventEmitter } from "node:events";
import type { DatabaseSync } from "node:sqlite";
import type { KeyvStoreAdapter, StoredData } from "keyv";

/** @keyv/sqlite's table, so that files it wrote stay readable. */
const CREATE_TABLE = "CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )";
/** Rows read per step of iterator(), by rowid: no statement stays open while the caller deletes what it iterates. */
const ITERATION_PAGE = 100;

/** The first key after every key that starts with `prefix`, so a prefix scan is a range on the primary key. */
function upperBound(prefix: string): string {
	const last = prefix.codePointAt(prefix.length - 1) ?? 0;
	return `${prefix.slice(0, -1)}${String.fromCodePoint(last + 1)}`;
}

/**
 * keyv's storage adapter over a DatabaseSync. Every call is one synchronous statement, so calls never interleave
 * with each other or with the quota counters on the same connection. Keyv prefixes keys with its namespace and
 * keeps expiry inside the value; the adapter uses the namespace only to clear and iterate. The connection belongs
 * to whoever opened it: disconnect() leaves it open.
 */
export class SqliteKeyvStore extends EventEmitter implements KeyvStoreAdapter {
	readonly opts = { dialect: "sqlite", url: "sqlite://", table: "keyv" };
	/** Set by Keyv. */
	namespace?: string | undefined;
	private readonly statements;

	constructor(db: DatabaseSync) {
		super();
		db.exec(CREATE_TABLE);
		this.statements = {
			get: db.prepare("SELECT value FROM keyv WHERE key = ?"),
			has: db.prepare("SELECT 1 FROM keyv WHERE key = ?"),
			set: db.prepare(
				"INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
			),
			delete: db.prepare("DELETE FROM keyv WHERE key = ?"),
			clearAll: db.prepare("DELETE FROM keyv"),
			clearRange: db.prepare("DELETE FROM keyv WHERE key >= ? AND key < ?"),
			page: db.prepare(
				"SELECT rowid, key, value FROM keyv WHERE rowid > ? AND key >= ? AND key < ? ORDER BY rowid LIMIT ?",
			),
			pageAll: db.prepare("SELECT rowid, key, value FROM keyv WHERE rowid > ? ORDER BY rowid LIMIT ?"),
		};
	}

	async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
		const row = this.statements.get.get(key);
		return row === undefined ? undefined : (row.value as StoredData<Value>);
	}

	async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
		return keys.map((key) => this.statements.get.get(key)?.value as StoredData<Value | undefined>);
	}

	async has(key: string): Promise<boolean> {
		return this.statements.has.get(key) !== undefined;
	}

	async set(key: string, value: string): Promise<void> {
		this.statements.set.run(key, value);
	}

	async delete(key: string): Promise<boolean> {
		return Number(this.statements.delete.run(key).changes) > 0;
	}

	async deleteMany(keys: string[]): Promise<boolean> {
		let deleted = false;
		for (const key of keys) if (Number(this.statements.delete.run(key).changes) > 0) deleted = true;
		return deleted;
	}

	/** Removes this namespace's keys only (every key when there is no namespace), as @keyv/sqlite does. */
	async clear(): Promise<void> {
		if (!this.namespace) this.statements.clearAll.run();
		else this.statements.clearRange.run(`${this.namespace}:`, upperBound(`${this.namespace}:`));
	}

	async *iterator(namespace?: string): AsyncGenerator<[string, string], void> {
		const prefix = namespace ? `${namespace}:` : "";
		let after = 0;
		for (;;) {
			const rows = prefix
				? this.statements.page.all(after, prefix, upperBound(prefix), ITERATION_PAGE)
				: this.statements.pageAll.all(after, ITERATION_PAGE);
			for (const row of rows) yield [String(row.key), String(row.value)];
			const last = rows.at(-1);
			if (rows.length < ITERATION_PAGE || !last) return;
			after = Number(last.rowid);
		}
	}

	async disconnect(): Promise<void> {}
}
