import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GenerateContentParameters, GenerateContentResponse } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newConversation } from "../../src/conversation/newConversation.js";
import {
	assignVersions,
	type CommitInfo,
	commitTurn,
	PLACEHOLDER_SIGNATURE,
	runTurn,
	userTurnOf,
} from "../../src/conversation/runTurn.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import type { Conversation, Exchange, InputImage, UserTurn } from "../../src/conversation/types.js";
import type { GeminiResult, GenerateContent } from "../../src/gemini/generate.js";
import type { ModelReply } from "../../src/gemini/types.js";
import { testAdmission } from "./admission.js";

const admission = await testAdmission();
/** A generous deadline: these canned calls answer at once. */
const CALL = { deadline: Date.now() + 3_600_000 };

type SentPart = {
	text?: string;
	thought?: boolean;
	thoughtSignature?: string;
	inlineData?: { mimeType?: string; data?: string };
};
type SentContent = { role: string; parts: SentPart[] };

let dir = "";
let store: Store;
let conversationCounter = 0;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), "run-turn-"));
	store = await createStore(`sqlite://${join(dir, "t.sqlite")}`, "nbt");
});

afterAll(async () => {
	await store?.close();
	await rm(dir, { recursive: true, force: true });
});

/** A canned model: answers each call with the next scripted result and records every request. */
function cannedGenerate(results: GeminiResult[]) {
	const requests: GenerateContentParameters[] = [];
	const generate: GenerateContent = async (request) => {
		requests.push(request);
		const next = results.shift();
		if (!next) throw new Error("the canned model has no more answers");
		return next;
	};
	return { generate, requests, contentsOf: (index: number) => requests[index]?.contents as SentContent[] };
}

const imageAnswer = (parts: SentPart[], finishReason = "STOP"): GeminiResult => ({
	response: {
		candidates: [{ content: { role: "model", parts }, finishReason, index: 0 }],
	} as unknown as GenerateContentResponse,
});

const blockedAnswer = (): GeminiResult => ({
	response: {
		candidates: [{ content: { role: "model", parts: [] }, finishReason: "IMAGE_SAFETY", index: 0 }],
	} as unknown as GenerateContentResponse,
	finishMessage: "Support codes: 63429089",
});

const bytes = (label: string) => Buffer.from(`bytes of ${label}`);
const b64 = (buffer: Buffer) => buffer.toString("base64");
const sha = (buffer: Buffer) => createHash("sha256").update(buffer).digest("hex");

const inputImage = (data: Buffer): InputImage => ({
	data,
	mimeType: "image/jpeg",
	width: 64,
	height: 64,
	firstFrameOnly: false,
});

const userTurn = (text: string, images: Buffer[] = []): UserTurn => ({
	text,
	images: images.map(inputImage),
	requesterId: "200000000000000002",
	options: { output: "image_and_text" },
});

const conversationWith = (model = "gemini-3.1-flash-image"): Conversation =>
	newConversation({
		id: `30000000000000000${conversationCounter++}`,
		ownerId: "200000000000000002",
		model,
		title: "test",
		options: { output: "image_and_text" },
	});

type PartsReply = Extract<ModelReply, { kind: "parts" }>;

/** What playTurn hands commitTurn: versions from assignVersions, the ids of the messages it sent, how long it took. */
const commitInfo = (
	conversation: Conversation,
	turn: UserTurn,
	reply: PartsReply,
	extra: Partial<CommitInfo> = {},
): CommitInfo => ({
	droppedImages: 0,
	versions: assignVersions(conversation, turn, reply),
	messageIds: ["900000000000000009"],
	ms: 1_500,
	...extra,
});

/** Plays one turn through runTurn and commits it when it produced images, as playTurn does. */
async function play(conversation: Conversation, turn: UserTurn, answer: GeminiResult) {
	const model = cannedGenerate([answer]);
	const result = await runTurn({ generate: model.generate, store, vertex: false }, conversation, turn, admission, CALL);
	if (result.reply.kind !== "parts") throw new Error(`expected parts, got ${result.reply.kind}`);
	const info = commitInfo(conversation, turn, result.reply, { droppedImages: result.droppedImages });
	const updated = await commitTurn(store, conversation, turn, result.reply, info);
	return { updated, request: model.contentsOf(0) };
}

describe("runTurn", () => {
	it("replays every earlier turn in order, images as base64 and signatures verbatim", async () => {
		const cat = bytes("cat");
		const out1 = bytes("out1");
		const out2 = bytes("out2");
		let conversation = conversationWith();
		({ updated: conversation } = await play(
			conversation,
			userTurn("put my cat on a sofa", [cat]),
			imageAnswer([
				{ text: "thinking", thought: true },
				{ text: "Your cat on a sofa.", thoughtSignature: "sig/text+1==" },
				{ inlineData: { mimeType: "image/png", data: b64(out1) }, thoughtSignature: "sig/img+1==" },
			]),
		));
		({ updated: conversation } = await play(
			conversation,
			userTurn("now make the sofa yellow"),
			imageAnswer([{ inlineData: { mimeType: "image/png", data: b64(out2) }, thoughtSignature: "sig-img-2" }]),
		));

		const model = cannedGenerate([imageAnswer([{ inlineData: { mimeType: "image/png", data: b64(bytes("out3")) } }])]);
		await runTurn(
			{ generate: model.generate, store, vertex: false },
			conversation,
			userTurn("add a hat"),
			admission,
			CALL,
		);
		expect(model.contentsOf(0)).toEqual([
			{
				role: "user",
				parts: [{ inlineData: { mimeType: "image/jpeg", data: b64(cat) } }, { text: "put my cat on a sofa" }],
			},
			{
				role: "model",
				parts: [
					{ text: "Your cat on a sofa.", thoughtSignature: "sig/text+1==" },
					{ inlineData: { mimeType: "image/png", data: b64(out1) }, thoughtSignature: "sig/img+1==" },
				],
			},
			{ role: "user", parts: [{ text: "now make the sofa yellow" }] },
			{
				role: "model",
				parts: [{ inlineData: { mimeType: "image/png", data: b64(out2) }, thoughtSignature: "sig-img-2" }],
			},
			{ role: "user", parts: [{ text: "add a hat" }] },
		]);
	});

	it("puts the new turn's images before its text, in the order attached", async () => {
		const first = bytes("first attachment");
		const second = bytes("second attachment");
		const model = cannedGenerate([imageAnswer([{ inlineData: { mimeType: "image/png", data: b64(bytes("x")) } }])]);
		await runTurn(
			{ generate: model.generate, store, vertex: false },
			conversationWith(),
			userTurn("combine these", [first, second]),
			admission,
			CALL,
		);
		expect(model.contentsOf(0)).toEqual([
			{
				role: "user",
				parts: [
					{ inlineData: { mimeType: "image/jpeg", data: b64(first) } },
					{ inlineData: { mimeType: "image/jpeg", data: b64(second) } },
					{ text: "combine these" },
				],
			},
		]);
	});

	it("replaces a dropped model image by a placeholder carrying PLACEHOLDER_SIGNATURE", async () => {
		// gemini-2.5-flash-image keeps at most 6 images in context.
		let conversation = conversationWith("gemini-2.5-flash-image");
		for (let turn = 0; turn < 4; turn++) {
			({ updated: conversation } = await play(
				conversation,
				userTurn(`turn ${turn}`, [bytes(`in ${turn}`)]),
				imageAnswer([
					{
						inlineData: { mimeType: "image/png", data: b64(bytes(`out ${turn}`)) },
						...(turn === 1 ? {} : { thoughtSignature: `sig-${turn}` }),
					},
				]),
			));
		}
		const model = cannedGenerate([imageAnswer([{ inlineData: { mimeType: "image/png", data: b64(bytes("y")) } }])]);
		// 8 stored images + 1 new; 5 earlier ones fit: the latest answer and the member's 4 uploads stay, the 3 older
		// answers drop (see planHistory).
		const result = await runTurn(
			{ generate: model.generate, store, vertex: false },
			conversation,
			userTurn("again", [bytes("new")]),
			admission,
			CALL,
		);
		expect(result.droppedImages).toBe(3);
		const contents = model.contentsOf(0);
		expect(contents[0]?.parts[0]?.inlineData?.data).toBe(b64(bytes("in 0")));
		expect(contents[1]?.parts[0]).toEqual({
			text: expect.stringContaining("left out"),
			thoughtSignature: PLACEHOLDER_SIGNATURE,
		});
		// Turn 1's answer had no signature: its placeholder has none either.
		expect(contents[3]?.parts[0]).toEqual({ text: expect.stringContaining("left out") });
		expect(contents[3]?.parts[0]).not.toHaveProperty("thoughtSignature");
		expect(contents[5]?.parts[0]).toEqual({
			text: expect.stringContaining("left out"),
			thoughtSignature: PLACEHOLDER_SIGNATURE,
		});
		// The latest answer is replayed whole, with its signature.
		expect(contents[7]?.parts[0]).toEqual({
			inlineData: { mimeType: "image/png", data: b64(bytes("out 3")) },
			thoughtSignature: "sig-3",
		});
		expect(contents.at(-1)?.parts[0]?.inlineData?.data).toBe(b64(bytes("new")));
	});

	it("never commits a blocked reply: the next turn sends the same history as before", async () => {
		let conversation = conversationWith();
		({ updated: conversation } = await play(
			conversation,
			userTurn("a red car"),
			imageAnswer([{ inlineData: { mimeType: "image/png", data: b64(bytes("car")) }, thoughtSignature: "car-sig" }]),
		));
		const storedBefore = await store.getConversation(conversation.id);
		const turn = userTurn("make it explicit");
		const model = cannedGenerate([blockedAnswer(), blockedAnswer()]);
		const blocked = await runTurn(
			{ generate: model.generate, store, vertex: false },
			conversation,
			turn,
			admission,
			CALL,
		);
		expect(blocked.reply).toMatchObject({ kind: "blocked", stage: "output", category: "sexual" });
		// The caller only commits parts; a blocked reply leaves the stored conversation as it was.
		expect(await store.getConversation(conversation.id)).toEqual(storedBefore);
		const reloaded = (await store.getConversation(conversation.id)) as Conversation;
		await runTurn({ generate: model.generate, store, vertex: false }, reloaded, turn, admission, CALL);
		expect(model.requests).toHaveLength(2);
		expect(model.contentsOf(1)).toEqual(model.contentsOf(0));
		expect(model.contentsOf(1)).toHaveLength(3);
	});
});

describe("commitTurn", () => {
	it("stores image bytes once by sha256 and appends the exchange", async () => {
		const same = bytes(`same bytes ${Date.now()}-${Math.random()}`);
		const conversation = conversationWith();
		const turn = userTurn("echo this", [same]);
		const reply: PartsReply = {
			kind: "parts",
			truncated: false,
			parts: [
				{ kind: "text", text: "Same picture back.", thoughtSignature: "t-sig" },
				{ kind: "image", data: same, mimeType: "image/jpeg", thoughtSignature: "i-sig" },
			],
		};
		const keysBefore = await imageKeys();
		const updated = await commitTurn(store, conversation, turn, reply, commitInfo(conversation, turn, reply));
		const added = (await imageKeys()).filter((key) => !keysBefore.includes(key));
		expect(added).toEqual([`img:${sha(same)}`]);
		expect((await store.getImage(sha(same)))?.equals(same)).toBe(true);

		expect(updated.exchanges).toHaveLength(1);
		expect(updated.exchanges[0]).toMatchObject({
			user: [
				{ kind: "image", image: { sha256: sha(same), mimeType: "image/jpeg", bytes: same.length }, version: 1 },
				{ kind: "text", text: "echo this" },
			],
			model: [
				{ kind: "text", text: "Same picture back.", thoughtSignature: "t-sig" },
				{
					kind: "image",
					image: { sha256: sha(same), mimeType: "image/jpeg", bytes: same.length },
					version: 2,
					thoughtSignature: "i-sig",
				},
			],
			requesterId: "200000000000000002",
			modelId: "gemini-3.1-flash-image",
		});
		expect(updated.droppedImagesNotified).toBe(false);
		expect(conversation.exchanges).toHaveLength(0);
		expect(await store.getConversation(conversation.id)).toEqual(updated);

		// Committing the same bytes again in a later exchange still adds no blob.
		const again = await commitTurn(store, updated, turn, reply, commitInfo(updated, turn, reply, { droppedImages: 2 }));
		expect((await imageKeys()).filter((key) => !keysBefore.includes(key))).toEqual([`img:${sha(same)}`]);
		expect(again.exchanges).toHaveLength(2);
		expect(again.droppedImagesNotified).toBe(true);
	});
});

const modelImage = (data: Buffer): PartsReply["parts"][number] => ({ kind: "image", data, mimeType: "image/png" });
const partsReply = (parts: PartsReply["parts"], usage?: PartsReply["usage"]): PartsReply => ({
	kind: "parts",
	truncated: false,
	parts,
	...(usage ? { usage } : {}),
});

describe("commitTurn versions", () => {
	it("numbers the uploads first, then the model's images, and advances nextVersion and nextTurn", async () => {
		const conversation = conversationWith();
		const uploads = [bytes(`upload a ${randomUUID()}`), bytes(`upload b ${randomUUID()}`)];
		const turn = userTurn("put these together", uploads);
		const outputs = [bytes(`output a ${randomUUID()}`), bytes(`output b ${randomUUID()}`)];
		const usage = { promptTokens: 2_300, outputTokens: 2_580, totalTokens: 4_880 };
		const reply = partsReply(
			[{ kind: "text", text: "Two takes." }, modelImage(outputs[0] as Buffer), modelImage(outputs[1] as Buffer)],
			usage,
		);
		const versions = assignVersions(conversation, turn, reply);
		expect(versions).toEqual({ user: [1, 2], model: [3, 4] });

		const messageIds = ["900000000000000001", "900000000000000002"];
		const updated = await commitTurn(store, conversation, turn, reply, {
			droppedImages: 0,
			versions,
			messageIds,
			ms: 4_200,
		});
		expect(updated).toMatchObject({ nextVersion: 5, nextTurn: 2 });
		expect(updated.exchanges).toHaveLength(1);
		expect(updated.exchanges[0]).toMatchObject({
			turn: 1,
			user: [
				{ kind: "image", image: { sha256: sha(uploads[0] as Buffer) }, version: 1 },
				{ kind: "image", image: { sha256: sha(uploads[1] as Buffer) }, version: 2 },
				{ kind: "text", text: "put these together" },
			],
			model: [
				{ kind: "text", text: "Two takes." },
				{ kind: "image", image: { sha256: sha(outputs[0] as Buffer) }, version: 3 },
				{ kind: "image", image: { sha256: sha(outputs[1] as Buffer) }, version: 4 },
			],
			options: { output: "image_and_text" },
			ms: 4_200,
			usage,
			messageIds,
		});

		// The next turn carries on from there: no uploads, one image, v5 in turn 2.
		const next = userTurn("now at night");
		const nextReply = partsReply([modelImage(bytes(`night ${randomUUID()}`))]);
		const second = await commitTurn(store, updated, next, nextReply, commitInfo(updated, next, nextReply));
		expect(second.exchanges.map((exchange) => exchange.turn)).toEqual([1, 2]);
		expect(second.exchanges[1]?.user).toEqual([{ kind: "text", text: "now at night" }]);
		expect(second.exchanges[1]?.model).toMatchObject([{ kind: "image", version: 5 }]);
		expect(second.exchanges[1]).not.toHaveProperty("usage");
		expect(second).toMatchObject({ nextVersion: 6, nextTurn: 3 });
		expect(await store.getConversation(conversation.id)).toEqual(second);
	});

	it("replaces the last exchange on replaceLast, with a new turn number and versions never reused", async () => {
		let conversation = conversationWith();
		const first = userTurn("a cat");
		const firstReply = partsReply([modelImage(bytes(`cat ${randomUUID()}`))]);
		conversation = await commitTurn(
			store,
			conversation,
			first,
			firstReply,
			commitInfo(conversation, first, firstReply),
		);
		const hat = bytes(`hat ${randomUUID()}`);
		const second = userTurn("add this hat", [hat]);
		const secondReply = partsReply([modelImage(bytes(`cat in hat ${randomUUID()}`))]);
		conversation = await commitTurn(
			store,
			conversation,
			second,
			secondReply,
			commitInfo(conversation, second, secondReply),
		);
		// v1 the cat (turn 1); v2 the hat upload and v3 the cat in the hat (turn 2).
		expect(conversation).toMatchObject({ nextVersion: 4, nextTurn: 3 });
		const kept = conversation.exchanges[0];

		const issued = new Set([1, 2, 3]);
		for (const expected of [
			{ turn: 3, model: 4, nextVersion: 5, nextTurn: 4 },
			{ turn: 4, model: 5, nextVersion: 6, nextTurn: 5 },
		]) {
			const last = conversation.exchanges.at(-1) as Exchange;
			const reroll = await userTurnOf(store, last);
			const reply = partsReply([modelImage(bytes(`cat in hat again ${randomUUID()}`))]);
			const versions = assignVersions(conversation, reroll, reply);
			// The hat keeps v2; the new picture takes a number never handed out before.
			expect(versions).toEqual({ user: [2], model: [expected.model] });
			expect(issued.has(expected.model)).toBe(false);
			issued.add(expected.model);

			const rerolled = await commitTurn(store, conversation, reroll, reply, {
				droppedImages: 0,
				versions,
				messageIds: ["900000000000000003"],
				ms: 900,
				replaceLast: true,
			});
			expect(rerolled.exchanges).toHaveLength(2);
			expect(rerolled.exchanges[0]).toEqual(kept);
			expect(rerolled.exchanges[1]).toMatchObject({
				turn: expected.turn,
				user: [
					{ kind: "image", image: { sha256: sha(hat) }, version: 2 },
					{ kind: "text", text: "add this hat" },
				],
				model: [{ kind: "image", version: expected.model }],
				messageIds: ["900000000000000003"],
			});
			expect(rerolled).toMatchObject({ nextVersion: expected.nextVersion, nextTurn: expected.nextTurn });
			expect(await store.getConversation(conversation.id)).toEqual(rerolled);
			conversation = rerolled;
		}
	});
});

describe("assignVersions", () => {
	it("keeps the version of an input already in the thread and numbers the rest from nextVersion", () => {
		const images: InputImage[] = [
			{ ...inputImage(bytes("from v2")), version: 2 },
			inputImage(bytes("new upload")),
			{ ...inputImage(bytes("from v7")), version: 7 },
		];
		const reply = partsReply([
			{ kind: "text", text: "First" },
			modelImage(bytes("out 1")),
			{ kind: "text", text: "Second" },
			modelImage(bytes("out 2")),
		]);
		expect(assignVersions({ nextVersion: 9 }, { images }, reply)).toEqual({ user: [2, 9, 7], model: [10, 11] });
	});

	it("gives a reroll whose inputs all have versions only new model versions", () => {
		const images: InputImage[] = [{ ...inputImage(bytes("v3")), version: 3 }];
		const reply = partsReply([modelImage(bytes("again"))]);
		expect(assignVersions({ nextVersion: 6 }, { images }, reply)).toEqual({ user: [3], model: [6] });
	});

	it("numbers nothing when the turn has no images", () => {
		const reply = partsReply([{ kind: "text", text: "Only words." }]);
		expect(assignVersions({ nextVersion: 4 }, { images: [] }, reply)).toEqual({ user: [], model: [] });
	});
});

describe("userTurnOf", () => {
	it("rebuilds text and images of a stored exchange, bytes from the store and versions kept", async () => {
		const photo = bytes(`photo ${randomUUID()}`);
		const sketch = bytes(`sketch ${randomUUID()}`);
		const photoRef = await store.putImage({ data: photo, mimeType: "image/jpeg" });
		const sketchRef = await store.putImage({ data: sketch, mimeType: "image/png" });
		const exchange: Exchange = {
			turn: 4,
			user: [
				{ kind: "image", image: photoRef, version: 3 },
				{ kind: "image", image: sketchRef, version: 5 },
				{ kind: "text", text: "line one" },
				{ kind: "text", text: "line two" },
			],
			model: [{ kind: "image", image: photoRef, version: 6 }],
			requesterId: "200000000000000007",
			modelId: "gemini-3.1-flash-image",
			options: { output: "image", aspect: "16:9", size: "2K" },
			at: "2026-01-01T00:00:00.000Z",
			ms: 3_000,
			messageIds: ["900000000000000004"],
		};
		const turn = await userTurnOf(store, exchange);
		expect(turn).toMatchObject({
			text: "line one\nline two",
			requesterId: "200000000000000007",
			options: { output: "image", aspect: "16:9", size: "2K" },
		});
		expect(turn.images.map((image) => [image.mimeType, image.version])).toEqual([
			["image/jpeg", 3],
			["image/png", 5],
		]);
		expect(turn.images[0]?.data.equals(photo)).toBe(true);
		expect(turn.images[1]?.data.equals(sketch)).toBe(true);
	});

	it("gives back what commitTurn stored", async () => {
		const conversation = conversationWith();
		const upload = bytes(`round trip ${randomUUID()}`);
		const turn = userTurn("make it pop", [upload]);
		const reply = partsReply([modelImage(bytes(`popped ${randomUUID()}`))]);
		const updated = await commitTurn(store, conversation, turn, reply, commitInfo(conversation, turn, reply));
		const rebuilt = await userTurnOf(store, updated.exchanges[0] as Exchange);
		expect(rebuilt).toMatchObject({ text: "make it pop", requesterId: turn.requesterId, options: turn.options });
		expect(rebuilt.images).toHaveLength(1);
		expect(rebuilt.images[0]).toMatchObject({ mimeType: "image/jpeg", version: 1 });
		expect(rebuilt.images[0]?.data.equals(upload)).toBe(true);
	});
});

async function imageKeys(): Promise<string[]> {
	return (await store.imageHashes()).map((hash) => `img:${hash}`);
}
