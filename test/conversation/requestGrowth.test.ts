// A 30-turn thread through runTurn and commitTurn: requests stay bounded (turn 30 ≤ 1.5 × turn 5, never over 20 MB).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GenerateContentParameters, GenerateContentResponse } from "@google/genai";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newConversation } from "../../src/conversation/newConversation.js";
import { assignVersions, commitTurn, runTurn } from "../../src/conversation/runTurn.js";
import { createStore, type Store } from "../../src/conversation/store.js";
import type { Conversation, UserTurn } from "../../src/conversation/types.js";
import type { GenerateContent } from "../../src/gemini/generate.js";
import { testAdmission } from "./admission.js";

const MB = 1_000_000;
let dir = "";
let store: Store;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), "growth-"));
	store = await createStore(`sqlite://${join(dir, "t.sqlite")}`, "nbt");
});
afterAll(async () => {
	await store.close();
	await rm(dir, { recursive: true, force: true });
});

it("keeps every request of a 30-turn thread under 20 MB, turn 30 within 1.5 x turn 5", async () => {
	const admission = await testAdmission();
	const sizes: number[] = [];
	// Each answer: a ~1.5 MB image (incompressible bytes, as a PNG of a photo is) with a thought signature.
	const generate: GenerateContent = async (request: GenerateContentParameters) => {
		sizes.push(JSON.stringify(request).length);
		const data = randomBytes(1.5 * MB).toString("base64");
		const parts = [
			{ text: "Here it is.", thoughtSignature: "s".repeat(400) },
			{ inlineData: { mimeType: "image/png", data }, thoughtSignature: "t".repeat(400) },
		];
		return {
			response: {
				candidates: [{ content: { role: "model", parts }, finishReason: "STOP", index: 0 }],
			} as unknown as GenerateContentResponse,
		};
	};
	let conversation: Conversation = newConversation({
		id: "800000000000000008",
		guildId: "100000000000000001",
		ownerId: "200000000000000002",
		model: "gemini-3.1-flash-image",
		title: "growth",
		options: { output: "image_and_text" },
	});
	for (let turnNumber = 1; turnNumber <= 30; turnNumber++) {
		// The member attaches a 4 MB photo (normalised) on turn 1 and a 2 MB one every tenth turn.
		const upload = turnNumber === 1 ? 4 * MB : turnNumber % 10 === 0 ? 2 * MB : 0;
		const turn: UserTurn = {
			text: `turn ${turnNumber}: make it a little more yellow`,
			images: upload
				? [{ data: randomBytes(upload), mimeType: "image/jpeg", width: 2_048, height: 1_536, firstFrameOnly: false }]
				: [],
			requesterId: "200000000000000002",
			options: { output: "image_and_text" },
		};
		const { reply, droppedImages } = await runTurn({ generate, store, vertex: false }, conversation, turn, admission, {
			deadline: Date.now() + 60_000,
		});
		if (reply.kind !== "parts") throw new Error("a canned image answer parses to parts");
		conversation = await commitTurn(store, conversation, turn, reply, {
			droppedImages,
			versions: assignVersions(conversation, turn, reply),
			messageIds: [],
			ms: 1,
		});
	}
	const at = (turn: number) => sizes[turn - 1] ?? 0;
	expect(Math.max(...sizes)).toBeLessThanOrEqual(20 * MB);
	expect(at(30)).toBeLessThanOrEqual(1.5 * at(5));
	expect(at(20)).toBeLessThanOrEqual(1.5 * at(5));
}, 60_000);
