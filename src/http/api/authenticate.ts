// src/http/api/authenticate.ts: bearer tokens compared in constant time, and each token's request rate limit.
import { createHash, timingSafeEqual } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { LimiterStore } from "../../moderation/openLimiterStore.js";
import { apiMessages } from "./apiMessages.js";
import { type ApiProblem, describeApiError } from "./describeApiError.js";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** A token's public name in logs, metrics and quota keys: the first 16 hex digits of its sha256, never the token. */
export const clientIdOf = (token: string) => digest(token).toString("hex").slice(0, 16);

export type Authenticator = {
	/** The client id of an Authorization header's bearer token, or undefined when it is missing or not one of ours. */
	clientOf(authorization: string | undefined): string | undefined;
};

/**
 * Compares the presented token with every configured one through sha256 digests and timingSafeEqual: the time
 * taken does not depend on where a guess differs, on its length, or on which token it matches.
 */
export function createAuthenticator(tokens: readonly string[]): Authenticator {
	const known = tokens.map((token) => ({ digest: digest(token), clientId: clientIdOf(token) }));
	return {
		clientOf(authorization) {
			const presented = /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1];
			if (!presented) return undefined;
			const candidate = digest(presented);
			let match: string | undefined;
			// No early exit: every token is compared whatever matched.
			for (const token of known) if (timingSafeEqual(candidate, token.digest)) match = token.clientId;
			return match;
		},
	};
}

export const unauthorized: ApiProblem = {
	status: 401,
	body: { error: "unauthorized", message: apiMessages.unauthorized },
	headers: { "www-authenticate": 'Bearer realm="image-api"' },
	level: "info",
};

export type RateLimit = {
	/** Counts one request of `clientId`; a problem (429 with Retry-After, or 503 when the store is down) when refused. */
	take(clientId: string): Promise<ApiProblem | undefined>;
};

/** `perMinute` requests per token per rolling minute, counted in the store (SQLite or Redis), shared by processes. */
export function createRateLimit(limiters: LimiterStore, namespace: string, perMinute: number): RateLimit {
	if (perMinute === 0) return { take: async () => undefined };
	const limiter = limiters.createLimiter({ keyPrefix: `${namespace}:api:rate`, points: perMinute, duration: 60 });
	return {
		async take(clientId) {
			try {
				await limiter.consume(clientId, 1);
				return undefined;
			} catch (err) {
				if (!(err instanceof RateLimiterRes)) return describeApiError(err);
				const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1_000));
				return {
					status: 429,
					body: {
						error: "rate_limited",
						message: apiMessages.rateLimited(perMinute, seconds),
						details: { limit: perMinute, retryAfterSeconds: seconds },
					},
					headers: { "retry-after": String(seconds) },
					level: "info",
				};
			}
		},
	};
}
