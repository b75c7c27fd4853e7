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

const integer = (min: number, max: number, fallback: number) =>
	z.coerce.number().int().min(min).max(max).default(fallback);

/** Discord caps a bot at a few thousand shards; ids run from 0 to SHARD_COUNT - 1. */
const MAX_SHARDS = 4_096;

const shardList = z
	.string()
	.regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "must list shard ids separated by commas, such as 0,1,2")
	.transform((value) => [...new Set(value.split(",").map((id) => Number(id.trim())))])
	.optional();

/** SHARDS as discord.js's ShardingManager sets it in a shard's process: a JSON number or array of numbers. */
const managerShards = z
	.string()
	.transform((value, context) => {
		try {
			const parsed: unknown = JSON.parse(value);
			const ids = Array.isArray(parsed) ? parsed : [parsed];
			if (ids.length > 0 && ids.every((id) => Number.isInteger(id) && id >= 0)) return ids as number[];
		} catch {}
		context.addIssue({
			code: "custom",
			message: "must be a shard id or a JSON list of them (the ShardingManager sets it)",
		});
		return z.NEVER;
	})
	.optional();

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
	SHARD_COUNT: z
		.union([z.literal("auto"), z.coerce.number().int().min(1).max(MAX_SHARDS)], {
			error: `must be auto or a number of shards from 1 to ${MAX_SHARDS}`,
		})
		.default("auto"),
	SHARD_LIST: shardList,
	SHARD_SPAWN_DELAY_MS: milliseconds(0, 60_000, 5_500),
	GEMINI_GLOBAL_CONCURRENCY: integer(0, 100_000, 0),
	GEMINI_GLOBAL_RPM: integer(0, 1_000_000, 0),
	CONVERSATION_TTL_DAYS: integer(0, 3_650, 30),
	HISTORY_MAX_MB: integer(1, 50, 20),
	HISTORY_MAX_IMAGES: integer(1, 14, 5),
	LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
});

/** What discord.js's ShardingManager sets in each shard's process (never set by hand, so not in .env.example). */
const managerEnvSchema = z.object({ SHARDING_MANAGER: optionalText, SHARDS: managerShards });

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

/** An SQLite file serves one process: several shards or a project-wide Gemini cap need the Redis store. */
function scaleProblems(value: z.infer<typeof envSchema>, managed: boolean): string[] {
	if (!value.STORE_URL.startsWith("sqlite://")) return [];
	const problems: string[] = [];
	const count = typeof value.SHARD_COUNT === "number" ? value.SHARD_COUNT : 1;
	if (managed && count > 1) {
		problems.push(
			`STORE_URL is an SQLite file, which only one process can use, but the bot runs as ${count} shards: set STORE_URL=redis://host:6379 so every shard shares one store`,
		);
	}
	if (value.GEMINI_GLOBAL_CONCURRENCY > 0 || value.GEMINI_GLOBAL_RPM > 0) {
		problems.push(
			"GEMINI_GLOBAL_CONCURRENCY and GEMINI_GLOBAL_RPM share a cap between processes through Redis: set STORE_URL=redis://host:6379, or unset them (with SQLite there is one process, and GEMINI_CONCURRENCY is its cap)",
		);
	}
	return problems;
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
		/** Project-wide caps shared by every process through Redis; 0 = off. */
		globalCap: { concurrency: number; requestsPerMinute: number };
	};
	turns: {
		/** One deadline per turn, covering every Gemini attempt and every wait between them. */
		deadlineMs: number;
		/** On SIGTERM/SIGINT, how long running turns get before they are told they were interrupted. */
		shutdownGraceMs: number;
	};
	storeUrl: string;
	storeNamespace: string;
	/** Conversations idle longer than this many days expire with their images; 0 = kept until /forget. */
	retention: { conversationTtlDays: number };
	/** Bounds on what a request replays of a thread's history. */
	history: { maxRequestBytes: number; maxImages: number };
	moderation: ModerationConfig;
	/** With shards: HTTP_PORT + this process's first shard id, so shards on one host never share a port. */
	httpPort: number;
	/** The HTTP image API on HTTP_PORT; undefined (off) when HTTP_API_TOKENS is unset. */
	httpApi: HttpApiConfig | undefined;
	/** How `npm run start:sharded` splits the bot: SHARD_COUNT in total, SHARD_LIST of them on this host. */
	sharding: { count: number | "auto"; list: number[] | undefined; spawnDelayMs: number };
	/** The shards this process runs: the ShardingManager's SHARDS and SHARD_COUNT in a shard, else shard 0 of 1. */
	shards: { ids: number[]; count: number };
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
	const manager = managerEnvSchema.safeParse(env);
	const managed = manager.data?.SHARDING_MANAGER !== undefined && manager.data.SHARDS !== undefined;
	const problems = [
		...[...(result.error?.issues ?? []), ...(manager.error?.issues ?? [])].map(
			(issue) => `${issue.path.join(".") || "environment"} ${issue.message}`,
		),
		...credentialProblems(env),
		...(result.success ? scaleProblems(result.data, managed) : []),
	];
	if (!result.success || problems.length > 0) throw new ConfigError(problems);
	const value = result.data;
	const vertex = value.GOOGLE_GENAI_USE_VERTEXAI;
	const shards = managed
		? { ids: manager.data?.SHARDS ?? [0], count: typeof value.SHARD_COUNT === "number" ? value.SHARD_COUNT : 1 }
		: { ids: [0], count: 1 };
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
			globalCap: { concurrency: value.GEMINI_GLOBAL_CONCURRENCY, requestsPerMinute: value.GEMINI_GLOBAL_RPM },
		},
		turns: { deadlineMs: value.TURN_DEADLINE_MS, shutdownGraceMs: value.SHUTDOWN_GRACE_MS },
		storeUrl: value.STORE_URL,
		storeNamespace: value.STORE_NAMESPACE,
		retention: { conversationTtlDays: value.CONVERSATION_TTL_DAYS },
		history: { maxRequestBytes: value.HISTORY_MAX_MB * 1_000_000, maxImages: value.HISTORY_MAX_IMAGES },
		moderation: toModerationConfig(value),
		httpPort: value.HTTP_PORT > 0 && managed ? value.HTTP_PORT + (shards.ids[0] ?? 0) : value.HTTP_PORT,
		sharding: { count: value.SHARD_COUNT, list: value.SHARD_LIST, spawnDelayMs: value.SHARD_SPAWN_DELAY_MS },
		shards,
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
