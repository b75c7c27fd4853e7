// src/logger.ts: the one pino root; modules take a child. Tokens and keys are redacted wherever they appear.
import { type Logger, pino } from "pino";

export type { Logger };

const REDACTED_PATHS = [
	"token",
	"*.token",
	"apiKey",
	"*.apiKey",
	"discordToken",
	"*.discordToken",
	"headers.authorization",
	"*.headers.authorization",
	'headers["x-goog-api-key"]',
];

/** Creates the root logger at the given level, writing JSON lines to stdout (or to `destination` in tests). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
	return pino(
		{
			level,
			redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
			base: { app: "nano-banana-threads" },
			serializers: { err: serializeError },
		},
		destination,
	);
}

/**
 * Errors without the request they failed on: a DiscordAPIError carries the request body (a member's prompt in a
 * message or embed, uploaded images), and an SDK error may carry the request; only name, message, code, status
 * and the stack are logged.
 */
function serializeError(err: unknown): unknown {
	const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
	for (const field of ["requestBody", "rawError", "request", "config", "response"]) delete serialized[field];
	return serialized;
}
