// bench/run.ts: `npm run bench`: the whole bot against the minimal bot on the project's fakes; prints a table, writes bench/results.json.
// `npm run bench -- --quick` (what .ci/run runs) does the same with few samples, so it cannot rot; it asserts nothing.
import { writeFile } from "node:fs/promises";
import { arch, cpus, platform } from "node:os";
import sharp from "sharp";
import { newConversation } from "../src/conversation/newConversation.js";
import { measureOverhead, type OverheadResult, type Scenario } from "./overhead.js";
import { round } from "./stats.js";
import { measureStorage } from "./storage.js";
import { measureThroughput } from "./throughput.js";
import { startWorld, type World } from "./world.js";

const quick = process.argv.includes("--quick");
const plan = quick
	? { samples: 3, warmup: 1, conversations: 10, latencyMs: 200, concurrency: 5, seeded: 90 }
	: { samples: 30, warmup: 3, conversations: 100, latencyMs: 2_000, concurrency: 20, seeded: 900 };
const SCENARIOS: Scenario[] = ["imagine", "photoMessage", "threadTurn2", "threadTurn20"];

/** A smooth picture (as photos are: noise scaled up), so JPEG and PNG compress it like the real thing. */
const picture = (width: number, height: number) =>
	sharp(Buffer.from(Array.from({ length: 64 * 48 * 3 }, () => Math.floor(Math.random() * 256))), {
		raw: { width: 64, height: 48, channels: 3 },
	}).resize(width, height, { kernel: "cubic" });
const output = await picture(1_024, 1_024).png().toBuffer();
const photo = {
	filename: "photo.jpg",
	contentType: "image/jpeg",
	data: await picture(4_000, 3_000).jpeg({ quality: 90 }).toBuffer(),
};
const mb = (bytes: number) => round(bytes / 1e6, 2);
console.log(
	`model output: ${mb(output.length)} MB PNG 1024 px; member photo: ${mb(photo.data.length)} MB JPEG 4000x3000`,
);

async function withWorlds<T>(make: () => Promise<World[]>, run: (worlds: World[]) => Promise<T>): Promise<T> {
	const worlds = await make();
	try {
		return await run(worlds);
	} finally {
		for (const world of worlds) await world.stop();
	}
}

const overhead = await withWorlds(
	async () => [await startWorld("bot"), await startWorld("minimal")],
	([bot, minimal]) =>
		measureOverhead({ bot: bot as World, minimal: minimal as World }, { ...plan, scenarios: SCENARIOS, output, photo }),
);

const throughput = { sqlite: undefined as unknown, redis: undefined as unknown, minimal: undefined as unknown };
let rssMb = 0;
for (const store of ["sqlite", "redis"] as const) {
	throughput[store] = await withWorlds(
		async () => [await startWorld("bot", { store, concurrency: plan.concurrency })],
		async ([world]) => {
			const bot = world as World;
			// Stored conversations the run does not touch: the store holds them, the process should not.
			if (store === "sqlite" && bot.bot) {
				for (let index = 0; index < plan.seeded; index++) {
					const image = await bot.bot.deps.store.putImage({
						data: await picture(256, 256).png().toBuffer(),
						mimeType: "image/png",
					});
					await bot.bot.deps.store.saveConversation({
						...newConversation({
							id: `9${String(index).padStart(17, "0")}`,
							guildId: bot.discord.guildId,
							ownerId: bot.discord.userId,
							model: "gemini-3.1-flash-image",
							title: "seeded",
							options: { output: "image_and_text" },
						}),
						exchanges: [
							{
								turn: 1,
								user: [{ kind: "text", text: "seeded" }],
								model: [{ kind: "image", image, version: 1 }],
								requesterId: bot.discord.userId,
								modelId: "gemini-3.1-flash-image",
								options: { output: "image_and_text" },
								at: new Date().toISOString(),
								ms: 1,
								messageIds: [],
							},
						],
					});
				}
			}
			const result = await measureThroughput(bot, {
				conversations: plan.conversations,
				modelLatencyMs: plan.latencyMs,
				concurrency: plan.concurrency,
				output,
			});
			if (store === "sqlite") rssMb = round(process.memoryUsage().rss / 1_048_576, 0);
			return result;
		},
	);
}
throughput.minimal = await withWorlds(
	async () => [await startWorld("minimal", { concurrency: plan.concurrency })],
	([world]) =>
		measureThroughput(world as World, {
			conversations: plan.conversations,
			modelLatencyMs: plan.latencyMs,
			concurrency: plan.concurrency,
			output,
		}),
);
const storage = await withWorlds(
	async () => [await startWorld("bot")],
	([world]) => measureStorage(world as World, { turns: 30, output }),
);

type Throughput = Awaited<ReturnType<typeof measureThroughput>>;
const [sqliteRun, redisRun, minimalRun] = [throughput.sqlite, throughput.redis, throughput.minimal] as Throughput[];
const rows: [string, string, string, string][] = [];
const met = (ok: boolean) => (ok ? "met" : "not met");
for (const result of overhead as OverheadResult[]) {
	rows.push([
		`overhead ${result.scenario} (median, p99 ms)`,
		`${result.bot.medianMs}, ${result.bot.p99Ms} vs minimal ${result.minimal.medianMs}, ${result.minimal.p99Ms}; REST calls ${result.bot.restCalls} vs ${result.minimal.restCalls}`,
		`${result.ratioMedian}x [${result.ratioInterval.join(", ")}], p99 ${result.ratioP99}x`,
		`median <= 1.15x, p99 <= 1.5x: ${met(result.ratioMedian <= 1.15 && result.ratioP99 <= 1.5)}`,
	]);
}
for (const [name, run] of [
	["SQLite", sqliteRun],
	["Redis", redisRun],
] as const) {
	if (!run || !minimalRun) continue;
	rows.push([
		`throughput ${run.conversations} at once, ${run.modelLatencyMs} ms model, concurrency ${run.concurrency} (${name})`,
		`last image ${run.lastImageMs} ms (ideal ${run.idealMs}, minimal bot ${minimalRun.lastImageMs}); event loop max ${run.maxEventLoopDelayMs} ms; late acks ${run.lateAcks}`,
		`${run.ratioToIdeal}x ideal, ${round(run.lastImageMs / minimalRun.lastImageMs)}x minimal`,
		`<= 1.1x ideal, loop < 50 ms: ${met(run.ratioToIdeal <= 1.1 && run.maxEventLoopDelayMs < 50)}`,
	]);
}
rows.push([
	"stored bytes per image byte",
	`${storage.storedBytesPerImageByte}`,
	`${storage.storedBytesPerImageByte}x`,
	`<= 1.4x: ${met(storage.storedBytesPerImageByte <= 1.4)}`,
]);
rows.push([
	"load a 20-turn thread (record + replayed images)",
	`SQLite ${storage.loadThreadMs.sqlite} ms, Redis ${storage.loadThreadMs.redis} ms`,
	"",
	"",
]);
rows.push([
	`RSS after ${plan.seeded + plan.conversations} stored conversations, ${plan.conversations} active`,
	`${rssMb} MiB (the bench process: bot, fakes)`,
	"",
	"",
]);
rows.push([
	"request growth (bytes, est. tokens)",
	storage.growth.map((row) => `t${row.turn} ${mb(row.requestBytes)} MB ${row.estimatedTokens}`).join("; "),
	`turn 30 / turn 5 = ${storage.turn30ToTurn5}x`,
	`<= 1.5x: ${met(storage.turn30ToTurn5 <= 1.5)}`,
]);

console.log(
	`\n| measure | figures | ratio | target |\n|---|---|---|---|\n${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}`,
);
const results = {
	at: new Date().toISOString(),
	mode: quick ? "quick" : "full",
	machine: { platform: platform(), arch: arch(), cpus: cpus().length, node: process.version },
	inputs: { outputPngBytes: output.length, photoJpegBytes: photo.data.length, ...plan },
	overhead,
	throughput: { sqlite: sqliteRun, redis: redisRun, minimal: minimalRun },
	storage: { ...storage, rssMb },
	table: rows,
};
await writeFile(
	new URL(quick ? "./results.quick.json" : "./results.json", import.meta.url),
	`${JSON.stringify(results, null, "\t")}\n`,
);
console.log(`\nwrote bench/${quick ? "results.quick.json" : "results.json"}`);
