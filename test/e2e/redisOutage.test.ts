// test/e2e/redisOutage.test.ts: Redis stops under a running bot and comes back: readiness flips, members are told, the
// bot recovers by itself. The test runs its own redis-server on its own port, so the shared one is never touched.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, freePort, startApiHarness } from "./apiHarness.js";
import { botImages, botMessages, expectNothingStray, interactionText, threadNamed } from "./harness.js";

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`. */
async function listening(port: number, timeoutMs = 10_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const ok = await new Promise<boolean>((resolve) => {
			const socket = connect(port, "127.0.0.1", () => resolve(true));
			socket.on("error", () => resolve(false));
			socket.setTimeout(500, () => resolve(false));
		}).finally(() => undefined);
		if (ok) return;
		await sleep(50);
	}
	throw new Error(`nothing listens on ${port}`);
}

/** Polls an async condition every 100 ms until it holds. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(100);
	}
}

function startRedis(port: number): ChildProcess {
	return spawn(
		"redis-server",
		["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
		{ stdio: "ignore" },
	);
}

async function stopRedis(redis: ChildProcess): Promise<void> {
	if (redis.exitCode !== null) return;
	const exited = once(redis, "exit");
	redis.kill("SIGTERM");
	await exited;
}

describe("a Redis outage", () => {
	let h: ApiHarness;
	let redis: ChildProcess;
	let port: number;
	const readiness = async () => {
		const response = await fetch(`${h.base}/readyz`);
		return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
	};

	beforeAll(async () => {
		port = await freePort();
		redis = startRedis(port);
		await listening(port);
		h = await startApiHarness({ env: { STORE_URL: `redis://127.0.0.1:${port}`, DEFAULT_COOLDOWN_SECONDS: "0" } });
	});
	afterAll(async () => {
		await h?.close();
		if (redis) await stopRedis(redis);
	});

	it("is survived: /readyz says the store is unreachable, members and API clients are told, then all resumes", async () => {
		expect(await readiness()).toMatchObject({ status: 200, body: { checks: { store: "ok", gateway: "ok" } } });
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "before" },
		});
		const thread = await threadNamed(h, "before");
		await h.discord.waitFor(() => botImages(h, thread.id)[0]);
		await h.bot.deps.turns.idle();

		await stopRedis(redis);
		await until(async () => (await readiness()).status === 503, "/readyz 503");
		expect(await readiness()).toMatchObject({ body: { status: "not_ready", checks: { store: "unreachable" } } });
		// A slash command, a message in the thread, and an API request: each is told, none hangs, nothing crashes.
		const during = await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "during" },
		});
		await h.discord.waitFor(() => /cannot reach my storage/.test(interactionText(during)) || undefined, {
			what: "the store-unavailable answer",
		});
		const before = botMessages(h, thread.id).length;
		await h.discord.userMessage({ channelId: thread.id, content: "make it blue" });
		await h.discord.waitFor(
			() => {
				const latest = botMessages(h, thread.id).slice(before);
				return latest.some((message) => /cannot reach my storage/.test(message.content)) || undefined;
			},
			{ what: "the store-unavailable reply in the thread" },
		);
		const api = await h.post("/v1/images", { prompt: "during" });
		expect(api.status).toBe(503);
		expect(api.headers.get("retry-after")).toBe("5");
		expect(await api.json()).toMatchObject({ error: "store_unavailable" });
		expect((await fetch(`${h.base}/healthz`)).status).toBe(200);

		redis = startRedis(port);
		await listening(port);
		await until(async () => (await readiness()).status === 200, "/readyz 200 again", 15_000);
		await h.discord.slashCommand({ name: "imagine", channelId: h.discord.textChannelId, options: { prompt: "after" } });
		const after = await threadNamed(h, "after");
		await h.discord.waitFor(() => botImages(h, after.id)[0], { what: "an image after the outage" });
		expect((await h.post("/v1/images", { prompt: "after" })).status).toBe(200);
		expectNothingStray(h);
	}, 60_000);
});
