// bench/background.ts: /background on a 2048×2048 photo: mask time per segmenter, drift check, compositing and verification.
import { performance } from "node:perf_hooks";
import { classicalSegmenter } from "../src/background/classicalSegmenter.js";
import { composite, featherAlpha, verifyProduct } from "../src/background/composite.js";
import { driftIou } from "../src/background/drift.js";
import { geminiSegmenter } from "../src/background/geminiSegmenter.js";
import { loadOpenCv } from "../src/background/grabCut.js";
import { iou } from "../src/background/maskOps.js";
import { decodeImage, encodePng } from "../src/background/pixels.js";
import type { RgbImage } from "../src/background/types.js";
import { fixtures } from "../test/background/fixtures.js";

const SIZE = 2_048;

async function timed<T>(runs: number, task: () => Promise<T>): Promise<{ ms: number; value: T }> {
	let value = await task();
	const started = performance.now();
	for (let run = 0; run < runs; run++) value = await task();
	return { ms: Math.round((performance.now() - started) / runs), value };
}

/** Rows for bench/run.ts's table: [measure, figures, ratio, target]. */
export async function measureBackground(runs = 2): Promise<[string, string, string, string][]> {
	const loadStarted = performance.now();
	await loadOpenCv();
	const loadMs = Math.round(performance.now() - loadStarted);
	const [studio] = await fixtures(SIZE);
	if (!studio) throw new Error("no fixture");
	const keyed: RgbImage = { ...studio.image, data: new Uint8Array(studio.image.data) };
	for (let i = 0; i < studio.coverage.length; i++) {
		const a = studio.coverage[i] as number;
		for (let c = 0; c < 3; c++)
			keyed.data[i * 3 + c] = Math.round(a * (studio.product[i * 3 + c] as number) + (1 - a) * (c === 1 ? 255 : 0));
	}
	const rows: [string, string, string, string][] = [];
	for (const [name, segmenter] of [
		["classical, colour model only", classicalSegmenter({ grabCut: false })],
		["classical, with GrabCut (the default)", classicalSegmenter({ grabCut: true })],
		["Gemini keying (local keying; the model call not counted)", geminiSegmenter(async () => keyed)],
	] as const) {
		const { ms, value } = await timed(runs, () => segmenter.segment(studio.image, "subject"));
		rows.push([`mask ${SIZE}², ${name}`, `${ms} ms, IoU ${iou(value, studio.truth).toFixed(4)}`, "", ""]);
	}
	rows.push(["opencv-js first load (once per process)", `${loadMs} ms`, "", ""]);
	const answer = keyed;
	const { ms: driftMs } = await timed(runs, async () => driftIou(studio.image, answer, studio.truth));
	rows.push([`drift check ${SIZE}²`, `${driftMs} ms`, "", ""]);
	const { ms: compositeMs, value: png } = await timed(runs, async () =>
		encodePng(composite(studio.image, answer, featherAlpha(studio.truth))),
	);
	rows.push([
		`composite + PNG encode ${SIZE}²`,
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
