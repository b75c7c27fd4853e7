// src/discord/health/gatewayCheck.ts: readiness of the Discord side: every shard of this process connected and ready.
import { type Client, Status } from "discord.js";
import type { ReadinessCheck } from "../../http/readiness.js";

/** Ready when the client logged in and each of its shards is READY (not connecting, resuming or disconnected). */
export function gatewayCheck(client: Client): ReadinessCheck {
	return () => {
		if (!client.isReady()) return { ok: false, reason: "not connected yet" };
		const down = client.ws.shards.filter((shard) => shard.status !== Status.Ready);
		if (down.size === 0) return { ok: true };
		return {
			ok: false,
			reason: `shard ${[...down.keys()].join(", ")} ${Status[down.first()?.status ?? 0]?.toLowerCase() ?? "down"}`,
		};
	};
}
