// test/discord/health/gatewayCheck.test.ts: the gateway is ready only when the client logged in and every shard is READY.
import { Client, Collection, Status } from "discord.js";
import { describe, expect, it } from "vitest";
import { gatewayCheck } from "../../../src/discord/health/gatewayCheck.js";

describe("gatewayCheck", () => {
	it("is not ready before login", () => {
		const client = new Client({ intents: [] });
		expect(gatewayCheck(client)()).toEqual({ ok: false, reason: "not connected yet" });
	});

	it("names the shards that are not READY once logged in", () => {
		const client = new Client({ intents: [] });
		const shards = new Collection([
			[0, { status: Status.Ready }],
			[1, { status: Status.Reconnecting }],
		]);
		Object.defineProperty(client, "isReady", { value: () => true });
		Object.defineProperty(client.ws, "shards", { value: shards });
		expect(gatewayCheck(client)()).toEqual({ ok: false, reason: "shard 1 reconnecting" });
		shards.set(1, { status: Status.Ready });
		expect(gatewayCheck(client)()).toEqual({ ok: true });
	});
});
