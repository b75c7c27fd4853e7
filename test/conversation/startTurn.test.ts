// test/conversation/startTurn.test.ts: the turn pipeline without Discord: canned Gemini, real store, real quotas.

import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GenerateContentParameters, GenerateContentResponse } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPixelWorker } from "../../src/background/pixelWorker.js";
import { loadConfig } from "../../src/config.js";
import type { TurnPlace } from "../../src/conversation/admit.js";
import { createInFlight } from "../../src/conversation/inFlight.js";
import { createLifecycle } from "../../src/conversation/lifecycle.js";
import type { PipelineDeps } from "../../src/conversation/pipelineDeps.js";
import { startTurn } from "../../src/conversation/startTurn.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import { createTurnQueue } from "../../src/conversation/turnQueue.js";
import type {
	TurnDelivery,
	TurnOutcome,
	TurnPorts,
	TurnRequest,
	TurnView,
} from "../../src/conversation/turnRequest.js";
import { UserInputError } from "../../src/errors.js";
import type { GenerateContent, GenerateOptions } from "../../src/gemini/generate.js";
import { createMetrics } from "../../src/http/metrics.js";
import { createLogger } from "../../src/logger.js";
import type { ModerationCase } from "../../src/moderation/cases.js";
import { PolicyDenied } from "../../src/moderation/policyErrors.js";
import { createQuotas, type Quotas } from "../../src/moderation/quotas.js";
import { createSettingsStore } from "../../src/moderation/settingsStore.js";

const GUILD = "100000000000000001";
const CHANNEL = "100000000000000002";
const MEMBER = "100000000000000003";
const place: TurnPlace = { kind: "guild", context: { guildId: GUILD, channelId: CHANNEL, ageRestricted: false } };

const imageAnswer = () => ({
	response: {
		candidates: [
			{
				content: {
					role: "model",
					parts: [
						{ text: "Here.", thoughtSignature: "sig-text" },
						{
							inlineData: { mimeType: "image/png", data: Buffer.from("png").toString("base64") },
							thoughtSignature: "sig-img",
						},
					],
				},
				finishReason: "STOP",
				index: 0,
			},
		],
	} as unknown as GenerateContentResponse,
});
const blockedAnswer = () => ({
	response: {
		candidates: [{ content: { role: "model", parts: [] }, finishReason: "IMAGE_SAFETY", index: 0 }],
	} as unknown as GenerateContentResponse,
	finishMessage: "Support codes: 63429089",
});

let dir = "";
let store: Store;
let quotas: Quotas;
let server: ReturnType<typeof createServer>;
let missingUrl = "";
let threadCounter = 0;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), "start-turn-"));
	store = await createStore(`sqlite://${join(dir, "t.sqlite")}`, "nbt");
	quotas = await createQuotas({ limiters: store.limiters, namespace: "nbt", keyv: store.keyv });
	server = createServer((_request, response) => {
		response.writeHead(404);
		response.end();
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	missingUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/missing.png`;
});

afterAll(async () => {
	server?.close();
	await store?.close();
	await rm(dir, { recursive: true, force: true });
});

type Recorder = {
	deps: PipelineDeps;
	requests: GenerateContentParameters[];
	calls: GenerateOptions[];
	cases: ModerationCase[];
	events: string[];
	deliveries: TurnDelivery[];
	/** The tickets views were started with: what the Cancel button carries. */
	tickets: string[];
};

/** Pipeline deps on the shared store and quotas, with a scripted Gemini (a function per call) and recorded cases. */
function pipeline(
	answers: ((request: GenerateContentParameters, options: GenerateOptions) => Promise<unknown>)[],
): Recorder {
	const config = loadConfig({ DISCORD_TOKEN: "t", GEMINI_API_KEY: "k", DEFAULT_MEMBER_DAILY_IMAGES: "0" });
	const recorder: Omit<Recorder, "deps"> = {
		requests: [],
		calls: [],
		cases: [],
		events: [],
		deliveries: [],
		tickets: [],
	};
	const generate: GenerateContent = async (request, options) => {
		recorder.requests.push(request);
		recorder.calls.push(options);
		const next = answers.shift();
		if (!next) throw new Error("no more canned answers");
		return (await next(request, options)) as Awaited<ReturnType<GenerateContent>>;
	};
	const deps: PipelineDeps = {
		config,
		logger: createLogger("silent"),
		store,
		generate,
		turns: createTurnQueue(),
		arrivals: createTurnQueue(),
		metrics: createMetrics(),
		settings: createSettingsStore({ keyv: store.keyv, config: config.moderation }),
		quotas,
		inFlight: createInFlight(store.keyv, `inflight-${threadCounter}`),
		lifecycle: createLifecycle(),
		// Never started: these turns have no /background job.
		pixels: createPixelWorker(),
		reportCase: async (moderationCase) => {
			recorder.cases.push(moderationCase);
		},
	};
	return { ...recorder, deps };
}

/** Ports that open a fresh "thread" id and record what the pipeline asks of the view. */
function recordingPorts(recorder: Recorder, faults: { at?: string } = {}): TurnPorts & { threadId: string } {
	const threadId = `2000000000000${String(++threadCounter).padStart(5, "0")}`;
	const fault = (step: string) => {
		recorder.events.push(step);
		if (faults.at === step) throw Object.assign(new Error(`injected failure at ${step}`), { step });
	};
	const view = (id: string): TurnView => ({
		id,
		queued: (position) => recorder.events.push(`queued:${position}`),
		started: async (ticket) => {
			recorder.tickets.push(ticket);
			fault("started");
		},
		waiting: (wait) => recorder.events.push(`waiting:${wait.kind}`),
		async deliver(delivery) {
			fault("deliver");
			recorder.deliveries.push(delivery);
			return [`3000000000000${String(recorder.deliveries.length).padStart(5, "0")}`];
		},
		async fail(err) {
			recorder.events.push(`fail:${(err as Error).name}`);
			return { ref: "abcd1234", kind: "test", level: "warn" };
		},
		finished: async () => {
			recorder.events.push("finished");
		},
	});
	return {
		threadId,
		accepted: async () => fault("accepted"),
		open: async () => {
			fault("open");
			return view(threadId);
		},
		view,
		branch: async () => {
			fault("branch");
			return view(`${threadId}9`);
		},
	};
}

const request = (overrides: Partial<TurnRequest> = {}): TurnRequest => ({
	entry: "imagine",
	place,
	asker: { id: MEMBER, roleIds: [], isManager: false },
	text: "a lighthouse at dusk",
	attachments: [],
	target: { kind: "start", title: "a lighthouse at dusk" },
	...overrides,
});

const used = async () => (await quotas.usageToday({ guildId: GUILD, userId: MEMBER })).member.used;

describe("startTurn", () => {
	let before = 0;
	beforeEach(async () => {
		before = await used();
		await store.keyv.delete(`settings:guild:${GUILD}`);
	});

	it("runs a new conversation's turn under the server's strict preset, then commits it and counts one image", async () => {
		const recorder = pipeline([async () => imageAnswer()]);
		await recorder.deps.settings.set({ kind: "guild", id: GUILD }, "preset", "strict");
		const ports = recordingPorts(recorder);
		const outcome = await startTurn(recorder.deps, request(), ports);
		expect(outcome).toEqual({ kind: "done", conversationId: ports.threadId, reply: "parts", imagesOut: 1 });
		const thresholds = (recorder.requests[0]?.config?.safetySettings ?? []).map((setting) => setting.threshold);
		expect(new Set(thresholds)).toEqual(new Set(["BLOCK_LOW_AND_ABOVE"]));
		expect(recorder.calls[0]?.deadline).toBeGreaterThan(Date.now());
		expect(recorder.events).toEqual(["accepted", "open", "started", "deliver", "finished"]);
		const stored = await store.getConversation(ports.threadId);
		expect(stored?.exchanges).toHaveLength(1);
		expect(stored?.exchanges[0]?.messageIds).toEqual([expect.any(String)]);
		expect(await used()).toBe(before + 1);
		expect(await recorder.deps.inFlight.takeAll()).toEqual([]);
	});

	it("refuses a blocklisted prompt before anything starts, reports it, and holds nothing", async () => {
		const recorder = pipeline([]);
		await recorder.deps.settings.addToBlocklist({ kind: "guild", id: GUILD }, { pattern: "glorbnax" });
		const outcome = await startTurn(
			recorder.deps,
			request({ text: "a portrait of Glorbnax" }),
			recordingPorts(recorder),
		);
		expect(outcome.kind).toBe("refused");
		expect((outcome as Extract<TurnOutcome, { kind: "refused" }>).refusal).toBeInstanceOf(PolicyDenied);
		expect(recorder.events).toEqual([]);
		expect(recorder.requests).toEqual([]);
		expect(recorder.cases.map((moderationCase) => moderationCase.outcome)).toEqual([
			{ kind: "denied", code: "blocklisted" },
		]);
		expect(await used()).toBe(before);
	});

	it("refuses an empty prompt without admitting it", async () => {
		const recorder = pipeline([]);
		const outcome = await startTurn(recorder.deps, request({ text: "  " }), recordingPorts(recorder));
		expect(outcome.kind).toBe("refused");
		expect((outcome as Extract<TurnOutcome, { kind: "refused" }>).refusal).toBeInstanceOf(UserInputError);
		expect(await used()).toBe(before);
	});

	it("gives a block a moderation case with the card's message ids, counts nothing and keeps it out of history", async () => {
		const recorder = pipeline([async () => blockedAnswer()]);
		const ports = recordingPorts(recorder);
		const outcome = await startTurn(recorder.deps, request(), ports);
		expect(outcome).toMatchObject({ kind: "done", reply: "blocked", imagesOut: 0 });
		const caseId = recorder.deliveries[0]?.caseId;
		expect(caseId).toMatch(/^[0-9a-f]{12}$/);
		expect(recorder.cases).toEqual([
			expect.objectContaining({ id: caseId, channelId: ports.threadId, messageIds: [expect.any(String)] }),
		]);
		expect((await store.getConversation(ports.threadId))?.exchanges).toEqual([]);
		expect(await used()).toBe(before);
	});

	it.each(["accepted", "open", "started", "deliver"])(
		"releases the reservation when %s fails, and leaves no history or marker",
		async (step) => {
			const recorder = pipeline([async () => imageAnswer()]);
			const ports = recordingPorts(recorder, { at: step });
			const outcome = await startTurn(recorder.deps, request(), ports);
			expect(outcome.kind).toBe("failed");
			expect(await used()).toBe(before);
			expect((await store.getConversation(ports.threadId))?.exchanges ?? []).toEqual([]);
			expect(await recorder.deps.inFlight.takeAll()).toEqual([]);
		},
	);

	it("releases the reservation when an image download fails, and says which image", async () => {
		const recorder = pipeline([]);
		const attachments = [{ url: missingUrl, name: "cat.png", size: 10 }];
		const outcome = await startTurn(recorder.deps, request({ attachments }), recordingPorts(recorder));
		expect(outcome.kind).toBe("refused");
		const refusal = (outcome as Extract<TurnOutcome, { kind: "refused" }>).refusal;
		expect(refusal).toMatchObject({ code: "imageDownloadFailed", details: { name: "cat.png" } });
		expect(recorder.requests).toEqual([]);
		expect(await used()).toBe(before);
	});

	it("releases the reservation when Gemini fails, and tells the thread", async () => {
		const recorder = pipeline([
			async () => {
				throw new Error("gemini exploded");
			},
		]);
		const outcome = await startTurn(recorder.deps, request(), recordingPorts(recorder));
		expect(outcome).toMatchObject({ kind: "failed", shown: true });
		expect(recorder.events).toContain("fail:Error");
		expect(await used()).toBe(before);
	});

	it("branches a reply to an older result into a new conversation with the history up to it", async () => {
		const recorder = pipeline([async () => imageAnswer(), async () => imageAnswer(), async () => imageAnswer()]);
		const ports = recordingPorts(recorder);
		await startTurn(recorder.deps, request(), ports);
		const target = { kind: "continue" as const, conversationId: ports.threadId };
		await startTurn(recorder.deps, request({ entry: "message", text: "now yellow", target }), ports);
		const first = (await store.getConversation(ports.threadId))?.exchanges[0];
		const outcome = await startTurn(
			recorder.deps,
			request({
				entry: "message",
				text: "blue instead",
				target: { ...target, replyToMessageId: first?.messageIds[0] },
			}),
			ports,
		);
		const branchId = `${ports.threadId}9`;
		expect(outcome).toMatchObject({ kind: "done", conversationId: branchId });
		const branch = await store.getConversation(branchId);
		expect(branch?.branchOf).toEqual({ conversationId: ports.threadId, turn: first?.turn });
		expect(branch?.exchanges.map((exchange) => exchange.turn)).toEqual([1, 3]);
		expect((await store.getConversation(ports.threadId))?.exchanges).toHaveLength(2);
	});

	it("releases the reservation when branching fails", async () => {
		const recorder = pipeline([async () => imageAnswer(), async () => imageAnswer()]);
		const ports = recordingPorts(recorder);
		await startTurn(recorder.deps, request(), ports);
		const target = { kind: "continue" as const, conversationId: ports.threadId };
		await startTurn(recorder.deps, request({ entry: "message", text: "now yellow", target }), ports);
		const first = (await store.getConversation(ports.threadId))?.exchanges[0];
		const counted = await used();
		const failing = recordingPorts(recorder, { at: "branch" });
		const outcome = await startTurn(
			recorder.deps,
			request({ entry: "message", text: "blue", target: { ...target, replyToMessageId: first?.messageIds[0] } }),
			{ ...failing, view: ports.view },
		);
		expect(outcome.kind).toBe("failed");
		expect(await used()).toBe(counted);
	});

	it("rerolls the latest result in place, and calls an older one stale", async () => {
		const recorder = pipeline([async () => imageAnswer(), async () => imageAnswer()]);
		const ports = recordingPorts(recorder);
		await startTurn(recorder.deps, request(), ports);
		const reroll = (turn: number) =>
			startTurn(
				recorder.deps,
				request({
					entry: "reroll",
					text: "",
					target: { kind: "continue", conversationId: ports.threadId, reroll: { turn } },
				}),
				ports,
			);
		expect(await reroll(1)).toMatchObject({ kind: "done", reply: "parts" });
		const stored = await store.getConversation(ports.threadId);
		expect(stored?.exchanges.map((exchange) => exchange.turn)).toEqual([2]);
		// The reroll asked again with the member's words of turn 1.
		const last = recorder.requests[1]?.contents as { parts: { text?: string }[] }[];
		expect(last.at(-1)?.parts.at(-1)?.text).toBe("a lighthouse at dusk");
		expect(await reroll(1)).toMatchObject({ kind: "stale" });
	});

	it("stops a running turn on cancel: the signal reaches Gemini, nothing is kept, nothing counted", async () => {
		const recorder = pipeline([
			(_request, options) =>
				new Promise((_resolve, reject) => {
					options.signal?.addEventListener("abort", () => reject(options.signal?.reason), { once: true });
				}),
		]);
		const ports = recordingPorts(recorder);
		const running = startTurn(recorder.deps, request(), ports);
		// Wait until the turn is in Gemini's hands, then press Cancel.
		while (recorder.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
		const ticket = recorder.tickets[0] ?? "";
		expect(recorder.deps.turns.cancel(ports.threadId, ticket)).toBe(true);
		expect(await running).toEqual({ kind: "cancelled" });
		expect(recorder.calls[0]?.signal?.aborted).toBe(true);
		expect(await used()).toBe(before);
		expect((await store.getConversation(ports.threadId))?.exchanges).toEqual([]);
	});

	it("tells a queued turn that reaches the front after shutdown began that it was interrupted", async () => {
		const gate = Promise.withResolvers<void>();
		const recorder = pipeline([
			async () => {
				await gate.promise;
				return imageAnswer();
			},
		]);
		const ports = recordingPorts(recorder);
		const first = startTurn(recorder.deps, request(), ports);
		while (recorder.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
		const target = { kind: "continue" as const, conversationId: ports.threadId };
		const second = startTurn(recorder.deps, request({ entry: "message", text: "now yellow", target }), ports);
		while (!recorder.events.includes("queued:1")) await new Promise((resolve) => setImmediate(resolve));
		recorder.deps.lifecycle.stop();
		gate.resolve();
		expect(await first).toMatchObject({ kind: "done", imagesOut: 1 });
		expect(await second).toMatchObject({ kind: "failed", shown: true });
		expect(recorder.events).toContain("fail:TurnInterrupted");
		expect(recorder.requests).toHaveLength(1);
		expect(await used()).toBe(before + 1);
	});

	it("a second message that started a DM conversation carries on from the first, never over it", async () => {
		const recorder = pipeline([async () => imageAnswer(), async () => imageAnswer()]);
		const ports = recordingPorts(recorder);
		const dm = { kind: "dm" as const, channelId: ports.threadId };
		// Both arrived before the DM held a conversation, so both ask to start one.
		await startTurn(recorder.deps, request({ entry: "message", place: dm }), ports);
		await startTurn(recorder.deps, request({ entry: "message", place: dm, text: "now at night" }), ports);
		const stored = await store.getConversation(ports.threadId);
		expect(stored?.exchanges.map((exchange) => exchange.turn)).toEqual([1, 2]);
	});

	it("counts an API client's turns in its own bucket, under the limits the place carries", async () => {
		const recorder = pipeline([async () => imageAnswer()]);
		const limits = { cooldownSeconds: 0, memberDailyImages: 1, serverDailyImages: 0 };
		const api = { kind: "api" as const, clientId: "client-a", limits };
		const asker = { id: "client-a", roleIds: [], isManager: false };
		const first = await startTurn(
			recorder.deps,
			request({ entry: "http", place: api, asker }),
			recordingPorts(recorder),
		);
		expect(first).toMatchObject({ kind: "done", imagesOut: 1 });
		const usage = await quotas.usageToday({ guildId: "api:client-a", userId: "client-a" });
		expect(usage.member.used).toBe(1);
		const second = await startTurn(
			recorder.deps,
			request({ entry: "http", place: api, asker }),
			recordingPorts(recorder),
		);
		expect(second).toMatchObject({ kind: "refused", refusal: { code: "memberQuota" } });
		expect(await used()).toBe(before);
	});

	it("takes no turn once the bot is stopping", async () => {
		const recorder = pipeline([]);
		recorder.deps.lifecycle.stop();
		expect(await startTurn(recorder.deps, request(), recordingPorts(recorder))).toEqual({ kind: "stopping" });
		expect(await used()).toBe(before);
	});
});
