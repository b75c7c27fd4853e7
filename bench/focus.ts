// bench/focus.ts: one part of `npm run bench`, for profiling a change: `node --import tsx bench/focus.ts photoMessage
// threadTurn20 --samples 20` (overhead scenarios, interleaved with the minimal bot), or `... throughput --store redis`.
// With BENCH_CPU_PROF=<folder> each bot process leaves a .cpuprofile there.
import { memberPhoto, modelOutput } from "./fixtures.js";
import { measureOverhead, type Scenario } from "./overhead.js";
import { round } from "./stats.js";
import { measureThroughput } from "./throughput.js";
import { startWorld, type World } from "./world.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const samples = Number(option("samples", "20"));
const store = option("store", "sqlite") === "redis" ? "redis" : "sqlite";
const SCENARIOS = new Set<string>(["imagine", "photoMessage", "threadTurn2", "threadTurn20"]);
const scenarios = args.filter((arg) => SCENARIOS.has(arg)) as Scenario[];
const output = await modelOutput();

if (scenarios.length > 0) {
	const photo = { filename: "photo.jpg", contentType: "image/jpeg", data: await memberPhoto() };
	const bot = await startWorld("bot", { ownProcess: true, store });
	const minimal = await startWorld("minimal", { ownProcess: true });
	try {
		const results = await measureOverhead({ bot, minimal }, { samples, warmup: 3, scenarios, output, photo });
		for (const result of results) console.log(JSON.stringify(result));
		console.log(
			JSON.stringify({ peakRssMb: { bot: (await bot.stats())?.maxRssMb, minimal: (await minimal.stats())?.maxRssMb } }),
		);
	} finally {
		await bot.stop();
		await minimal.stop();
	}
}

if (args.includes("throughput")) {
	const kind: World["kind"] = args.includes("--minimal") ? "minimal" : "bot";
	const conversations = Number(option("conversations", "100"));
	const world = await startWorld(kind, { ownProcess: true, store, concurrency: 20 });
	try {
		const result = await measureThroughput(world, { conversations, modelLatencyMs: 2_000, concurrency: 20, output });
		console.log(JSON.stringify({ kind, store, ...result, ratioToIdeal: round(result.ratioToIdeal) }));
	} finally {
		await world.stop();
	}
}
