// Snowflakes that are unique, increasing and carry a real timestamp (discord.js reads it).

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Returns a generator of increasing snowflake ids as decimal strings. */
export function createSnowflakes(): () => string {
	let last = 0n;
	return () => {
		const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n;
		last = fromClock > last ? fromClock : last + 1n;
		return last.toString();
	};
}

/** The shard a guild belongs to, as Discord computes it. */
export function shardOf(guildId: string, shardCount: number): number {
	return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
