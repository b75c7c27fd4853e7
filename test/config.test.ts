import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, envSchema, loadConfig, loadDeployConfig } from "../src/config.js";

const TOKEN = "MTIz.secret-discord-token-value";
const KEY = "AIza-secret-gemini-key-value";

const validEnv = (): Record<string, string | undefined> => ({ DISCORD_TOKEN: TOKEN, GEMINI_API_KEY: KEY });

function configErrorOf(env: Record<string, string | undefined>): ConfigError {
	try {
		loadConfig(env);
	} catch (err) {
		expect(err).toBeInstanceOf(ConfigError);
		return err as ConfigError;
	}
	throw new Error("loadConfig accepted an invalid environment");
}

describe("loadConfig", () => {
	it("fills in the defaults for a minimal valid environment", () => {
		const config = loadConfig(validEnv());
		expect(config.discordToken).toBe(TOKEN);
		expect(config.gemini.apiKey).toBe(KEY);
		expect(config.gemini.model).toBe("gemini-3.1-flash-image");
		expect(config.gemini.vertex).toBeUndefined();
		expect(config.gemini.baseUrl).toBeUndefined();
		expect(config.storeUrl).toBe("sqlite://data/bot.sqlite");
		expect(config.discordApiUrl).toBe("https://discord.com/api");
		expect(config.discordGuildId).toBeUndefined();
		expect(config.logLevel).toBe("info");
		expect(config.httpPort).toBe(0);
		expect(config.gemini.maxQuotaWaitMs).toBe(60_000);
		expect(config.turns).toEqual({ deadlineMs: 180_000, shutdownGraceMs: 30_000 });
	});

	it("reads the turn deadline, the longest quota wait and the shutdown grace", () => {
		const config = loadConfig({
			...validEnv(),
			TURN_DEADLINE_MS: "600000",
			GEMINI_MAX_QUOTA_WAIT_MS: "0",
			SHUTDOWN_GRACE_MS: "5000",
		});
		expect(config.turns).toEqual({ deadlineMs: 600_000, shutdownGraceMs: 5_000 });
		expect(config.gemini.maxQuotaWaitMs).toBe(0);
	});

	it.each([
		["TURN_DEADLINE_MS", "999"],
		["TURN_DEADLINE_MS", "1800001"],
		["TURN_DEADLINE_MS", "90000.5"],
		["GEMINI_MAX_QUOTA_WAIT_MS", "-1"],
		["GEMINI_MAX_QUOTA_WAIT_MS", "600001"],
		["SHUTDOWN_GRACE_MS", "600001"],
		["SHUTDOWN_GRACE_MS", "soon"],
	])("refuses %s=%s", (name, value) => {
		const error = configErrorOf({ ...validEnv(), [name]: value });
		expect(error.problems).toHaveLength(1);
		expect(error.problems[0]).toContain(name);
	});

	it("reports a missing DISCORD_TOKEN and GEMINI_API_KEY in one ConfigError naming both", () => {
		const error = configErrorOf({});
		expect(error.code).toBe("invalidConfig");
		expect(error.message).toContain("DISCORD_TOKEN");
		expect(error.message).toContain("GEMINI_API_KEY");
		expect(error.problems).toHaveLength(2);
	});

	it("accepts GOOGLE_API_KEY in place of GEMINI_API_KEY", () => {
		const config = loadConfig({ DISCORD_TOKEN: TOKEN, GOOGLE_API_KEY: KEY });
		expect(config.gemini.apiKey).toBe(KEY);
	});

	it("needs GOOGLE_CLOUD_PROJECT in Vertex mode without a key", () => {
		const error = configErrorOf({ DISCORD_TOKEN: TOKEN, GOOGLE_GENAI_USE_VERTEXAI: "true" });
		expect(error.message).toContain("GOOGLE_CLOUD_PROJECT");
		expect(error.message).not.toContain("GEMINI_API_KEY is required");
	});

	it("builds a Vertex config from project and location", () => {
		const config = loadConfig({
			DISCORD_TOKEN: TOKEN,
			GOOGLE_GENAI_USE_VERTEXAI: "true",
			GOOGLE_CLOUD_PROJECT: "my-project",
			GOOGLE_VERTEX_BASE_URL: "http://127.0.0.1:9999",
		});
		expect(config.gemini.vertex).toEqual({ project: "my-project", location: "global" });
		expect(config.gemini.baseUrl).toBe("http://127.0.0.1:9999");
	});

	it.each([
		["STORE_URL", "postgres://db/bot"],
		["LOG_LEVEL", "verbose"],
		["DISCORD_GUILD_ID", "not-a-snowflake"],
	])("names an invalid %s", (name, value) => {
		const error = configErrorOf({ ...validEnv(), [name]: value });
		expect(error.message).toContain(name);
		expect(error.problems).toHaveLength(1);
	});

	it("never puts the token or key values in the message, even beside other problems", () => {
		const error = configErrorOf({
			...validEnv(),
			STORE_URL: "nope",
			LOG_LEVEL: "loud",
			DISCORD_GUILD_ID: "x",
			DISCORD_API_URL: "not a url",
			HTTP_PORT: "99999",
		});
		expect(error.problems.length).toBeGreaterThanOrEqual(5);
		expect(error.message).not.toContain(TOKEN);
		expect(error.message).not.toContain(KEY);
		expect(JSON.stringify(error.problems)).not.toContain(TOKEN);
		expect(JSON.stringify(error.problems)).not.toContain(KEY);
	});

	it("does not echo a secret pasted into the wrong field (a key as LOG_LEVEL)", () => {
		const error = configErrorOf({ DISCORD_TOKEN: "", GEMINI_API_KEY: KEY, LOG_LEVEL: KEY });
		expect(error.message).toContain("DISCORD_TOKEN");
		expect(error.message).toContain("LOG_LEVEL");
		expect(error.message).not.toContain(KEY);
	});

	it("passes GOOGLE_GEMINI_BASE_URL as gemini.baseUrl", () => {
		const config = loadConfig({ ...validEnv(), GOOGLE_GEMINI_BASE_URL: "http://127.0.0.1:4567" });
		expect(config.gemini.baseUrl).toBe("http://127.0.0.1:4567");
	});

	it("strips trailing slashes from DISCORD_API_URL", () => {
		expect(loadConfig({ ...validEnv(), DISCORD_API_URL: "http://127.0.0.1:1234/api//" }).discordApiUrl).toBe(
			"http://127.0.0.1:1234/api",
		);
	});
});

describe("an optional variable set to the empty string or spaces", () => {
	/** Every variable the schema lets be absent, read from its shape so a new variable is covered automatically. */
	const optionalNames = Object.entries(envSchema.shape)
		.filter(([, schema]) => schema.safeParse(undefined).success)
		.map(([name]) => name);

	it("covers every variable but the token", () => {
		expect(optionalNames).toEqual(Object.keys(envSchema.shape).filter((name) => name !== "DISCORD_TOKEN"));
		expect(optionalNames).toEqual(
			expect.arrayContaining(["GOOGLE_VERTEX_BASE_URL", "TURN_DEADLINE_MS", "DEFAULT_MEMBER_DAILY_IMAGES"]),
		);
	});

	// GEMINI_API_KEY is part of the minimal environment, so its blank case keeps the key in GOOGLE_API_KEY.
	const minimalWithout = (name: string) =>
		name === "GEMINI_API_KEY" ? { DISCORD_TOKEN: TOKEN, GOOGLE_API_KEY: KEY } : validEnv();

	it.each(
		optionalNames.flatMap((name) => [
			[name, ""],
			[name, "  "],
		]),
	)("is unset: %s=%j loads as the default", (name, blank) => {
		const minimal = minimalWithout(name);
		expect(loadConfig({ ...minimal, [name]: blank })).toEqual(loadConfig(minimal));
	});

	it("is unset in Vertex AI mode too (GOOGLE_VERTEX_BASE_URL= is how containers write it)", () => {
		const vertex = { DISCORD_TOKEN: TOKEN, GOOGLE_GENAI_USE_VERTEXAI: "true", GOOGLE_CLOUD_PROJECT: "my-project" };
		const config = loadConfig({ ...vertex, GOOGLE_VERTEX_BASE_URL: "", GOOGLE_CLOUD_LOCATION: " " });
		expect(config).toEqual(loadConfig(vertex));
		expect(config.gemini.baseUrl).toBeUndefined();
		expect(config.gemini.vertex?.location).toBe("global");
	});

	it("does not count as a credential", () => {
		const error = configErrorOf({ DISCORD_TOKEN: TOKEN, GEMINI_API_KEY: "  ", GOOGLE_API_KEY: "" });
		expect(error.problems).toEqual([expect.stringContaining("GEMINI_API_KEY is required")]);
		const vertex = configErrorOf({ DISCORD_TOKEN: TOKEN, GOOGLE_GENAI_USE_VERTEXAI: "1", GOOGLE_CLOUD_PROJECT: " " });
		expect(vertex.problems).toEqual([expect.stringContaining("GOOGLE_CLOUD_PROJECT is required")]);
	});

	it("leaves a blank DISCORD_TOKEN missing, and says so", () => {
		const error = configErrorOf({ ...validEnv(), DISCORD_TOKEN: " " });
		expect(error.problems).toEqual([expect.stringMatching(/^DISCORD_TOKEN is required/)]);
	});
});

describe("loadDeployConfig", () => {
	it("does not need a Gemini key", () => {
		const config = loadDeployConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: "123456789012345678" });
		expect(config).toEqual({
			discordToken: TOKEN,
			discordApiUrl: "https://discord.com/api",
			discordGuildId: "123456789012345678",
		});
	});

	it("treats a blank DISCORD_GUILD_ID or DISCORD_API_URL as unset", () => {
		expect(loadDeployConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: "", DISCORD_API_URL: " " })).toEqual({
			discordToken: TOKEN,
			discordApiUrl: "https://discord.com/api",
			discordGuildId: undefined,
		});
	});

	it("still needs DISCORD_TOKEN", () => {
		expect(() => loadDeployConfig({})).toThrow(ConfigError);
		expect(() => loadDeployConfig({})).toThrow(/DISCORD_TOKEN/);
	});
});

describe("README's configuration table", () => {
	const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
	const section = readme.slice(
		readme.indexOf("## Configuration"),
		readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
	);
	const rows = section
		.split("\n")
		.filter((line) => line.startsWith("| `"))
		.map((line) => line.split("|").map((cell) => cell.trim()));

	it("lists every variable the config reads, each with a default", () => {
		const listed = rows.flatMap(([, names = ""]) => [...names.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]));
		expect([...listed].sort()).toEqual(Object.keys(envSchema.shape).sort());
		for (const row of rows) expect(row[3], row[1]).not.toBe("");
	});

	it("gives the default the schema has, for every variable with a number or text default", () => {
		const shape: Record<string, { safeParse(value: unknown): { data?: unknown } }> = envSchema.shape;
		const checked = rows.flatMap(([, names = "", , cell = ""]) => {
			const name = /^`([A-Z_]+)`$/.exec(names)?.[1];
			const fallback = name ? shape[name]?.safeParse(undefined).data : undefined;
			if (typeof fallback !== "number" && typeof fallback !== "string") return [];
			expect(cell.startsWith(`\`${fallback}\``), `${name}: ${cell}`).toBe(true);
			return [name];
		});
		expect(checked).toEqual(
			expect.arrayContaining(["GEMINI_MAX_QUOTA_WAIT_MS", "TURN_DEADLINE_MS", "SHUTDOWN_GRACE_MS"]),
		);
	});
});

describe(".env.example", () => {
	it("mentions every variable the config reads", () => {
		const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
		const mentioned = new Set([...example.matchAll(/^#? ?([A-Z_]+)=/gm)].map((match) => match[1]));
		expect(Object.keys(envSchema.shape).filter((name) => !mentioned.has(name))).toEqual([]);
	});
});
