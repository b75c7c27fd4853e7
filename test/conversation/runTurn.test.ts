import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GenerateContentParameters, GenerateContentResponse } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitTurn, PLACEHOLDER_SIGNATURE, runTurn } from "../../src/conversation/runTurn.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import type { Conversation, InputImage, UserTurn } from "../../src/conversation/types.js";
import type { GeminiResult, GenerateContent } from "../../src/gemini/generate.js";
import type { ModelReply } from "../../src/gemini/types.js";

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
	downscaled: false,
});

const userTurn = (text: string, images: Buffer[] = []): UserTurn => ({
	text,
	images: images.map(inputImage),
	requesterId: "200000000000000002",
	options: { output: "image_and_text" },
});

const newConversation = (model = "gemini-3.1-flash-image"): Conversation => ({
	id: `30000000000000000${conversationCounter++}`,
	ownerId: "200000000000000002",
	model,
	title: "test",
	createdAt: "2026-01-01T00:00:00.000Z",
	options: { output: "image_and_text" },
	exchanges: [],
	droppedImagesNotified: false,
});

/** Plays one turn through runTurn and commits it when it produced images, as takeTurn does. */
async function play(conversation: Conversation, turn: UserTurn, answer: GeminiResult) {
	const model = cannedGenerate([answer]);
	const result = await runTurn({ generate: model.generate, store }, conversation, turn);
	if (result.reply.kind !== "parts") throw new Error(`expected parts, got ${result.reply.kind}`);
	const updated = await commitTurn(store, conversation, turn, result.reply, { droppedImages: result.droppedImages });
	return { updated, request: model.contentsOf(0) };
}

describe("runTurn", () => {
	it("replays every earlier turn in order, images as base64 and signatures verbatim", async () => {
		const cat = bytes("cat");
		const out1 = bytes("out1");
		const out2 = bytes("out2");
		let conversation = newConversation();
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
		await runTurn({ generate: model.generate, store }, conversation, userTurn("add a hat"));
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
		await runTurn({ generate: model.generate, store }, newConversation(), userTurn("combine these", [first, second]));
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
		let conversation = newConversation("gemini-2.5-flash-image");
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
		// 8 stored images + 1 new: the 3 oldest drop (turn 0's input and output, turn 1's input).
		const result = await runTurn({ generate: model.generate, store }, conversation, userTurn("again", [bytes("new")]));
		expect(result.droppedImages).toBe(3);
		const contents = model.contentsOf(0);
		expect(contents[0]?.parts[0]).toEqual({ text: expect.stringContaining("left out") });
		expect(contents[0]?.parts[0]).not.toHaveProperty("thoughtSignature");
		expect(contents[1]?.parts[0]).toEqual({
			text: expect.stringContaining("left out"),
			thoughtSignature: PLACEHOLDER_SIGNATURE,
		});
		expect(contents[2]?.parts[0]).toEqual({ text: expect.stringContaining("left out") });
		// Turn 1's output was kept, turn 2 onwards whole.
		expect(contents[3]?.parts[0]?.inlineData?.data).toBe(b64(bytes("out 1")));
		expect(contents[5]?.parts[0]).toEqual({
			inlineData: { mimeType: "image/png", data: b64(bytes("out 2")) },
			thoughtSignature: "sig-2",
		});
		expect(contents.at(-1)?.parts[0]?.inlineData?.data).toBe(b64(bytes("new")));
	});

	it("never commits a blocked reply: the next turn sends the same history as before", async () => {
		let conversation = newConversation();
		({ updated: conversation } = await play(
			conversation,
			userTurn("a red car"),
			imageAnswer([{ inlineData: { mimeType: "image/png", data: b64(bytes("car")) }, thoughtSignature: "car-sig" }]),
		));
		const storedBefore = await store.getConversation(conversation.id);
		const turn = userTurn("make it explicit");
		const model = cannedGenerate([blockedAnswer(), blockedAnswer()]);
		const blocked = await runTurn({ generate: model.generate, store }, conversation, turn);
		expect(blocked.reply).toMatchObject({ kind: "blocked", stage: "output", category: "sexual" });
		// The caller only commits parts; a blocked reply leaves the stored conversation as it was.
		expect(await store.getConversation(conversation.id)).toEqual(storedBefore);
		const reloaded = (await store.getConversation(conversation.id)) as Conversation;
		await runTurn({ generate: model.generate, store }, reloaded, turn);
		expect(model.requests).toHaveLength(2);
		expect(model.contentsOf(1)).toEqual(model.contentsOf(0));
		expect(model.contentsOf(1)).toHaveLength(3);
	});
});

describe("commitTurn", () => {
	it("stores image bytes once by sha256 and appends the exchange", async () => {
		const same = bytes(`same bytes ${Date.now()}-${Math.random()}`);
		const conversation = newConversation();
		const turn = userTurn("echo this", [same]);
		const reply: Extract<ModelReply, { kind: "parts" }> = {
			kind: "parts",
			truncated: false,
			parts: [
				{ kind: "text", text: "Same picture back.", thoughtSignature: "t-sig" },
				{ kind: "image", data: same, mimeType: "image/jpeg", thoughtSignature: "i-sig" },
			],
		};
		const keysBefore = await imageKeys();
		const updated = await commitTurn(store, conversation, turn, reply, { droppedImages: 0 });
		const added = (await imageKeys()).filter((key) => !keysBefore.includes(key));
		expect(added).toEqual([`img:${sha(same)}`]);
		expect((await store.getImage(sha(same)))?.equals(same)).toBe(true);

		expect(updated.exchanges).toHaveLength(1);
		expect(updated.exchanges[0]).toMatchObject({
			user: [
				{ kind: "image", image: { sha256: sha(same), mimeType: "image/jpeg", bytes: same.length } },
				{ kind: "text", text: "echo this" },
			],
			model: [
				{ kind: "text", text: "Same picture back.", thoughtSignature: "t-sig" },
				{
					kind: "image",
					image: { sha256: sha(same), mimeType: "image/jpeg", bytes: same.length },
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
		const again = await commitTurn(store, updated, turn, reply, { droppedImages: 2 });
		expect((await imageKeys()).filter((key) => !keysBefore.includes(key))).toEqual([`img:${sha(same)}`]);
		expect(again.exchanges).toHaveLength(2);
		expect(again.droppedImagesNotified).toBe(true);
	});
});

async function imageKeys(): Promise<string[]> {
	const keys: string[] = [];
	if (!store.keyv.iterator) throw new Error("this keyv adapter cannot iterate");
	for await (const [key] of store.keyv.iterator(undefined)) if (String(key).startsWith("img:")) keys.push(String(key));
	return keys;
}
