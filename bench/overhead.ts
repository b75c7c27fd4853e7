// bench/overhead.ts: one turn at a time with an instant model: the bot against the minimal bot, interleaved.
import type { FakeAttachmentInput } from "../fakes/fakeDiscord.js";
import { imageReply } from "../fakes/fakeGemini.js";
import { bootstrapRatio, median, percentile, round } from "./stats.js";
import { type TimedTurn, timeTurn, type World } from "./world.js";

export type Scenario = "imagine" | "photoMessage" | "threadTurn2" | "threadTurn20";
/** One bot's figures for a scenario; `cpuMs` is its process's CPU per timed turn (median). */
type Side = { medianMs: number; p99Ms: number; restCalls: number; cpuMs?: number };
type Sample = TimedTurn & { cpuMs?: number };
export type OverheadResult = {
	scenario: Scenario;
	samples: number;
	bot: Side;
	minimal: Side;
	ratioMedian: number;
	ratioP99: number;
	/** 95% bootstrap interval of the ratio of medians. */
	ratioInterval: [number, number];
};

const PROMPT = "a nano banana dish in a fancy restaurant";

/** A thread of the bot's with `turns` committed turns (the /imagine and turns - 1 messages). */
async function threadWith(world: World, turns: number, output: Buffer): Promise<string> {
	const { discord, gemini } = world;
	gemini.enqueue(imageReply([output]));
	const before = new Set(discord.threads().map((thread) => thread.id));
	await discord.slashCommand({ name: "imagine", channelId: discord.textChannelId, options: { prompt: PROMPT } });
	const thread = await discord.waitFor(() => discord.threads().find((candidate) => !before.has(candidate.id)), {
		what: "the new thread",
	});
	await world.idle();
	for (let turn = 2; turn <= turns; turn++) {
		gemini.enqueue(imageReply([output]));
		await timeTurn(world, () => discord.userMessage({ channelId: thread.id, content: `turn ${turn}: more yellow` }));
	}
	return thread.id;
}

/** Sets up one sample of `scenario` on `world` (a thread to talk in) and returns the timed part. */
async function prepare(
	world: World,
	scenario: Scenario,
	output: Buffer,
	photo: FakeAttachmentInput,
): Promise<() => Promise<TimedTurn>> {
	const { discord, gemini } = world;
	if (scenario === "imagine") {
		gemini.enqueue(imageReply([output]));
		return () =>
			timeTurn(world, () =>
				discord.slashCommand({ name: "imagine", channelId: discord.textChannelId, options: { prompt: PROMPT } }),
			);
	}
	// The minimal bot answers any message where it is; the bot answers in its threads.
	const depth = scenario === "threadTurn20" ? 19 : 1;
	const channelId = world.kind === "bot" ? await threadWith(world, depth, output) : discord.textChannelId;
	gemini.enqueue(imageReply([output]));
	const attachments = scenario === "photoMessage" ? [photo] : [];
	return () => timeTurn(world, () => discord.userMessage({ channelId, content: "put it on a beach", attachments }));
}

/** Times one prepared sample, with the CPU the bot's own process spent on it when it has one. */
async function sample(world: World, scenario: Scenario, output: Buffer, photo: FakeAttachmentInput): Promise<Sample> {
	const run = await prepare(world, scenario, output, photo);
	const before = await world.stats();
	const timed = await run();
	const after = await world.stats();
	return before && after ? { ...timed, cpuMs: after.cpuMs - before.cpuMs } : timed;
}

/** Runs every scenario `samples` times on both bots, alternating which goes first; `warmup` untimed rounds before. */
export async function measureOverhead(
	worlds: { bot: World; minimal: World },
	options: { samples: number; warmup: number; scenarios: Scenario[]; output: Buffer; photo: FakeAttachmentInput },
): Promise<OverheadResult[]> {
	const results: OverheadResult[] = [];
	for (const scenario of options.scenarios) {
		const times = { bot: [] as Sample[], minimal: [] as Sample[] };
		for (let round = 0; round < options.warmup + options.samples; round++) {
			const order = round % 2 === 0 ? (["bot", "minimal"] as const) : (["minimal", "bot"] as const);
			for (const kind of order) {
				const timed = await sample(worlds[kind], scenario, options.output, options.photo);
				if (round >= options.warmup) times[kind].push(timed);
			}
		}
		const summary = (turns: Sample[]): Side => {
			const cpu = turns.flatMap((turn) => (turn.cpuMs === undefined ? [] : [turn.cpuMs]));
			return {
				medianMs: round(median(turns.map((turn) => turn.ms)), 1),
				p99Ms: round(
					percentile(
						turns.map((turn) => turn.ms),
						99,
					),
					1,
				),
				restCalls: median(turns.map((turn) => turn.restCalls)),
				...(cpu.length > 0 ? { cpuMs: round(median(cpu), 1) } : {}),
			};
		};
		const bot = summary(times.bot);
		const minimal = summary(times.minimal);
		const interval = bootstrapRatio(
			times.bot.map((turn) => turn.ms),
			times.minimal.map((turn) => turn.ms),
		);
		results.push({
			scenario,
			samples: options.samples,
			bot,
			minimal,
			ratioMedian: round(bot.medianMs / minimal.medianMs),
			ratioP99: round(bot.p99Ms / minimal.p99Ms),
			ratioInterval: [round(interval[0]), round(interval[1])],
		});
	}
	return results;
}
