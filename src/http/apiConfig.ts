// src/http/apiConfig.ts: the environment variables of the HTTP image API, for src/config.ts to merge.
import { z } from "zod";

/** A bearer token shorter than this is too easy to guess. */
export const MIN_TOKEN_CHARS = 16;

const tokenList = z
	.string()
	.optional()
	.transform((value) =>
		(value ?? "")
			.split(",")
			.map((token) => token.trim())
			.filter((token) => token.length > 0),
	)
	// Never echo a token in the message: config errors are printed.
	.refine((tokens) => tokens.every((token) => token.length >= MIN_TOKEN_CHARS && /^[\x21-\x7e]+$/.test(token)), {
		message: `must be comma-separated tokens of at least ${MIN_TOKEN_CHARS} printable characters, without spaces`,
	});

// Parsed after withoutBlankValues: an empty `NAME=` is unset here, never coerced to 0 (which means unlimited).
const count = (max: number, fallback: number) => z.coerce.number().int().min(0).max(max).default(fallback);

/**
 * The API's variables: HTTP_API_TOKENS (the API is off without it), per-token HTTP_API_RATE_PER_MINUTE requests
 * and HTTP_API_DAILY_IMAGES images per UTC day (0 = unlimited), HTTP_API_MAX_BODY_MB for a request body, and
 * HTTP_API_TIMEOUT_MS for a whole request, queue included (default: the turn deadline plus 30 s).
 */
export const httpApiEnvSchema = z.object({
	HTTP_API_TOKENS: tokenList,
	HTTP_API_RATE_PER_MINUTE: count(100_000, 10),
	HTTP_API_DAILY_IMAGES: count(10_000_000, 100),
	HTTP_API_MAX_BODY_MB: z.coerce.number().int().min(1).max(500).default(50),
	HTTP_API_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).optional(),
});

export type HttpApiConfig = {
	/** Bearer tokens; each is one API client with its own rate limit, quota and conversations. */
	tokens: string[];
	/** Requests per token per minute; 0 = unlimited. */
	ratePerMinute: number;
	/** Images per token per UTC day; 0 = unlimited. */
	dailyImages: number;
	maxBodyBytes: number;
	/** A whole request, waiting in line included; past it the turn is cancelled and the client gets 504. */
	timeoutMs: number;
};

/** The API's config, or undefined (the API is off) when no token is set. */
export function toHttpApiConfig(
	value: z.infer<typeof httpApiEnvSchema>,
	turnDeadlineMs: number,
): HttpApiConfig | undefined {
	if (value.HTTP_API_TOKENS.length === 0) return undefined;
	return {
		tokens: value.HTTP_API_TOKENS,
		ratePerMinute: value.HTTP_API_RATE_PER_MINUTE,
		dailyImages: value.HTTP_API_DAILY_IMAGES,
		maxBodyBytes: value.HTTP_API_MAX_BODY_MB * 1_000_000,
		timeoutMs: value.HTTP_API_TIMEOUT_MS ?? turnDeadlineMs + 30_000,
	};
}
