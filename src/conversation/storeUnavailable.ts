// src/conversation/storeUnavailable.ts: tells a store that cannot be reached (Redis down or restarting) from other errors.
import {
	ClientClosedError,
	ClientOfflineError,
	ConnectionTimeoutError,
	ReconnectStrategyError,
	SocketClosedUnexpectedlyError,
	SocketTimeoutError,
} from "@redis/client";

const UNREACHABLE = [
	ClientOfflineError,
	ClientClosedError,
	ConnectionTimeoutError,
	SocketClosedUnexpectedlyError,
	SocketTimeoutError,
	ReconnectStrategyError,
];

/** @keyv/redis throws this when its client is not connected (its RedisClientNotConnectedThrown message). */
const KEYV_NOT_CONNECTED = "Redis client is not connected";

/**
 * True when `err` (or its cause) means the store could not be reached: Redis is down, restarting or unreachable.
 * The client reconnects by itself, so such a failure is temporary: tell the member to try again shortly.
 */
export function isStoreUnavailable(err: unknown): boolean {
	for (let current = err, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
		if (UNREACHABLE.some((type) => current instanceof type)) return true;
		if (current.message.startsWith(KEYV_NOT_CONNECTED)) return true;
		if ("code" in current && current.code === "ECONNREFUSED") return true;
	}
	return false;
}
