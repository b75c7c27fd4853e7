// src/conversation/retentionRedis.ts: the retention index as Redis sets, each change one Lua script so processes never race.
import type { RedisClientConnectionType } from "@keyv/redis";
import { redisBlobPrefix } from "./imageBlobs.js";
import type { RawKeys, RetentionIndex } from "./retention.js";
import { PENDING_GRACE_MS } from "./retention.js";

/**
 * Keys (under `<namespace>:retention:`): `refs:<sha>` the conversations referencing a blob, `images:<id>` the blobs a
 * conversation references, `active` (sorted set) each conversation's last save, `pending` (sorted set) blobs written
 * and not yet referenced. ARGV: prefix, record key, keyv blob key prefix (older versions' base64), binary blob key
 * prefix, conversation, grace cutoff, mode, a time, hashes… Mode "track" keeps exactly the hashes and notes the time as the last save; "forget" drops every reference
 * and deletes the record; "expire" does so only while the last save is before the time. A blob that lost its last
 * reference is deleted unless it was marked pending after the cutoff. Returns blobs deleted, -1 when "expire" found
 * the conversation active again.
 */
const RETARGET = `
local prefix, record, blobPrefix, binaryPrefix = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local id, cutoff, mode = ARGV[5], tonumber(ARGV[6]), ARGV[7]
if mode == 'expire' then
  local at = redis.call('ZSCORE', prefix .. 'active', id)
  if not at or tonumber(at) >= tonumber(ARGV[8]) then return -1 end
end
local keep = {}
if mode == 'track' then for i = 9, #ARGV do keep[ARGV[i]] = true end end
local imagesKey = prefix .. 'images:' .. id
local deleted = 0
for _, sha in ipairs(redis.call('SMEMBERS', imagesKey)) do
  if not keep[sha] then
    local refsKey = prefix .. 'refs:' .. sha
    redis.call('SREM', refsKey, id)
    redis.call('SREM', imagesKey, sha)
    if redis.call('SCARD', refsKey) == 0 then
      local pending = redis.call('ZSCORE', prefix .. 'pending', sha)
      if not pending or tonumber(pending) < cutoff then
        redis.call('DEL', binaryPrefix .. sha, blobPrefix .. sha)
        redis.call('ZREM', prefix .. 'pending', sha)
        deleted = deleted + 1
      end
    end
  end
end
if mode == 'track' then
  for sha in pairs(keep) do
    redis.call('SADD', prefix .. 'refs:' .. sha, id)
    redis.call('SADD', imagesKey, sha)
    redis.call('ZREM', prefix .. 'pending', sha)
  end
  redis.call('ZADD', prefix .. 'active', ARGV[8], id)
else
  redis.call('ZREM', prefix .. 'active', id)
  redis.call('DEL', record)
end
return deleted`;

/** ARGV: prefix, both blob key prefixes, cutoff. Deletes pending blobs older than the cutoff that nothing references. */
const SWEEP_PENDING = `
local prefix, blobPrefix, binaryPrefix, cutoff = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local shas = redis.call('ZRANGEBYSCORE', prefix .. 'pending', '-inf', '(' .. cutoff, 'LIMIT', 0, 500)
local deleted = 0
for _, sha in ipairs(shas) do
  redis.call('ZREM', prefix .. 'pending', sha)
  if redis.call('SCARD', prefix .. 'refs:' .. sha) == 0 then
    redis.call('DEL', binaryPrefix .. sha, blobPrefix .. sha)
    deleted = deleted + 1
  end
end
return {#shas, deleted}`;

/** The index on the store's node-redis client; every change is one script, atomic against every other process. */
export function createRedisRetention(
	client: RedisClientConnectionType,
	namespace: string,
	keys: RawKeys,
): RetentionIndex {
	const prefix = `${namespace}:retention:`;
	const blobPrefix = keys.blob("");
	const binaryPrefix = redisBlobPrefix(namespace);
	const retarget = async (id: string, mode: string, now: number, extra: string[]) =>
		Number(
			await client.eval(RETARGET, {
				arguments: [
					prefix,
					keys.record(id),
					blobPrefix,
					binaryPrefix,
					id,
					String(now - PENDING_GRACE_MS),
					mode,
					...extra,
				],
			}),
		);
	return {
		track: (id, hashes, now) => retarget(id, "track", now, [String(now), ...hashes]),
		forget: (id, now) => retarget(id, "forget", now, ["0"]),
		expire: async (id, before, now) => (await retarget(id, "expire", now, [String(before)])) >= 0,
		markPending: async (sha, now) => {
			await client.zAdd(`${prefix}pending`, { score: now, value: sha });
		},
		idleSince: (before, limit) =>
			client.zRangeByScore(`${prefix}active`, "-inf", `(${before}`, { LIMIT: { offset: 0, count: limit } }),
		sweepPending: async (before) => {
			let deleted = 0;
			for (;;) {
				const [scanned, removed] = (await client.eval(SWEEP_PENDING, {
					arguments: [prefix, blobPrefix, binaryPrefix, String(before)],
				})) as [number, number];
				deleted += Number(removed);
				if (Number(scanned) < 500) return deleted;
			}
		},
		isBuilt: async () => (await client.exists(`${prefix}built`)) === 1,
		markBuilt: async () => {
			await client.set(`${prefix}built`, "1");
		},
	};
}
