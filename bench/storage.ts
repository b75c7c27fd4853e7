// bench/storage.ts: what a thread costs the store (bytes per image turn, load time) and what its requests weigh as it grows.
import { performance } from "node:perf_hooks";
import { imageReply } from "../fakes/fakeGemini.js";
import { planHistory } from "../src/conversation/historyBudget.js";
import { createStore, type Store } from "../src/conversation/store.js";
import type { Conversation } from "../src/conversation/types.js";
import { capabilitiesOf } from "../src/gemini/models.js";
import { deleteRedisKeys, REDIS_URL } from "../test/redisKeys.js";
import { median, round } from "./stats.js";
import { timeTurn, type World } from "./world.js";

export type GrowthRow = { turn: number; requestBytes: number; estimatedTokens: number };
export type StorageResult = {
	growth: GrowthRow[];
	turn30ToTurn5: number;
	storedBytesPerImageByte: number;
	loadThreadMs: { sqlite: number; redis: number };
};

type RequestPart = { text?: string; inlineData?: { data?: string } };

/** Median time to load a thread as a turn does: its record, then the images its next request replays. */
async function loadTime(store: Store, id: string): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < 20; run++) {
		const started = performance.now();
		const loaded = (await store.getConversation(id)) as Conversation;
		const plan = planHistory(loaded.exchanges, { textLength: 20, imageBytes: [] }, capabilitiesOf(loaded.model));
		for (const [index, exchange] of loaded.exchanges.entries()) {
			for (const role of ["user", "model"] as const) {
				for (const [part, stored] of exchange[role].entries()) {
					if (stored.kind === "image" && !plan.droppedImages.has(`${index}:${role}:${part}`)) {
						await store.getImage(stored.image.sha256);
					}
				}
			}
		}
		times.push(performance.now() - started);
	}
	return round(median(times), 2);
}

/** The thread as it is now, loaded from the bot's SQLite store and from a copy in Redis. */
async function measureLoad(sqlite: Store, id: string, namespace: string): Promise<{ sqlite: number; redis: number }> {
	const conversation = (await sqlite.getConversation(id)) as Conversation;
	const redis = await createStore(REDIS_URL, `${namespace}-load`);
	try {
		for (const part of conversation.exchanges.flatMap((exchange) => [...exchange.user, ...exchange.model])) {
			const data = part.kind === "image" ? await sqlite.getImage(part.image.sha256) : undefined;
			if (part.kind === "image" && data) await redis.putImage({ data, mimeType: part.image.mimeType });
		}
		await redis.saveConversation(conversation);
		return { sqlite: await loadTime(sqlite, id), redis: await loadTime(redis, id) };
	} finally {
		await redis.close();
		await deleteRedisKeys(`${namespace}-load:`);
	}
}

/** Plays a `turns`-turn thread on the bot's SQLite store, recording each Gemini request's size. */
export async function measureStorage(world: World, options: { turns: number; output: Buffer }): Promise<StorageResult> {
	const { discord, gemini, bot } = world;
	if (!bot) throw new Error("storage is measured on the real bot");
	const perImage = capabilitiesOf(bot.deps.config.gemini.model).tokensPerInputImage;
	const growth: GrowthRow[] = [];
	/** The turn's Gemini request: its JSON size, and tokens estimated as the budget does (4 chars, a flat image). */
	const record = () => {
		const request = gemini.requests.at(-1);
		if (!request) return;
		const parts = request.body.contents.flatMap((content) => content.parts as RequestPart[]);
		const text = parts.reduce((sum, part) => sum + (part.text?.length ?? 0), 0);
		const images = parts.filter((part) => part.inlineData?.data).length;
		growth.push({
			turn: growth.length + 1,
			requestBytes: JSON.stringify(request.body).length,
			estimatedTokens: Math.ceil(text / 4) + images * perImage,
		});
	};
	gemini.enqueue(imageReply([options.output]));
	await timeTurn(
		world,
		() =>
			discord.slashCommand({
				name: "imagine",
				channelId: discord.textChannelId,
				options: { prompt: "a growing thread" },
			}),
		record,
	);
	const thread = discord.threads().find((candidate) => candidate.name === "a growing thread");
	if (!thread) throw new Error("no thread");
	let loadThreadMs = { sqlite: Number.NaN, redis: Number.NaN };
	for (let turn = 2; turn <= options.turns; turn++) {
		gemini.enqueue(imageReply([options.output]));
		await timeTurn(
			world,
			() => discord.userMessage({ channelId: thread.id, content: `turn ${turn}: a bit more yellow` }),
			record,
		);
		if (turn === Math.min(20, options.turns))
			loadThreadMs = await measureLoad(bot.deps.store, thread.id, world.namespace);
	}
	const conversation = await bot.deps.store.getConversation(thread.id);
	if (!conversation) throw new Error("no conversation");
	// Everything the thread put in the store (its record and blobs, as stored) against its images' own bytes.
	const hashes = new Set<string>();
	let imageBytes = 0;
	for (const exchange of conversation.exchanges) {
		for (const part of [...exchange.user, ...exchange.model]) {
			if (part.kind === "image" && !hashes.has(part.image.sha256)) {
				hashes.add(part.image.sha256);
				imageBytes += part.image.bytes;
			}
		}
	}
	const keyv = bot.deps.store.keyv;
	let storedBytes = JSON.stringify(await keyv.get(`conv:${conversation.id}`)).length;
	// Blobs are stored as their bytes (an SQLite BLOB; a binary Redis string), the record as keyv's JSON.
	for (const sha of hashes) storedBytes += (await bot.deps.store.getImage(sha))?.length ?? 0;
	const at = (turn: number) => growth[turn - 1]?.requestBytes ?? Number.NaN;
	return {
		growth: growth.filter((row) => [1, 5, 10, 20, 30].includes(row.turn)),
		turn30ToTurn5: round(at(Math.min(30, growth.length)) / at(5)),
		storedBytesPerImageByte: round(storedBytes / imageBytes),
		loadThreadMs,
	};
}
