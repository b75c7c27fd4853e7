import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newConversation } from "../../../src/conversation/newConversation.js";
import { createStore, type Store } from "../../../src/conversation/store.js";
import { createTurnQueue, type TurnQueue } from "../../../src/conversation/turnQueue.js";
import type { Conversation, Exchange, StoredPart } from "../../../src/conversation/types.js";
import type { Deps } from "../../../src/deps.js";
import { english } from "../../../src/discord/i18n/catalogue.js";
import { describeResult, forgetHistory, undoLast, versionsOf } from "../../../src/discord/turns/turnActions.js";
import { capabilitiesOf } from "../../../src/gemini/models.js";

/** These tests read the English catalogue. */
const t = english;

const OWNER = "200000000000000002";
const REQUESTER = "200000000000000007";
const MODEL = "gemini-3-pro-image";

const imagePart = (version: number): StoredPart => ({
	kind: "image",
	image: { sha256: `${version}`.padStart(64, "0"), mimeType: "image/png", bytes: 1_000 },
	version,
});
const textPart = (text: string): StoredPart => ({ kind: "text", text });

const exchange = (turn: number, user: StoredPart[], model: StoredPart[], extra: Partial<Exchange> = {}): Exchange => ({
	turn,
	user,
	model,
	requesterId: REQUESTER,
	modelId: MODEL,
	options: { output: "image_and_text" },
	at: "2026-03-01T12:00:00.000Z",
	ms: 12_300,
	messageIds: [`90000000000000000${turn}`],
	...extra,
});

/**
 * A thread's history: v1 a cat (turn 1); v2 an uploaded hat and v3 the cat wearing it (turn 2); turn 3 made v4 and
 * was rerolled, so turn 4 made v5 and v6 in its place.
 */
let conversationCounter = 0;
const history = (): Conversation => ({
	...newConversation({
		id: `3${String(conversationCounter++).padStart(17, "0")}`,
		guildId: "100000000000000001",
		ownerId: OWNER,
		model: MODEL,
		title: "A cat",
		options: { output: "image_and_text" },
	}),
	exchanges: [
		exchange(1, [textPart("a cat")], [textPart("Here is a cat."), imagePart(1)]),
		exchange(2, [imagePart(2), textPart("put this hat on it")], [imagePart(3)]),
		exchange(4, [textPart("make it blue")], [imagePart(5), textPart("And another."), imagePart(6)], {
			usage: { promptTokens: 1_234, outputTokens: 2_580, totalTokens: 3_814 },
		}),
	],
	nextVersion: 7,
	nextTurn: 5,
	droppedImagesNotified: true,
});

describe("versionsOf", () => {
	it.each([
		[
			"the versions of the model's images, in order",
			exchange(4, [], [imagePart(5), textPart("x"), imagePart(6)]),
			"v5 · v6",
		],
		["one image", exchange(1, [imagePart(1)], [imagePart(2)]), "v2"],
		["nothing for a text-only answer", exchange(1, [textPart("hi")], [textPart("hello")]), ""],
		["nothing for no exchange", undefined, ""],
	])("gives %s", (_, input, expected) => {
		expect(versionsOf(input)).toBe(expected);
	});
});

describe("describeResult", () => {
	it("shows prompt, model, parent, requester, time, tokens, estimated cost and the SynthID note", () => {
		const conversation = history();
		const card = describeResult(conversation, 4, t);
		const lines = card?.split("\n") ?? [];
		const { usdPerMillionInputTokens, usdPerMillionOutputTokens } = capabilitiesOf(MODEL);
		const fromUsage = (1_234 * usdPerMillionInputTokens + 2_580 * usdPerMillionOutputTokens) / 1_000_000;
		expect(lines[0]).toBe("**Result v5 · v6** · turn 4");
		expect(lines).toContain("**Prompt:** make it blue");
		expect(lines).toContain(`**Model:** \`${MODEL}\` (${capabilitiesOf(MODEL).label})`);
		// The latest version before this result: v3 (turn 3's v4 was rerolled away).
		expect(lines).toContain("**Made from:** v3");
		const unixSeconds = Date.parse("2026-03-01T12:00:00.000Z") / 1_000;
		expect(lines).toContain(`**Asked by:** <@${REQUESTER}>, <t:${unixSeconds}:f>`);
		expect(lines).toContain("**Took:** 12.3 s");
		expect(lines).toContain(`**Tokens:** 1,234 in, 2,580 out; estimated cost $${fromUsage.toFixed(3)}`);
		expect(lines.at(-1)).toBe("-# Google marks every image Gemini makes with an invisible SynthID watermark.");
	});

	it("names the member's own uploads as inputs and the newest of them as the parent", () => {
		const card = describeResult(history(), 2, t) ?? "";
		expect(card).toContain("**Prompt:** put this hat on it");
		expect(card).toContain("**Made from:** v2; inputs v2");
	});

	it("says a first result was made from nothing and prices it without tokens when usage is unknown", () => {
		const card = describeResult(history(), 1, t) ?? "";
		expect(card).toContain("**Result v1** · turn 1");
		expect(card).toContain("**Made from:** nothing (a new image)");
		expect(card).toContain(`**Estimated cost:** $${capabilitiesOf(MODEL).usdPerImage.toFixed(3)}`);
		expect(card).not.toContain("**Tokens:**");
		expect(card).toContain("SynthID");
	});

	it("names the thread a branch came from, and says nothing of branches otherwise", () => {
		expect(describeResult(history(), 1, t)).not.toContain("Branch of");
		const branch = { ...history(), branchOf: { conversationId: "100000000000000777", turn: 1 } };
		expect(describeResult(branch, 1, t)).toContain("**Branch of:** <#100000000000000777>");
	});

	it("shortens a long prompt and marks an images-only prompt", () => {
		const conversation = history();
		conversation.exchanges.push(
			exchange(5, [textPart("y".repeat(1_000))], [imagePart(7)]),
			exchange(6, [imagePart(8)], [imagePart(9)]),
		);
		expect(describeResult(conversation, 5, t)).toContain(`**Prompt:** ${"y".repeat(900)}…\n`);
		expect(describeResult(conversation, 6, t)).toContain("**Prompt:** (images only)");
	});

	it("returns undefined for a turn that is not in the history", () => {
		const conversation = history();
		// Turn 3 was rerolled away; turn 5 has not happened.
		expect(describeResult(conversation, 3, t)).toBeUndefined();
		expect(describeResult(conversation, 5, t)).toBeUndefined();
		expect(describeResult({ ...conversation, exchanges: [] }, 1, t)).toBeUndefined();
	});
});

describe("undoLast and forgetHistory", () => {
	let dir = "";
	let store: Store;
	let turns: TurnQueue;
	let deps: Deps;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), "turn-actions-"));
		store = await createStore(`sqlite://${join(dir, "bot.sqlite")}`, `test-${randomUUID()}`);
		turns = createTurnQueue();
		// undoLast and forgetHistory use only the store and the turn queue; the rest of Deps is left out on purpose.
		deps = { store, turns } as unknown as Deps;
	});

	afterAll(async () => {
		await store?.close();
		await rm(dir, { recursive: true, force: true });
	});

	const saved = async (): Promise<Conversation> => {
		const conversation = history();
		await store.saveConversation(conversation);
		return conversation;
	};

	it("undoes the last exchange when expectedTurn still names it, keeping the counters", async () => {
		const conversation = await saved();
		const result = await undoLast(deps, conversation.id, 4);
		expect(result.kind).toBe("undone");
		if (result.kind !== "undone") return;
		expect(result.removed).toEqual(conversation.exchanges[2]);
		expect(result.conversation.exchanges).toEqual(conversation.exchanges.slice(0, 2));
		expect(result.conversation).toMatchObject({ nextVersion: 7, nextTurn: 5 });
		expect(await store.getConversation(conversation.id)).toEqual(result.conversation);
	});

	it("undoes the last exchange when no turn is expected", async () => {
		const conversation = await saved();
		const result = await undoLast(deps, conversation.id);
		expect(result).toMatchObject({ kind: "undone", removed: { turn: 4 } });
		expect((await store.getConversation(conversation.id))?.exchanges.map((kept) => kept.turn)).toEqual([1, 2]);
	});

	it.each([2, 3, 5])("returns stale and changes nothing when expectedTurn is %i, not the last turn", async (turn) => {
		const conversation = await saved();
		const result = await undoLast(deps, conversation.id, turn);
		expect(result).toEqual({ kind: "stale", conversation });
		expect(await store.getConversation(conversation.id)).toEqual(conversation);
	});

	it("returns empty for a conversation with no exchanges or none at all", async () => {
		const conversation = { ...history(), exchanges: [] };
		await store.saveConversation(conversation);
		expect(await undoLast(deps, conversation.id)).toEqual({ kind: "empty" });
		expect(await undoLast(deps, conversation.id, 1)).toEqual({ kind: "empty" });
		expect(await store.getConversation(conversation.id)).toEqual(conversation);
		expect(await undoLast(deps, "399999999999999999")).toEqual({ kind: "empty" });
	});

	it("waits for the turn running in the conversation's queue before it decides", async () => {
		const conversation = await saved();
		const gate = Promise.withResolvers<void>();
		const started = Promise.withResolvers<void>();
		// A turn already running commits turn 5; an undo of turn 4 queued behind it must find 4 is no longer last.
		const running = turns.run(conversation.id, async () => {
			started.resolve();
			await gate.promise;
			await store.saveConversation({
				...conversation,
				exchanges: [...conversation.exchanges, exchange(5, [textPart("now green")], [imagePart(7)])],
				nextVersion: 8,
				nextTurn: 6,
			});
		});
		await started.promise;
		const undo = undoLast(deps, conversation.id, 4);
		gate.resolve();
		await running;
		expect(await undo).toMatchObject({ kind: "stale" });
		expect((await store.getConversation(conversation.id))?.exchanges.map((kept) => kept.turn)).toEqual([1, 2, 4, 5]);
	});

	it("forgets the whole history but keeps version and turn numbers counting", async () => {
		const conversation = await saved();
		expect(await forgetHistory(deps, conversation.id)).toBe(true);
		const forgotten = await store.getConversation(conversation.id);
		expect(forgotten).toEqual({ ...conversation, exchanges: [], droppedImagesNotified: false });
		expect(forgotten).toMatchObject({ nextVersion: 7, nextTurn: 5 });
	});

	it("returns false when there is no conversation to forget", async () => {
		expect(await forgetHistory(deps, "399999999999999998")).toBe(false);
		expect(await store.getConversation("399999999999999998")).toBeUndefined();
	});
});
