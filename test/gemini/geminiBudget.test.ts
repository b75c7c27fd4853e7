// The project-wide Gemini budget on real Redis, shared by two "processes" (two store connections), through generate.
import { randomUUID } from "node:crypto";
import { type GenerateContentParameters, Modality } from "@google/genai";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeGemini, imageReply, solidPng, startFakeGemini } from "../../fakes/fakeGemini.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import { createGeminiBudget, type GeminiBudget } from "../../src/gemini/geminiBudget.js";
import { createGeminiClient, createGenerate, type GeminiWait } from "../../src/gemini/generate.js";
import { createLogger } from "../../src/logger.js";
import { deleteRedisKeys, REDIS_URL } from "../redisKeys.js";

const namespace = `test-${randomUUID()}`;
const logger = createLogger("silent");
let stores: Store[] = [];

const budgetOn = (store: Store, concurrency: number, requestsPerMinute = 0): GeminiBudget => {
	if (!store.redis) throw new Error("a Redis store has a client");
	return createGeminiBudget({
		client: store.redis,
		limiters: store.limiters,
		namespace,
		concurrency,
		requestsPerMinute,
		logger,
	});
};
const soon = () => Date.now() + 20_000;

beforeAll(async () => {
	stores = [await createStore(REDIS_URL, namespace), await createStore(REDIS_URL, namespace)];
});
afterAll(async () => {
	for (const store of stores) await store.close();
	expect(await deleteRedisKeys(`${namespace}:`)).toEqual([]);
	await deleteRedisKeys(`semaphore:${namespace}:`);
});

describe("createGeminiBudget", () => {
	it("holds calls across processes to the cap, tells a waiter its place, and lets it go when a slot frees", async () => {
		const [one, two] = stores.map((store) => budgetOn(store, 2));
		const never = new AbortController().signal;
		const first = await one?.acquire({ signal: never, deadline: soon(), onWait: () => {} });
		const second = await two?.acquire({ signal: never, deadline: soon(), onWait: () => {} });
		const waits: GeminiWait[] = [];
		let third: (() => Promise<void>) | undefined;
		const waiting = one
			?.acquire({ signal: never, deadline: soon(), onWait: (wait) => waits.push(wait) })
			.then((release) => {
				third = release;
			});
		await expect.poll(() => waits).toEqual([{ kind: "globalCap", position: 1 }]);
		expect(third).toBeUndefined();
		await second?.();
		await waiting;
		expect(third).toBeDefined();
		await first?.();
		await third?.();
	});

	it("gives up waiting when the call is cancelled", async () => {
		const budget = budgetOn(stores[0] as Store, 1);
		const held = await budget.acquire({ signal: new AbortController().signal, deadline: soon(), onWait: () => {} });
		const cancel = new AbortController();
		const waits: GeminiWait[] = [];
		const waiting = budget.acquire({ signal: cancel.signal, deadline: soon(), onWait: (wait) => waits.push(wait) });
		await expect.poll(() => waits.length).toBe(1);
		cancel.abort(new Error("cancelled"));
		await expect(waiting).rejects.toThrow("cancelled");
		await held();
	});

	it("spends requests per minute across processes and says when the next one may start", async () => {
		const [one, two] = stores.map((store) => budgetOn(store, 0, 2));
		const never = new AbortController().signal;
		await (await one?.acquire({ signal: never, deadline: soon(), onWait: () => {} }))?.();
		await (await two?.acquire({ signal: never, deadline: soon(), onWait: () => {} }))?.();
		const cancel = new AbortController();
		const waits: GeminiWait[] = [];
		const waiting = one?.acquire({ signal: cancel.signal, deadline: soon(), onWait: (wait) => waits.push(wait) });
		await expect.poll(() => waits.length).toBe(1);
		const [wait] = waits;
		expect(wait?.kind).toBe("globalRate");
		expect(wait?.kind === "globalRate" && wait.retryAt).toBeGreaterThan(Date.now());
		cancel.abort(new Error("cancelled"));
		await expect(waiting).rejects.toThrow("cancelled");
	});
});

describe("generate with a global cap", () => {
	let fake: FakeGemini;
	beforeEach(async () => {
		fake = await startFakeGemini();
	});
	afterEach(async () => {
		await fake.close();
	});

	it("runs one call at a time across two processes; the second reports its wait, then running", async () => {
		const request: GenerateContentParameters = {
			model: "gemini-3.1-flash-image",
			contents: [{ role: "user", parts: [{ text: "a banana" }] }],
			config: { responseModalities: [Modality.TEXT, Modality.IMAGE] },
		};
		const generates = stores.map((store) => {
			const gemini = { apiKey: fake.apiKey, baseUrl: fake.baseUrl, vertex: undefined };
			return createGenerate(createGeminiClient(gemini), {
				timeoutMs: 10_000,
				maxRetries: 0,
				concurrency: 4,
				maxQuotaWaitMs: 5_000,
				logger,
				budget: budgetOn(store, 1),
			});
		});
		fake.enqueue({ ...imageReply([await solidPng(10)]), delayMs: 400 }, imageReply([await solidPng(20)]));
		const waits: GeminiWait[] = [];
		const first = generates[0]?.(request, { deadline: soon() });
		await expect.poll(() => fake.requests.length).toBe(1);
		const second = generates[1]?.(request, { deadline: soon(), onWait: (wait) => waits.push(wait) });
		await first;
		await second;
		expect(waits).toEqual([{ kind: "globalCap", position: 1 }, { kind: "running" }]);
		expect(fake.requests).toHaveLength(2);
	});
});
