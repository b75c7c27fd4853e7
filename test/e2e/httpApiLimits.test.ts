// test/e2e/httpApiLimits.test.ts: the API's limits end to end: rate, daily images, body size, deadline, timeout, shutdown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageReply, solidPng } from "../../fakes/fakeGemini.js";
import { clientIdOf } from "../../src/http/api/authenticate.js";
import { askerIdOf } from "../../src/http/api/runApiTurn.js";
import { nextUtcMidnight } from "../../src/moderation/utcDay.js";
import { type ApiHarness, startApiHarness, TOKENS } from "./apiHarness.js";
import { expectNothingStray } from "./harness.js";

const token = (index: number) => TOKENS[index] ?? "";

/** Today's images counted against a token (held by running turns included). */
async function imagesToday(h: ApiHarness, index: number): Promise<number> {
	const clientId = clientIdOf(token(index));
	const usage = await h.bot.deps.quotas.usageToday({ guildId: `api:${clientId}`, userId: askerIdOf(clientId) });
	return usage.member.used;
}

describe("HTTP API limits (rate, daily images, body size, deadline)", () => {
	let h: ApiHarness;

	beforeAll(async () => {
		h = await startApiHarness({
			env: {
				HTTP_API_RATE_PER_MINUTE: "2",
				HTTP_API_DAILY_IMAGES: "1",
				HTTP_API_MAX_BODY_MB: "1",
				TURN_DEADLINE_MS: "1500",
			},
		});
	});
	afterAll(async () => {
		await h?.close();
	});

	it("answers a token's third request within a minute with 429 rate_limited and Retry-After, others unaffected", async () => {
		for (let i = 0; i < 2; i++) expect((await h.post("/v1/images", {}, { token: token(3) })).status).toBe(400);
		const limited = await h.post("/v1/images", { prompt: "a cat" }, { token: token(3) });
		expect(limited.status).toBe(429);
		const seconds = Number(limited.headers.get("retry-after"));
		expect(seconds).toBeGreaterThanOrEqual(1);
		expect(seconds).toBeLessThanOrEqual(60);
		expect(await limited.json()).toMatchObject({ error: "rate_limited", details: { limit: 2 } });
		expect((await h.post("/v1/images", {}, { token: token(7) })).status).toBe(400);
	});

	it("answers past the token's daily images with 429 daily_quota_exceeded, Retry-After until 00:00 UTC", async () => {
		expect((await h.post("/v1/images", { prompt: "one" }, { token: token(4) })).status).toBe(200);
		const over = await h.post("/v1/images", { prompt: "two" }, { token: token(4) });
		expect(over.status).toBe(429);
		const untilMidnight = (nextUtcMidnight(Date.now()).getTime() - Date.now()) / 1_000;
		expect(Math.abs(Number(over.headers.get("retry-after")) - untilMidnight)).toBeLessThan(5);
		expect(await over.json()).toMatchObject({ error: "daily_quota_exceeded", details: { limit: 1, used: 1 } });
		expect(await imagesToday(h, 4)).toBe(1);
	});

	it("answers a body over HTTP_API_MAX_BODY_MB with 413 before any model call", async () => {
		const before = h.gemini.requests.length;
		const data = Buffer.alloc(1_100_000, 7).toString("base64");
		const response = await h.post(
			"/v1/images",
			{ prompt: "big", images: [{ mimeType: "image/png", data }] },
			{ token: token(5) },
		);
		expect(response.status).toBe(413);
		expect(await response.json()).toMatchObject({ error: "payload_too_large" });
		expect(h.gemini.requests.length).toBe(before);
	});

	it("answers a Gemini call that never ends with 504 at the turn's deadline, aborting it and counting nothing", async () => {
		h.gemini.enqueue({ hang: true });
		const aborted = h.gemini.aborted;
		const response = await h.post("/v1/images", { prompt: "slow" }, { token: token(6) });
		expect(response.status).toBe(504);
		expect(await response.json()).toMatchObject({ error: "gemini_timeout" });
		await h.discord.waitFor(() => h.gemini.aborted > aborted || undefined, { what: "the aborted Gemini request" });
		expect(await imagesToday(h, 6)).toBe(0);
		expectNothingStray(h);
	});
});

describe("HTTP API request timeout, a client that goes away, and shutdown", () => {
	let h: ApiHarness;

	beforeAll(async () => {
		h = await startApiHarness({ env: { HTTP_API_TIMEOUT_MS: "1000" } });
	});
	afterAll(async () => {
		await h?.close();
	});

	it("cancels a turn past HTTP_API_TIMEOUT_MS (waiting included) and answers 504 request_timeout", async () => {
		h.gemini.enqueue({ hang: true });
		const aborted = h.gemini.aborted;
		const response = await h.post("/v1/images", { prompt: "slow" }, { token: token(1) });
		expect(response.status).toBe(504);
		expect(await response.json()).toMatchObject({ error: "request_timeout" });
		await h.discord.waitFor(() => h.gemini.aborted > aborted || undefined, { what: "the aborted Gemini request" });
		await h.bot.deps.turns.idle();
		expect(await imagesToday(h, 1)).toBe(0);
	});

	it("cancels the turn when the client closes the connection", async () => {
		h.gemini.enqueue({ hang: true });
		const aborted = h.gemini.aborted;
		const requests = h.gemini.requests.length;
		const controller = new AbortController();
		const pending = fetch(`${h.base}/v1/images`, {
			method: "POST",
			headers: { "content-type": "application/json", authorization: `Bearer ${token(2)}` },
			body: JSON.stringify({ prompt: "never mind" }),
			signal: controller.signal,
		}).catch((err: unknown) => err);
		await h.discord.waitFor(() => h.gemini.requests[requests], { what: "the Gemini request" });
		controller.abort();
		expect(await pending).toBeInstanceOf(Error);
		await h.discord.waitFor(() => h.gemini.aborted > aborted || undefined, { what: "the aborted Gemini request" });
		await h.bot.deps.turns.idle();
		expect(await imagesToday(h, 2)).toBe(0);
	});

	it("while shutting down, answers 503 shutting_down with Retry-After and /readyz says why", async () => {
		h.bot.deps.lifecycle.stop();
		const response = await h.post("/v1/images", { prompt: "late" }, { token: token(3) });
		expect(response.status).toBe(503);
		expect(response.headers.get("retry-after")).toBe("60");
		expect(await response.json()).toMatchObject({ error: "shutting_down" });
		const ready = await fetch(`${h.base}/readyz`);
		expect(ready.status).toBe(503);
		expect(await ready.json()).toMatchObject({ status: "not_ready", reasons: ["shutdown: shutting down"] });
		expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
	});
});

describe("HTTP API on shutdown", () => {
	let h: ApiHarness;

	beforeAll(async () => {
		h = await startApiHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	it("stop() lets a running API turn answer, then closes the port", async () => {
		h.gemini.enqueue({ ...imageReply([await solidPng(5)]), delayMs: 500 });
		const requests = h.gemini.requests.length;
		const pending = h.post("/v1/images", { prompt: "finish me" }, { token: token(1) });
		await h.discord.waitFor(() => h.gemini.requests[requests], { what: "the Gemini request" });
		const stopped = h.bot.stop();
		const late = await h.post("/v1/images", { prompt: "too late" }, { token: token(2) }).catch((err: unknown) => err);
		expect(late instanceof Error || (late as Response).status === 503).toBe(true);
		const response = await pending;
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("image/png");
		await stopped;
		await expect(fetch(`${h.base}/healthz`)).rejects.toThrow();
		// Stopped already: the harness's close() only has the fakes left to close.
		h.bot = { ...h.bot, stop: async () => {} };
	});
});
