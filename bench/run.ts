// bench/run.ts: `npm run bench`: the whole bot against a minimal bot on the project's fakes; prints a table, writes bench/results.json.
// `npm run bench -- --quick` (what .ci/run runs) does the same with few samples, so it cannot rot; it asserts nothing.
import { writeFile } from "node:fs/promises";
import { arch, cpus, platform } from "node:os";
import { measureBackground } from "./background.js";
import { memberPhoto, modelOutput } from "./fixtures.js";
import { measureOverhead, type Scenario } from "./overhead.js";
import { round } from "./stats.js";
import { measureStorage } from "./storage.js";
import { measureThroughput, type ThroughputResult } from "./throughput.js";
import { startWorld, type World, type WorldOptions } from "./world.js";

const quick = process.argv.includes("--quick");
const plan = quick
	? { samples: 3, warmup: 1, conversations: 10, latencyMs: 500, concurrency: 5, seeded: 90 }
	: { samples: 30, warmup: 3, conversations: 100, latencyMs: 2_000, concurrency: 20, seeded: 900 };
const SCENARIOS: Scenario[] = ["imagine", "photoMessage", "threadTurn2", "threadTurn20"];
const output = await modelOutput();
const photo = { filename: "photo.jpg", contentType: "image/jpeg", data: await memberPhoto() };
const mb = (bytes: number) => round(bytes / 1e6, 2);
/** "8.35 MB", or "1.2 kB" for a request without images. */
const size = (bytes: number) => (bytes < 100_000 ? `${round(bytes / 1e3, 1)} kB` : `${mb(bytes)} MB`);
console.log(
	`model output ${mb(output.length)} MB PNG 1024 px; member photo ${mb(photo.data.length)} MB JPEG 4000x3000`,
);

/** Runs `task` on fresh worlds, always stopping them. */
async function using<T>(specs: [World["kind"], WorldOptions][], task: (worlds: World[]) => Promise<T>): Promise<T> {
	const worlds: World[] = [];
	try {
		for (const [kind, options] of specs) worlds.push(await startWorld(kind, options));
		return await task(worlds);
	} finally {
		for (const world of worlds) await world.stop();
	}
}

// Each bot in a process of its own, as in production: its CPU, memory and event loop are its own.
const overhead = await using(
	[
		["bot", { ownProcess: true }],
		["minimal", { ownProcess: true }],
	],
	async ([bot, minimal]) => {
		const results = await measureOverhead(
			{ bot: bot as World, minimal: minimal as World },
			{ ...plan, scenarios: SCENARIOS, output, photo },
		);
		const peak = {
			botMb: round((await bot?.stats())?.maxRssMb ?? 0, 0),
			minimalMb: round((await minimal?.stats())?.maxRssMb ?? 0, 0),
		};
		return { results, peak };
	},
);

const load = {
	conversations: plan.conversations,
	modelLatencyMs: plan.latencyMs,
	concurrency: plan.concurrency,
	output,
};
const throughput: Record<"sqlite" | "redis" | "minimal", ThroughputResult> = {
	sqlite: await using(
		[["bot", { store: "sqlite", concurrency: plan.concurrency, ownProcess: true }]],
		async ([world]) => {
			// Conversations the run does not touch: stored, so that the store holds seeded + conversations, the run's active.
			await world?.seed(plan.seeded, await modelOutput());
			return measureThroughput(world as World, load);
		},
	),
	redis: await using([["bot", { store: "redis", concurrency: plan.concurrency, ownProcess: true }]], ([world]) =>
		measureThroughput(world as World, load),
	),
	minimal: await using([["minimal", { concurrency: plan.concurrency, ownProcess: true }]], ([world]) =>
		measureThroughput(world as World, load),
	),
};
const storage = await using([["bot", {}]], ([world]) => measureStorage(world as World, { turns: 30, output }));

const met = (ok: boolean) => (ok ? "met" : "not met");
const rows: [string, string, string, string][] = [];
/** Issue 13's targets: /imagine's median and p99, a photo message's median; the thread turns are held to turn 2. */
const target = (result: (typeof overhead.results)[number]) => {
	if (result.scenario === "imagine")
		return `median <= 1.15x, p99 <= 1.5x: ${met(result.ratioMedian <= 1.15 && result.ratioP99 <= 1.5)}`;
	if (result.scenario === "photoMessage") return `median <= 1.3x: ${met(result.ratioMedian <= 1.3)}`;
	return "";
};
for (const result of overhead.results) {
	const cpu = result.bot.cpuMs !== undefined ? `; CPU ${result.bot.cpuMs} vs ${result.minimal.cpuMs} ms` : "";
	const cpuRatio =
		result.bot.cpuMs !== undefined && result.minimal.cpuMs ? round(result.bot.cpuMs / result.minimal.cpuMs) : undefined;
	rows.push([
		`${result.scenario}: median, p99 (ms)`,
		`${result.bot.medianMs}, ${result.bot.p99Ms} vs minimal ${result.minimal.medianMs}, ${result.minimal.p99Ms}; REST calls ${result.bot.restCalls} vs ${result.minimal.restCalls}${cpu}`,
		`${result.ratioMedian}x [${result.ratioInterval.join("-")}], p99 ${result.ratioP99}x${cpuRatio === undefined ? "" : `, CPU ${cpuRatio}x`}`,
		`${target(result)}${cpuRatio === undefined ? "" : `${target(result) ? "; " : ""}CPU <= 1.3x: ${met(cpuRatio <= 1.3)}`}`,
	]);
}
const turn = (scenario: Scenario) => overhead.results.find((result) => result.scenario === scenario)?.bot.medianMs;
const [turn2, turn20] = [turn("threadTurn2"), turn("threadTurn20")];
if (turn2 && turn20) {
	rows.push([
		"turn 20 of a thread against turn 2 (the bot's medians)",
		`${turn20} vs ${turn2} ms`,
		`${round(turn20 / turn2)}x`,
		`<= 1.3x: ${met(turn20 / turn2 <= 1.3)}`,
	]);
}
rows.push([
	"peak RSS over the overhead runs",
	`${overhead.peak.botMb} MiB vs minimal ${overhead.peak.minimalMb} MiB`,
	`${round(overhead.peak.botMb / overhead.peak.minimalMb)}x`,
	`<= 1.3x: ${met(overhead.peak.botMb / overhead.peak.minimalMb <= 1.3)}`,
]);
for (const store of ["sqlite", "redis"] as const) {
	const run = throughput[store];
	rows.push([
		`${run.conversations} at once, ${run.modelLatencyMs} ms model, concurrency ${run.concurrency} (${store === "sqlite" ? "SQLite" : "Redis"})`,
		`${run.images < run.conversations ? `ONLY ${run.images} images; ` : ""}last image ${run.lastImageMs} ms (ideal ${run.idealMs}, minimal bot ${throughput.minimal.lastImageMs}); event loop max ${run.maxEventLoopDelayMs} ms (minimal ${throughput.minimal.maxEventLoopDelayMs}); acks later than 3 s: ${run.lateAcks}`,
		`${run.ratioToIdeal}x ideal, ${round(run.lastImageMs / throughput.minimal.lastImageMs)}x minimal`,
		`<= 1.1x ideal, loop < 50 ms: ${met(run.ratioToIdeal <= 1.1 && run.maxEventLoopDelayMs < 50)}`,
	]);
}
rows.push([
	`RSS, ${plan.seeded + plan.conversations} stored conversations, ${plan.conversations} active`,
	`${throughput.sqlite.rssMb} MiB after, ${throughput.sqlite.maxRssMb} peak (minimal bot ${throughput.minimal.rssMb}, ${throughput.minimal.maxRssMb})`,
	"",
	"",
]);
rows.push([
	"stored bytes per image byte",
	`${storage.storedBytesPerImageByte}`,
	"",
	`<= 1.4x: ${met(storage.storedBytesPerImageByte <= 1.4)}`,
]);
rows.push([
	"load a 20-turn thread (record + replayed images)",
	`SQLite ${storage.loadThreadMs.sqlite} ms, Redis ${storage.loadThreadMs.redis} ms`,
	"",
	"",
]);
rows.push([
	"request per turn (bytes, est. tokens)",
	storage.growth.map((row) => `t${row.turn} ${size(row.requestBytes)}, ${row.estimatedTokens}`).join("; "),
	`turn 30 / turn 5: ${storage.turn30ToTurn5}x`,
	`<= 1.5x: ${met(storage.turn30ToTurn5 <= 1.5)}`,
]);

rows.push(...(await measureBackground(quick ? 1 : 2)));

console.log(
	`\n| measure | figures | ratio | target |\n|---|---|---|---|\n${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}`,
);
const file = quick ? "results.quick.json" : "results.json";
const results = {
	at: new Date().toISOString(),
	mode: quick ? "quick" : "full",
	machine: { platform: platform(), arch: arch(), cpus: cpus().length, node: process.version },
	inputs: { outputPngBytes: output.length, photoJpegBytes: photo.data.length, ...plan },
	overhead,
	throughput,
	storage,
	table: rows,
};
await writeFile(new URL(`./${file}`, import.meta.url), `${JSON.stringify(results, null, "\t")}\n`);
console.log(`\nwrote bench/${file}`);
