// bench/background.ts: /background on a 2048×2048 photo: mask time per segmenter and the drift check (on the pixel
// worker's thread, as the bot runs them), the event loop's longest delay meanwhile, compositing and verification.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { computeMask, keepMaskOf } from "../src/background/chooseMask.js";
import { classicalSegmenter } from "../src/background/classicalSegmenter.js";
import { composite, featherAlpha, verifyProduct } from "../src/background/composite.js";
import { geminiSegmenter } from "../src/background/geminiSegmenter.js";
import { makeResults } from "../src/background/makeResults.js";
import { iou } from "../src/background/maskOps.js";
import { planPadding } from "../src/background/padToAspect.js";
import { decodeImage, encodePng } from "../src/background/pixels.js";
import { createPixelWorker, type PixelWork } from "../src/background/pixelWorker.js";
import { DEFAULT_JOB, type RgbImage } from "../src/background/types.js";
import { type Fixture, fixture } from "../test/background/fixtures.js";

const SIZE = 2_048;

/** The first run's time (it may load things), then the mean of `runs` more. */
async function timed<T>(runs: number, task: () => Promise<T>): Promise<{ firstMs: number; ms: number; value: T }> {
	let started = performance.now();
	let value = await task();
	const firstMs = Math.round(performance.now() - started);
	started = performance.now();
	for (let run = 0; run < runs; run++) value = await task();
	return { firstMs, ms: Math.round((performance.now() - started) / runs), value };
}

/**
 * A whole job as the bot runs it, the model's answers canned (the keyed photo): the computed mask with its doubts,
 * the keep-mask, two results each drift-checked, composited, encoded and verified. The event loop's longest delay.
 */
async function wholeJob(
	pixels: PixelWork,
	studio: Fixture,
	answer: Buffer,
): Promise<{ ms: number; maxDelayMs: number }> {
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	await sleep(50);
	const started = performance.now();
	const chosen = await computeMask(studio.image, "subject", [classicalSegmenter(pixels)]);
	const keep = await keepMaskOf(chosen.subject, DEFAULT_JOB, false, pixels);
	const outcomes = await makeResults(
		async () => ({ kind: "parts", parts: [{ kind: "image", data: answer, mimeType: "image/png" }], truncated: false }),
		pixels,
		{ image: studio.image, keep, plan: planPadding(SIZE, SIZE, ["1:1"]), prompt: "on marble", job: DEFAULT_JOB },
	);
	const ms = Math.round(performance.now() - started);
	if (outcomes.some((outcome) => outcome.kind !== "image")) throw new Error("a bench result was not posted");
	await sleep(50);
	delay.disable();
	return { ms, maxDelayMs: delay.max / 1e6 };
}

/** Rows for bench/run.ts's table: [measure, figures, ratio, target]. */
export async function measureBackground(runs = 2): Promise<[string, string, string, string][]> {
	const studio = await fixture("studio", SIZE);
	const keyed: RgbImage = { ...studio.image, data: new Uint8Array(studio.image.data) };
	for (let i = 0; i < studio.coverage.length; i++) {
		const a = studio.coverage[i] as number;
		for (let c = 0; c < 3; c++)
			keyed.data[i * 3 + c] = Math.round(a * (studio.product[i * 3 + c] as number) + (1 - a) * (c === 1 ? 255 : 0));
	}
	const rows: [string, string, string, string][] = [];
	const pixels = createPixelWorker();
	// The monitor records a delay only between two of its ticks: it ticks before the work and after it.
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	await sleep(50);
	try {
		const tiny: RgbImage = { width: 8, height: 8, data: new Uint8Array(8 * 8 * 3) };
		const startMs = (await timed(0, () => pixels.driftIou(tiny, tiny, { ...tiny, data: new Uint8Array(64) }))).firstMs;
		rows.push(["pixel worker thread start (once per process, then reused)", `${startMs} ms`, "", ""]);
		for (const [name, segmenter] of [
			["classical, colour model only (the default)", classicalSegmenter(pixels)],
			["classical, with GrabCut", classicalSegmenter(pixels, { grabCut: true })],
			["Gemini keying (local keying; the model call not counted)", geminiSegmenter(async () => keyed, pixels)],
		] as const) {
			const { firstMs, ms, value } = await timed(runs, () => segmenter.segment(studio.image, "subject"));
			rows.push([`mask ${SIZE}², ${name}`, `${ms} ms, IoU ${iou(value, studio.truth).toFixed(4)}`, "", ""]);
			if (name.includes("GrabCut"))
				rows.push(["first GrabCut call (loads opencv-js in the thread)", `${firstMs} ms`, "", ""]);
		}
		const { ms: driftMs } = await timed(runs, () => pixels.driftIou(studio.image, keyed, studio.truth));
		rows.push([`drift check ${SIZE}²`, `${driftMs} ms`, "", ""]);
		await sleep(50);
		delay.disable();
		rows.push([
			"event loop's longest delay while the masks and drift checks ran",
			`${(delay.max / 1e6).toFixed(1)} ms`,
			"",
			"< 200 ms",
		]);
		const job = await wholeJob(pixels, studio, await encodePng(keyed));
		rows.push([
			`a whole job ${SIZE}² (mask, doubts, 2 results: drift, composite, PNG, verify; model answers canned)`,
			`${job.ms} ms, event loop's longest delay ${job.maxDelayMs.toFixed(1)} ms`,
			"",
			"< 200 ms",
		]);
	} finally {
		delay.disable();
		await pixels.close();
	}
	const answer = keyed;
	const { ms: compositeMs, value: png } = await timed(runs, async () =>
		encodePng(composite(studio.image, answer, featherAlpha(studio.truth))),
	);
	rows.push([
		`composite + PNG encode ${SIZE}² (main thread; the encode in libuv's pool)`,
		`${compositeMs} ms, ${(png.length / 1_048_576).toFixed(1)} MB`,
		"",
		"",
	]);
	const alpha = featherAlpha(studio.truth);
	const { ms: verifyMs, value: check } = await timed(runs, async () =>
		verifyProduct(await decodeImage(png), studio.image, alpha),
	);
	rows.push([
		`verify (decode the PNG, compare opaque pixels) ${SIZE}²`,
		`${verifyMs} ms, ${check.mismatched} of ${check.checked} differ`,
		"",
		"0 differ",
	]);
	return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const rows = await measureBackground();
	console.log(`| measure | figures |\n|---|---|\n${rows.map((row) => `| ${row[0]} | ${row[1]} |`).join("\n")}`);
}
