// bench/throughput.ts: many conversations at once with a slow model: time to the last image, event-loop stalls, late acks.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { imageReply } from "../fakes/fakeGemini.js";
import { round } from "./stats.js";
import type { World } from "./world.js";

export type ThroughputResult = {
	conversations: number;
	modelLatencyMs: number;
	concurrency: number;
	idealMs: number;
	lastImageMs: number;
	ratioToIdeal: number;
	maxEventLoopDelayMs: number;
	/** Images posted: fewer than `conversations` when turns failed (then lastImageMs is when the wait gave up). */
	images: number;
	/** Interactions whose first callback came later than 3 s after they were dispatched (or never). */
	lateAcks: number;
	/** The bot's process after the run, and its peak, when it has a process of its own. */
	rssMb?: number;
	maxRssMb?: number;
};

const ACK_LIMIT_MS = 3_000;

/** Dispatches `conversations` /imagine at once and waits for as many images. */
export async function measureThroughput(
	world: World,
	options: { conversations: number; modelLatencyMs: number; concurrency: number; output: Buffer },
): Promise<ThroughputResult> {
	const { discord, gemini } = world;
	for (let index = 0; index < options.conversations; index++) {
		gemini.enqueue({ ...imageReply([options.output]), delayMs: options.modelLatencyMs });
	}
	const acks = new Map<string, number>();
	let images = 0;
	let lastImage = 0;
	let allPosted: () => void = () => {};
	const done = new Promise<void>((resolve) => {
		allPosted = resolve;
	});
	const off = discord.onRestCall((call) => {
		const ack = call.path.match(/^\/interactions\/(\d+)\/[^/]+\/callback$/);
		if (ack?.[1] && !acks.has(ack[1])) acks.set(ack[1], performance.now());
		if (call.files && call.files.length > 0 && ++images === options.conversations) {
			lastImage = performance.now();
			allPosted();
		}
	});
	// The bot's own event loop when it has a process of its own; else this one's (bot and fakes together).
	const delay = monitorEventLoopDelay({ resolution: 5 });
	delay.enable();
	await world.stats("resetStats");
	const started = performance.now();
	try {
		const dispatched = await Promise.all(
			Array.from({ length: options.conversations }, async (_, index) => {
				const interaction = await discord.slashCommand({
					name: "imagine",
					channelId: discord.textChannelId,
					options: { prompt: `conversation ${index}` },
				});
				return { id: interaction.id, at: performance.now() };
			}),
		);
		// A turn that failed posts no image: give up waiting well after the ideal time, and say how many came.
		const giveUp = options.modelLatencyMs * options.conversations + 60_000;
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, giveUp)))]);
		clearTimeout(timer);
		if (images < options.conversations) lastImage = performance.now();
		await world.idle();
		delay.disable();
		const own = await world.stats();
		const lateAcks = dispatched.filter(({ id, at }) => (acks.get(id) ?? Number.POSITIVE_INFINITY) - at > ACK_LIMIT_MS);
		const idealMs = options.modelLatencyMs * Math.ceil(options.conversations / options.concurrency);
		const lastImageMs = lastImage - started;
		return {
			conversations: options.conversations,
			modelLatencyMs: options.modelLatencyMs,
			concurrency: options.concurrency,
			idealMs,
			lastImageMs: round(lastImageMs, 0),
			ratioToIdeal: round(lastImageMs / idealMs),
			maxEventLoopDelayMs: round(own ? own.maxLoopDelayMs : delay.max / 1e6, 1),
			...(own ? { rssMb: round(own.rssMb, 0), maxRssMb: round(own.maxRssMb, 0) } : {}),
			lateAcks: lateAcks.length,
			images,
		};
	} finally {
		off();
		delay.disable();
	}
}
