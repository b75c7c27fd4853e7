// src/conversation/retentionSqlite.ts: the retention index as tables in the bot's SQLite file, beside keyv's table.
import type { DatabaseSync } from "node:sqlite";
import { IMAGES_SCHEMA } from "./imageBlobs.js";
import { PENDING_GRACE_MS, type RawKeys, type RetentionIndex } from "./retention.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS retention_refs(namespace TEXT NOT NULL, sha256 TEXT NOT NULL, conversation TEXT NOT NULL,
	PRIMARY KEY (namespace, sha256, conversation)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS retention_refs_by_conversation ON retention_refs(namespace, conversation);
CREATE TABLE IF NOT EXISTS retention_active(namespace TEXT NOT NULL, conversation TEXT NOT NULL, at INTEGER NOT NULL,
	PRIMARY KEY (namespace, conversation)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS retention_active_by_time ON retention_active(namespace, at);
CREATE TABLE IF NOT EXISTS retention_pending(namespace TEXT NOT NULL, sha256 TEXT NOT NULL, at INTEGER NOT NULL,
	PRIMARY KEY (namespace, sha256)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS retention_built(namespace TEXT PRIMARY KEY) WITHOUT ROWID;`;

/**
 * The index on the store's one synchronous connection: each call is one transaction that nothing else can interleave
 * with, and it deletes the records (keyv's rows, named by `keys`) and blobs (the images table, and keyv rows an older
 * version wrote) in the same transaction.
 */
export function createSqliteRetention(db: DatabaseSync, namespace: string, keys: RawKeys): RetentionIndex {
	db.exec(SCHEMA);
	db.exec(IMAGES_SCHEMA);
	const sql = {
		refsOf: db.prepare("SELECT sha256 FROM retention_refs WHERE namespace = ? AND conversation = ?"),
		addRef: db.prepare("INSERT OR IGNORE INTO retention_refs VALUES (?, ?, ?)"),
		dropRef: db.prepare("DELETE FROM retention_refs WHERE namespace = ? AND sha256 = ? AND conversation = ?"),
		isReferenced: db.prepare("SELECT 1 FROM retention_refs WHERE namespace = ? AND sha256 = ? LIMIT 1"),
		pendingAt: db.prepare("SELECT at FROM retention_pending WHERE namespace = ? AND sha256 = ?"),
		setPending: db.prepare("INSERT INTO retention_pending VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at"),
		dropPending: db.prepare("DELETE FROM retention_pending WHERE namespace = ? AND sha256 = ?"),
		oldPending: db.prepare("SELECT sha256 FROM retention_pending WHERE namespace = ? AND at < ?"),
		setActive: db.prepare("INSERT INTO retention_active VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at"),
		activeAt: db.prepare("SELECT at FROM retention_active WHERE namespace = ? AND conversation = ?"),
		dropActive: db.prepare("DELETE FROM retention_active WHERE namespace = ? AND conversation = ?"),
		idle: db.prepare("SELECT conversation FROM retention_active WHERE namespace = ? AND at < ? ORDER BY at LIMIT ?"),
		deleteRow: db.prepare("DELETE FROM keyv WHERE key = ?"),
		deleteImage: db.prepare("DELETE FROM images WHERE namespace = ? AND sha256 = ?"),
		isBuilt: db.prepare("SELECT 1 FROM retention_built WHERE namespace = ?"),
		markBuilt: db.prepare("INSERT OR IGNORE INTO retention_built VALUES (?)"),
	};
	const inTransaction = <T>(work: () => T): T => {
		if (db.isTransaction) return work();
		db.exec("BEGIN IMMEDIATE");
		try {
			const result = work();
			db.exec("COMMIT");
			return result;
		} catch (err) {
			db.exec("ROLLBACK");
			throw err;
		}
	};
	/** A blob's bytes, and the base64 keyv row an older version wrote. */
	const deleteBlob = (sha: string) => {
		sql.deleteImage.run(namespace, sha);
		sql.deleteRow.run(keys.blob(sha));
	};
	/** Drops the references that `keep` does not hold; deletes each blob left unreferenced unless it is pending. */
	const retarget = (conversation: string, keep: ReadonlySet<string>, graceBefore: number): number => {
		let deleted = 0;
		for (const row of sql.refsOf.all(namespace, conversation)) {
			const sha = String(row.sha256);
			if (keep.has(sha)) continue;
			sql.dropRef.run(namespace, sha, conversation);
			if (sql.isReferenced.get(namespace, sha)) continue;
			const pending = sql.pendingAt.get(namespace, sha);
			if (pending && Number(pending.at) >= graceBefore) continue;
			deleteBlob(sha);
			sql.dropPending.run(namespace, sha);
			deleted++;
		}
		return deleted;
	};
	const forgetNow = (conversation: string, now: number) => {
		const deleted = retarget(conversation, new Set(), now - PENDING_GRACE_MS);
		sql.dropActive.run(namespace, conversation);
		sql.deleteRow.run(keys.record(conversation));
		return deleted;
	};
	return {
		track: async (conversation, hashes, now) =>
			inTransaction(() => {
				const keep = new Set(hashes);
				const deleted = retarget(conversation, keep, now - PENDING_GRACE_MS);
				for (const sha of keep) {
					sql.addRef.run(namespace, sha, conversation);
					sql.dropPending.run(namespace, sha);
				}
				sql.setActive.run(namespace, conversation, now);
				return deleted;
			}),
		forget: async (conversation, now) => inTransaction(() => forgetNow(conversation, now)),
		markPending: async (sha, now) => {
			sql.setPending.run(namespace, sha, now);
		},
		idleSince: async (before, limit) => sql.idle.all(namespace, before, limit).map((row) => String(row.conversation)),
		expire: async (conversation, before, now) =>
			inTransaction(() => {
				const active = sql.activeAt.get(namespace, conversation);
				if (!active || Number(active.at) >= before) return false;
				forgetNow(conversation, now);
				return true;
			}),
		sweepPending: async (before) =>
			inTransaction(() => {
				let deleted = 0;
				for (const row of sql.oldPending.all(namespace, before)) {
					const sha = String(row.sha256);
					sql.dropPending.run(namespace, sha);
					if (sql.isReferenced.get(namespace, sha)) continue;
					deleteBlob(sha);
					deleted++;
				}
				return deleted;
			}),
		isBuilt: async () => sql.isBuilt.get(namespace) !== undefined,
		markBuilt: async () => {
			sql.markBuilt.run(namespace);
		},
	};
}
