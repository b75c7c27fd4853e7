// test/e2e/demo.test.ts: `npm run demo` as a member would run it (a child process with no secrets in its
// environment), its transcript opened in headless Chromium (Debian's, driven by playwright-core); and the fake
// Gemini's prompt pictures the demo shows.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORY } from "../../demo/playStory.js";
import type { RecordedRequest, ScriptedAnswer } from "../../fakes/fakeGemini.js";
import { drawPromptPicture, promptImage, promptImageResponder } from "../../fakes/promptImage.js";

const CHROMIUM = "/usr/bin/chromium";
// .ci/run installs Debian's chromium; a developer machine without it skips the browser part (CI never does).
const runnable = existsSync(CHROMIUM) || process.env.CI === "true";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function requestFor(text: string, aspect?: string): RecordedRequest {
	return {
		model: "gemini-3.1-flash-image",
		apiKey: "key",
		stream: false,
		body: {
			contents: [
				{ role: "user", parts: [{ text: "an earlier turn" }] },
				{ role: "model", parts: [{ text: "an earlier answer" }] },
				{ role: "user", parts: [{ text }] },
			],
			...(aspect ? { generationConfig: { imageConfig: { aspectRatio: aspect } } } : {}),
		},
	};
}

type Part = { text?: string; thought?: boolean; inlineData?: { data: string } };
function partsOf(answer: ScriptedAnswer): Part[] {
	return (answer.body as { candidates: { content: { parts: Part[] } }[] }).candidates[0]?.content.parts ?? [];
}
function imageOf(answer: ScriptedAnswer): Buffer {
	const data = partsOf(answer).find((part) => part.inlineData)?.inlineData?.data;
	if (!data) throw new Error("no image in the answer");
	return Buffer.from(data, "base64");
}

describe("the fake Gemini's prompt pictures", () => {
	it.each([
		[undefined, 768, 768],
		["16:9", 768, 432],
		["9:16", 432, 768],
		["4:3", 768, 576],
	])("answers aspect %s with a valid %i×%i PNG and the prompt in its text", async (aspect, width, height) => {
		const answer = await promptImage(requestFor("a red car by the sea", aspect));
		const image = imageOf(answer);
		expect(image.subarray(0, 8)).toEqual(PNG_SIGNATURE);
		const metadata = await sharp(image).metadata();
		expect([metadata.format, metadata.width, metadata.height]).toEqual(["png", width, height]);
		const said = partsOf(answer).find((part) => part.text && !part.thought)?.text;
		expect(said).toContain("a red car by the sea");
	});

	it("draws the words on the picture", async () => {
		const options = { width: 240, height: 120, hue: 200 };
		const pixels = async (text: string) =>
			(
				await sharp(await drawPromptPicture(text, options))
					.raw()
					.toBuffer()
			).toString("hex");
		expect(await pixels("a red car")).not.toBe(await pixels(""));
		expect(await pixels("a red car")).not.toBe(await pixels("a blue car"));
	});

	it("answers the same request asked again (a reroll) with another picture, the same way each run", async () => {
		const responder = promptImageResponder();
		const request = requestFor("a red car by the sea");
		const first = imageOf((await responder(request)) as ScriptedAnswer);
		const again = imageOf((await responder(request)) as ScriptedAnswer);
		expect(again.equals(first)).toBe(false);
		expect(imageOf((await promptImageResponder()(request)) as ScriptedAnswer).equals(first)).toBe(true);
	});
});

describe("npm run demo", () => {
	let out: string;
	let run: { code: number; stdout: string; stderr: string };
	let browser: Browser | undefined;
	let page: Page;
	const pageErrors: string[] = [];
	const message = (author: string, text: string) =>
		page.locator(`.message[data-author="${author}"]`).filter({ hasText: text });
	const inChromium = it.skipIf(!runnable);
	type ShownImage = { src: string | null; author: string | undefined; width: number; text: string };
	/** Every image on the page, in order: its file, the author of its message, its decoded width (0: not loaded). */
	const images = () =>
		page.evaluate(`[...document.images].map((img) => ({
			src: img.getAttribute("src"),
			author: img.closest(".message")?.dataset.author,
			width: img.naturalWidth,
			text: img.closest(".message")?.textContent ?? "",
		}))`) as Promise<ShownImage[]>;

	beforeAll(async () => {
		out = await mkdtemp(join(tmpdir(), "nbt-demo-test-"));
		// Only PATH and HOME: no token, no key, no .env is read.
		run = await new Promise((resolve) => {
			execFile(
				process.execPath,
				["--import", "tsx", "demo/run.ts", "--out", out],
				{ cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" }, timeout: 90_000 },
				(error, stdout, stderr) =>
					resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
			);
		});
		if (!runnable || run.code !== 0) return;
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
		});
		page = await browser.newPage();
		page.on("pageerror", (err) => pageErrors.push(String(err)));
		page.on("console", (entry) => {
			if (entry.type() === "error") pageErrors.push(entry.text());
		});
		page.on("requestfailed", (request) => pageErrors.push(`failed to load ${request.url()}`));
		await page.goto(pathToFileURL(join(out, "index.html")).href, { waitUntil: "load" });
	}, 150_000);
	afterAll(async () => {
		await browser?.close();
		if (out) await rm(out, { recursive: true, force: true });
	});

	it("exits 0 and prints the path of index.html, and only that, on stdout", () => {
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toBe(`${join(out, "index.html")}\n`);
		expect(existsSync(join(out, "index.html"))).toBe(true);
		expect(run.stderr).toContain("5/5");
	});

	inChromium("is dark, titled after the thread, and shows the thread and its branch", async () => {
		expect(await page.title()).toContain(STORY.prompt);
		expect(await page.evaluate("getComputedStyle(document.body).backgroundColor")).toBe("rgb(49, 51, 56)");
		expect(await page.locator(".thread-title").allTextContents()).toEqual([STORY.prompt, `⑂ ${STORY.prompt}`]);
	});

	inChromium("shows the /imagine with its thread, and the member's follow-up with the photo", async () => {
		const imagine = page.locator(".message").filter({ has: page.locator(".command-name", { hasText: "/imagine" }) });
		await expect.poll(() => imagine.count()).toBe(1);
		expect(await imagine.textContent()).toContain(`alice used /imagine`);
		expect(await imagine.textContent()).toContain(STORY.prompt);
		expect(await imagine.locator(".thread-chip").textContent()).toContain(STORY.prompt);
		const photos = (await images()).filter((image) => image.author === "alice");
		expect(photos).toEqual([
			{ src: "surfboard.jpg", author: "alice", width: 640, text: expect.stringContaining(STORY.withPhoto) },
		]);
	});

	inChromium("shows every image the bot made, and every image loads", async () => {
		const loaded = await images();
		const made = loaded.filter((image) => image.author === "Nano Banana");
		expect(made.map((image) => image.src)).toEqual(["v1.png", "v3.png", "v4.png", "v5.png"]);
		expect(loaded).toHaveLength(5);
		for (const image of loaded) expect(image.width, image.src ?? "").toBeGreaterThan(0);
	});

	inChromium("renders the buttons under each result and notes the Reroll press", async () => {
		const firstResult = message("Nano Banana", "v1").filter({ has: page.locator("img") });
		expect(await firstResult.locator("button.button").allTextContents()).toEqual(
			expect.arrayContaining([expect.stringContaining("Reroll"), expect.stringContaining("Delete")]),
		);
		expect(await firstResult.locator("button.button").count()).toBe(5);
		expect(await page.locator("button.button", { hasText: "Reroll" }).count()).toBe(4);
		expect(await page.locator("button.button.danger", { hasText: "Delete" }).count()).toBe(4);
		expect(await page.locator(".note").textContent()).toContain("pressed 🎲 Reroll under v3");
	});

	inChromium("shows the safety card with its Report button", async () => {
		const card = page.locator(".message.refusal");
		expect(await card.count()).toBe(1);
		expect(await card.locator(".reply-excerpt").textContent()).toBe(STORY.blocked);
		expect(await card.locator(".content").textContent()).toContain("safety filter withheld it");
		expect(await card.locator(".content").textContent()).toContain("famous person");
		expect(await card.locator("button.button").allTextContents()).toEqual(["🚩Report a mistake"]);
	});

	inChromium("links the branch from the original thread to the branch, which has its own result", async () => {
		const link = message("Nano Banana", "Branched from v1 into").locator("a.mention");
		const target = await link.getAttribute("href");
		const branch = page.locator(`section${target}`);
		expect(await branch.locator(".thread-title").textContent()).toBe(`⑂ ${STORY.prompt}`);
		const result = branch.locator(".message").filter({ hasText: STORY.branch });
		expect(await result.locator("img").getAttribute("src")).toBe("v5.png");
		expect(await result.locator("button.button").count()).toBe(5);
	});

	inChromium("had no page errors", () => {
		expect(pageErrors).toEqual([]);
	});
});
