// test/redisKeys.ts: the Redis tests share; each test works under its own key prefix and removes only its own keys.
import { createClient } from "@redis/client";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Deletes every Redis key that starts with `prefix` (a test's own namespace); returns the keys left. */
export async function deleteRedisKeys(prefix: string): Promise<string[]> {
	const client = createClient({ url: REDIS_URL });
	await client.connect();
	try {
		const keys = await client.keys(`${prefix}*`);
		if (keys.length > 0) await client.del(keys);
		return await client.keys(`${prefix}*`);
	} finally {
		await client.close();
	}
}
