// test/e2e/playground.test.ts: the playground page at / in headless Chromium (Debian's, driven by playwright-core)
// against the bot's API on the fake Gemini: a prompt, an uploaded image to continue, a blocked prompt.
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageReply, reply, solidPng } from "../../fakes/fakeGemini.js";
import { type ApiHarness, startApiHarness, TOKENS } from "./apiHarness.js";
import { expectNothingStray } from "./harness.js";

const CHROMIUM = "/usr/bin/chromium";
// .ci/run installs Debian's chromium; a developer machine without it skips this file (CI never does).
const runnable = existsSync(CHROMIUM) || process.env.CI === "true";

describe.skipIf(!runnable)("the playground page", () => {
	let h: ApiHarness;
	let browser: Browser;
	let page: Page;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		h = await startApiHarness();
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
		});
		page = await browser.newPage();
		page.on("pageerror", (err) => pageErrors.push(String(err)));
		// Chromium logs every non-2xx fetch ("Failed to load resource"): the 422 below is expected, nothing else is.
		page.on("console", (message) => {
			if (message.type() === "error" && !/status of 422/.test(message.text())) pageErrors.push(message.text());
		});
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
		await h?.close();
	});

	it("takes a prompt and shows the image and the model's text in order", async () => {
		h.gemini.enqueue(imageReply([await solidPng(250, 200, 0, 128)], "A yellow square, as asked."));
		await page.goto(`${h.base}/`);
		await expect.poll(() => page.locator("#aspect option").count()).toBeGreaterThan(10);
		await page.fill("#token", TOKENS[0] ?? "");
		await page.fill("#prompt", "a yellow square");
		await page.selectOption("#aspect", "16:9");
		await page.click("#send");
		await page.locator(".turn img").first().waitFor();
		const turn = page.locator(".turn").first();
		expect(await turn.locator("p").allTextContents()).toEqual(["You: a yellow square", "A yellow square, as asked."]);
		expect(h.gemini.requests.at(-1)?.body.generationConfig?.imageConfig).toEqual({ aspectRatio: "16:9" });
		expect(await page.textContent("#conversation")).toMatch(/^Conversation [0-9a-f]{32}$/);
		expect(await page.isEnabled("#continue")).toBe(true);
	});

	it("uploads an image and continues the same conversation", async () => {
		const upload = await solidPng(0, 0, 255, 300);
		h.gemini.enqueue(imageReply([await solidPng(10, 10, 250)], "Now in blue."));
		await page.fill("#prompt", "make it blue like this");
		await page.setInputFiles("#images", { name: "blue.png", mimeType: "image/png", buffer: upload });
		await page.click("#continue");
		await expect.poll(() => page.locator(".turn img").count()).toBe(2);
		const sent = h.gemini.requests.at(-1)?.body.contents ?? [];
		// The first turn, the model's answer, then this turn with the uploaded image and its words.
		expect(sent.map((content) => content.role)).toEqual(["user", "model", "user"]);
		// Normalised like a Discord attachment: an opaque PNG goes to Gemini as JPEG.
		expect(sent[2]?.parts.map((part) => part.inlineData?.mimeType ?? part.text)).toEqual([
			"image/jpeg",
			"make it blue like this",
		]);
		expect(await page.locator(".turn").nth(1).locator(".asked").textContent()).toBe(
			"You: make it blue like this [1 image]",
		);
	});

	it("shows a blocked prompt's message, category and what to change", async () => {
		h.gemini.enqueue(reply([], { finishReason: "IMAGE_SAFETY", finishMessage: "codes 49257518" }));
		await page.fill("#prompt", "a famous actor");
		await page.click("#continue");
		const error = page.locator(".turn .error");
		await error.waitFor();
		const text = await error.textContent();
		expect(text).toMatch(/safety filter withheld it/);
		expect(text).toMatch(/for a photorealistic depiction of a real, famous person\./);
		expect(text).toMatch(/fictional person/);
		await page.screenshot({ path: `${process.env.PLAYGROUND_SCREENSHOT ?? "/tmp/playground.png"}`, fullPage: true });
		expect(pageErrors).toEqual([]);
		expectNothingStray(h);
	});
});
