import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadDeployConfig } from "../src/config.js";

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

describe("loadDeployConfig", () => {
	it("does not need a Gemini key", () => {
		const config = loadDeployConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: "123456789012345678" });
		expect(config).toEqual({
			discordToken: TOKEN,
			discordApiUrl: "https://discord.com/api",
			discordGuildId: "123456789012345678",
		});
	});

	it("still needs DISCORD_TOKEN", () => {
		expect(() => loadDeployConfig({})).toThrow(ConfigError);
		expect(() => loadDeployConfig({})).toThrow(/DISCORD_TOKEN/);
	});
});
