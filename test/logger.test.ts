// test/logger.test.ts: logs never carry a request body, a token or a key.
import { Writable } from "node:stream";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

function capture() {
	const lines: string[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		},
	});
	return { lines, stream };
}

describe("createLogger", () => {
	it("drops the request body of a Discord error, which may hold a member's prompt", () => {
		const { lines, stream } = capture();
		const err = new DiscordAPIError(
			{ code: 50013, message: "Missing Permissions" },
			50013,
			403,
			"POST",
			"/channels/1/messages",
			{ body: { content: "a secret prompt" }, files: undefined },
		);
		createLogger("info", stream).warn({ err }, "send failed");
		expect(lines.join("")).toContain("Missing Permissions");
		expect(lines.join("")).not.toContain("a secret prompt");
	});

	it("redacts tokens and keys", () => {
		const { lines, stream } = capture();
		createLogger("info", stream).info(
			{ token: "discord-token-value", gemini: { apiKey: "gemini-key-value" } },
			"config",
		);
		expect(lines.join("")).not.toContain("discord-token-value");
		expect(lines.join("")).not.toContain("gemini-key-value");
	});
});
