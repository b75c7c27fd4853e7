// test/background/pixelWorker.test.ts: /background's pixel work on its worker thread: the event loop stays free, errors
// and timeouts come back as rejections, close ends it, and it loads from the TypeScript sources and from dist/.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLASSICAL } from "../../src/background/classicalSegmenter.js";
import { composite, featherAlpha, verifyProduct } from "../../src/background/composite.js";
import { iou } from "../../src/background/maskOps.js";
import { createPixelWorker, type PixelWork, PixelWorkError } from "../../src/background/pixelWorker.js";
import type { Mask, RgbImage } from "../../src/background/types.js";
import { type Fixture, fixture } from "./fixtures.js";

/** Far above what the thread's messages cost the event loop, far below the seconds the work itself takes. */
const MAX_EVENT_LOOP_DELAY_MS = 200;

/**
 * The event loop's longest delay while `work` runs, in ms. The monitor records a delay only when its timer fires after
 * an earlier tick, so it ticks before the work starts and once after it ends (else a block at either end goes unseen).
 */
async function maxDelayDuring<T>(work: () => Promise<T>): Promise<{ value: T; maxDelayMs: number }> {
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	await sleep(50);
	const value = await work();
	await sleep(50);
	delay.disable();
	return { value, maxDelayMs: delay.max / 1e6 };
}

const flat = (size: number, value: number): RgbImage => ({
	width: size,
	height: size,
	data: new Uint8Array(size * size * 3).fill(value),
});
const keepAll = (size: number): Mask => ({ width: size, height: size, data: new Uint8Array(size * size).fill(1) });

describe("the pixel worker", () => {
	let studio: Fixture;
	let pixels: PixelWork;
	beforeAll(async () => {
		studio = await fixture("studio", 2_048);
		pixels = createPixelWorker();
	});
	afterAll(async () => {
		await pixels?.close();
	});

	it(`keeps the event loop responsive (delay under ${MAX_EVENT_LOOP_DELAY_MS} ms) while a 2048² mask and its drift check are computed`, async () => {
		const { value, maxDelayMs } = await maxDelayDuring(async () => {
			const mask = await pixels.classicalMask(studio.image, DEFAULT_CLASSICAL);
			return { mask, drift: await pixels.driftIou(studio.image, studio.image, mask) };
		});
		console.log(`event loop during a 2048² mask + drift check: max delay ${maxDelayMs.toFixed(1)} ms`);
		expect(iou(value.mask, studio.truth)).toBeGreaterThanOrEqual(0.99);
		expect(value.drift).toBe(1);
		expect(maxDelayMs).toBeLessThan(MAX_EVENT_LOOP_DELAY_MS);
		// The caller's pixels were copied, not taken: they are still there.
		expect(studio.image.data.length).toBe(2_048 * 2_048 * 3);
	});

	it(`composites and verifies a 2048² result on the thread, exactly as on the main thread, the event loop free`, async () => {
		// The "answer": the photo with every channel shifted, so the background visibly changes and the product must not.
		const generated = { ...studio.image, data: studio.image.data.map((value) => (value + 97) % 256) };
		const { value, maxDelayMs } = await maxDelayDuring(async () => {
			const result = await pixels.composite(studio.image, generated, studio.truth);
			return { result, mismatched: await pixels.mismatched(result, studio.image, studio.truth) };
		});
		console.log(`event loop during a 2048² composite + verification: max delay ${maxDelayMs.toFixed(1)} ms`);
		const alpha = featherAlpha(studio.truth);
		expect(Buffer.from(value.result.data).equals(Buffer.from(composite(studio.image, generated, alpha).data))).toBe(
			true,
		);
		expect(value.mismatched).toBe(0);
		expect(verifyProduct(value.result, studio.image, alpha).checked).toBeGreaterThan(100_000);
		// A result whose product moved is caught on the thread too.
		expect(await pixels.mismatched(generated, studio.image, studio.truth)).toBeGreaterThan(100_000);
		expect(maxDelayMs).toBeLessThan(MAX_EVENT_LOOP_DELAY_MS);
	});

	it("answers calls made together, each its own answer", async () => {
		const answers = await Promise.all([
			pixels.driftIou(flat(16, 100), flat(16, 100), keepAll(16)),
			pixels.driftIou(flat(16, 100), flat(16, 250), keepAll(16)),
			pixels.keyMask(flat(16, 90), { width: 16, height: 16, data: new Uint8Array(16 * 16 * 3) }, "green"),
			// Kept but for the first column: shrunk by 2 px, the first three columns are replaced.
			pixels.shrink({ ...keepAll(16), data: keepAll(16).data.map((_, i) => (i % 16 === 0 ? 0 : 1)) }, 2),
		]);
		expect(answers.slice(0, 2)).toEqual([1, 0]);
		expect((answers[2] as Mask).data.every((value) => value === 1)).toBe(true);
		expect((answers[3] as Mask).data.every((value, i) => value === (i % 16 > 2 ? 1 : 0))).toBe(true);
	});

	it("rejects a call whose task threw with that error, and goes on answering", async () => {
		const broken = { width: 4, height: 4, data: new Uint8Array(5) };
		const err = await pixels.classicalMask(broken, DEFAULT_CLASSICAL).catch((error: unknown) => error);
		expect(err).toBeInstanceOf(Error);
		expect(err).not.toBeInstanceOf(PixelWorkError);
		expect((err as Error).message).toMatch(/5 bytes for 4×4/);
		await expect(pixels.driftIou(flat(8, 1), flat(8, 1), keepAll(8))).resolves.toBe(1);
	});

	it("ends a task over its timeout with PixelWorkError 'timeout', and runs the next on a new thread", async () => {
		const impatient = createPixelWorker({ taskTimeoutMs: 250 });
		try {
			// GrabCut on 2048² takes well over a second.
			const err = await impatient.classicalMask(studio.image, { grabCut: true }).catch((error: unknown) => error);
			expect(err).toBeInstanceOf(PixelWorkError);
			expect((err as PixelWorkError).code).toBe("timeout");
			await expect(impatient.driftIou(flat(8, 1), flat(8, 1), keepAll(8))).resolves.toBe(1);
		} finally {
			await impatient.close();
		}
	});

	it("close rejects what is queued and running with PixelWorkError 'closed', and every later call", async () => {
		const closing = createPixelWorker();
		const running = closing.classicalMask(studio.image, DEFAULT_CLASSICAL).catch((error: unknown) => error);
		const queued = closing.driftIou(flat(8, 1), flat(8, 1), keepAll(8)).catch((error: unknown) => error);
		await closing.close();
		for (const err of [await running, await queued]) expect((err as PixelWorkError).code).toBe("closed");
		await expect(closing.driftIou(flat(8, 1), flat(8, 1), keepAll(8))).rejects.toMatchObject({ code: "closed" });
	});
});

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");
const BUILT = join(ROOT, "dist/src/background/pixelWorker.js");
/** Uses the worker and never closes it: the process must still end, as an idle thread does not hold it. */
const script = (module: string) => `
const { createPixelWorker } = await import(${JSON.stringify(pathToFileURL(module).href)});
const pixels = createPixelWorker();
const image = { width: 4, height: 4, data: new Uint8Array(48) };
console.log(await pixels.driftIou(image, image, { width: 4, height: 4, data: new Uint8Array(16).fill(1) }));
`;

describe("the pixel worker's entry, as each way of running the bot finds it", () => {
	it("from the TypeScript sources (tsx, as npm run bench and vitest run it): the thread loads its .ts entry", async () => {
		const module = join(ROOT, "src/background/pixelWorker.ts");
		const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script(module)], {
			cwd: ROOT,
			timeout: 25_000,
		});
		expect(stdout.trim()).toBe("1");
	});

	// dist/ exists after `npm run build` (CI builds before it tests).
	it.skipIf(!existsSync(BUILT))("from dist/ (npm start): the thread loads the compiled .js beside it", async () => {
		const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script(BUILT)], {
			cwd: ROOT,
			timeout: 25_000,
		});
		expect(stdout.trim()).toBe("1");
	});
});
