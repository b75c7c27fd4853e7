// test/e2e/health.test.ts: HTTP_PORT serves /healthz once Discord is ready, and Prometheus metrics.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botImages, expectNothingStray, type Harness, startHarness, threadNamed } from "./harness.js";

/** A port free right now on 127.0.0.1, for HTTP_PORT (0 means "off" to the bot, so the test picks one). */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (!address || typeof address === "string") throw new Error("no port");
	return address.port;
}

describe("health and metrics endpoint", () => {
	let h: Harness;
	let base: string;

	beforeAll(async () => {
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		h = await startHarness({ env: { HTTP_PORT: String(port) } });
	});
	afterAll(async () => {
		await h?.close();
	});

	it("answers /healthz with 200 once connected, and counts turns by outcome in /metrics", async () => {
		const health = await fetch(`${base}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ status: "ok" });
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a metric" },
		});
		const thread = await threadNamed(h, "a metric");
		await h.discord.waitFor(() => botImages(h, thread.id)[0]);
		// The counter moves after the reply is posted and committed: wait for the turn to finish.
		await h.bot.deps.turns.idle();
		const text = await (await fetch(`${base}/metrics`)).text();
		expect(text).toMatch(/imagebot_turns_total\{entry="imagine",outcome="image",detail=""\} 1/);
		expect(text).toContain("process_cpu_user_seconds_total");
		expect((await fetch(`${base}/nope`)).status).toBe(404);
		// Without HTTP_API_TOKENS the image API and its page are off.
		for (const path of ["/v1/images", "/generate-image"]) {
			expect((await fetch(`${base}${path}`, { method: "POST", body: "{}" })).status).toBe(404);
		}
		expect((await fetch(`${base}/`)).status).toBe(404);
		expect((await fetch(`${base}/openapi.json`)).status).toBe(404);
		expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
			status: "ready",
			checks: { gateway: "ok", store: "ok", shutdown: "ok" },
		});
		expectNothingStray(h);
	});
});
