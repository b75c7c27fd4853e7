// src/config.ts: the environment, parsed and validated once; the only reader of process.env.
import { z } from "zod";
import { type HttpApiConfig, httpApiEnvSchema, toHttpApiConfig } from "./http/apiConfig.js";
import { type ModerationConfig, moderationEnvSchema, toModerationConfig } from "./moderation/config.js";
import { withoutBlankValues } from "./withoutBlankValues.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const booleanish = z
	.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false (or 1 or 0, yes or no)" })
	.optional()
	.transform((value) => value === "true" || value === "1" || value === "yes");

const optionalText = z.string().trim().optional();

const snowflake = z
	.string()
	.regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)")
	.optional();

const storeUrl = z
	.string()
	.default("sqlite://data/bot.sqlite")
	.refine((value) => /^(sqlite|redis|rediss):\/\/.+/.test(value), {
		message: "must start with sqlite:// (a file path) or redis:// (host:port)",
	});

const milliseconds = (min: number, max: number, fallback: number) =>
	z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Every variable, parsed after withoutBlankValues: an optional variable set to "" or spaces takes its default.
 * Exported so tests can walk its shape.
 */
export const envSchema = moderationEnvSchema.extend(httpApiEnvSchema.shape).extend({
	DISCORD_TOKEN: z.string({
		error: "is required (it is missing or empty): the bot token from the Developer Portal, Bot tab",
	}),
	DISCORD_API_URL: z.url({ error: "must be a URL such as https://discord.com/api" }).default("https://discord.com/api"),
	DISCORD_GUILD_ID: snowflake,
	GEMINI_API_KEY: optionalText,
	GOOGLE_API_KEY: optionalText,
	GOOGLE_GEMINI_BASE_URL: z.url().optional(),
	GOOGLE_VERTEX_BASE_URL: z.url().optional(),
	GOOGLE_GENAI_USE_VERTEXAI: booleanish,
	GOOGLE_CLOUD_PROJECT: optionalText,
	GOOGLE_CLOUD_LOCATION: optionalText,
	GEMINI_TIMEOUT_MS: milliseconds(1_000, 600_000, 120_000),
	GEMINI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
	GEMINI_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
	GEMINI_MAX_QUOTA_WAIT_MS: milliseconds(0, 600_000, 60_000),
	TURN_DEADLINE_MS: milliseconds(1_000, 1_800_000, 180_000),
	SHUTDOWN_GRACE_MS: milliseconds(0, 600_000, 30_000),
	STORE_URL: storeUrl,
	STORE_NAMESPACE: z
		.string()
		.regex(/^[\w-]{1,64}$/, "must be 1 to 64 letters, digits, _ or -")
		.default("nbt"),
	HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
	LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
});

/**
 * Credential rules span several variables; checked on the (blank-free) raw env so they are reported alongside
 * field errors, reading GOOGLE_GENAI_USE_VERTEXAI as the schema does.
 */
function credentialProblems(env: Record<string, string>): string[] {
	const has = (name: string) => env[name] !== undefined;
	const vertex = booleanish.safeParse(env.GOOGLE_GENAI_USE_VERTEXAI).data === true;
	if (vertex) {
		return has("GOOGLE_CLOUD_PROJECT") || has("GEMINI_API_KEY") || has("GOOGLE_API_KEY")
			? []
			: ["GOOGLE_CLOUD_PROJECT is required in Vertex AI mode (or set GEMINI_API_KEY for Vertex express mode)"];
	}
	return has("GEMINI_API_KEY") || has("GOOGLE_API_KEY")
		? []
		: ["GEMINI_API_KEY is required: create a key in Google AI Studio, or set GOOGLE_GENAI_USE_VERTEXAI=true"];
}

export type Config = {
	discordToken: string;
	discordApiUrl: string;
	discordGuildId: string | undefined;
	gemini: {
		apiKey: string | undefined;
		vertex: { project: string | undefined; location: string } | undefined;
		baseUrl: string | undefined;
		model: string;
		/** One attempt's timeout. */
		timeoutMs: number;
		maxRetries: number;
		concurrency: number;
		/** The longest Gemini 429 wait a turn sits out keeping its place; beyond it the turn ends at once. */
		maxQuotaWaitMs: number;
	};
	turns: {
		/** One deadline per turn, covering every Gemini attempt and every wait between them. */
		deadlineMs: number;
		/** On SIGTERM/SIGINT, how long running turns get before they are told they were interrupted. */
		shutdownGraceMs: number;
	};
	storeUrl: string;
	storeNamespace: string;
	moderation: ModerationConfig;
	httpPort: number;
	/** The HTTP image API on HTTP_PORT; undefined (off) when HTTP_API_TOKENS is unset. */
	httpApi: HttpApiConfig | undefined;
	logLevel: (typeof LOG_LEVELS)[number];
};

/** Thrown when the environment cannot run the bot; its message names every problem and never a secret's value. */
export class ConfigError extends Error {
	readonly code = "invalidConfig";
	constructor(readonly problems: string[]) {
		super(
			`The bot cannot start; fix these settings in .env (see .env.example):\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
		);
		this.name = "ConfigError";
	}
}

/** Parses and validates the environment into a typed Config, or throws one ConfigError listing every problem. */
export function loadConfig(rawEnv: Record<string, string | undefined>): Config {
	const env = withoutBlankValues(rawEnv);
	const result = envSchema.safeParse(env);
	const problems = [
		...(result.error?.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`) ?? []),
		...credentialProblems(env),
	];
	if (!result.success || problems.length > 0) throw new ConfigError(problems);
	const value = result.data;
	const vertex = value.GOOGLE_GENAI_USE_VERTEXAI;
	return {
		discordToken: value.DISCORD_TOKEN,
		discordApiUrl: value.DISCORD_API_URL.replace(/\/+$/, ""),
		discordGuildId: value.DISCORD_GUILD_ID,
		gemini: {
			apiKey: value.GEMINI_API_KEY ?? value.GOOGLE_API_KEY,
			vertex: vertex
				? { project: value.GOOGLE_CLOUD_PROJECT, location: value.GOOGLE_CLOUD_LOCATION ?? "global" }
				: undefined,
			baseUrl: vertex ? value.GOOGLE_VERTEX_BASE_URL : value.GOOGLE_GEMINI_BASE_URL,
			model: value.GEMINI_MODEL,
			timeoutMs: value.GEMINI_TIMEOUT_MS,
			maxRetries: value.GEMINI_MAX_RETRIES,
			concurrency: value.GEMINI_CONCURRENCY,
			maxQuotaWaitMs: value.GEMINI_MAX_QUOTA_WAIT_MS,
		},
		turns: { deadlineMs: value.TURN_DEADLINE_MS, shutdownGraceMs: value.SHUTDOWN_GRACE_MS },
		storeUrl: value.STORE_URL,
		storeNamespace: value.STORE_NAMESPACE,
		moderation: toModerationConfig(value),
		httpPort: value.HTTP_PORT,
		httpApi: toHttpApiConfig(value, value.TURN_DEADLINE_MS),
		logLevel: value.LOG_LEVEL,
	};
}

export type DeployConfig = Pick<Config, "discordToken" | "discordApiUrl" | "discordGuildId">;

/** The subset deploy-commands needs: a Gemini key is not required to register commands. */
export function loadDeployConfig(env: Record<string, string | undefined>): DeployConfig {
	const result = envSchema
		.pick({ DISCORD_TOKEN: true, DISCORD_API_URL: true, DISCORD_GUILD_ID: true })
		.safeParse(withoutBlankValues(env));
	if (!result.success) {
		throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
	}
	return {
		discordToken: result.data.DISCORD_TOKEN,
		discordApiUrl: result.data.DISCORD_API_URL.replace(/\/+$/, ""),
		discordGuildId: result.data.DISCORD_GUILD_ID,
	};
}
