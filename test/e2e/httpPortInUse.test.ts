// test/e2e/httpPortInUse.test.ts: HTTP_PORT held by another process: the bot runs without HTTP and says so, never crashes.
import { createServer } from "node:net";
import { afterEach, expect, it } from "vitest";
import { expectNothingStray, type Harness, startHarness } from "./harness.js";

let h: Harness | undefined;
const blocker = createServer();
afterEach(async () => {
	await h?.close();
	await new Promise((resolve) => blocker.close(resolve));
});

it("starts without HTTP when HTTP_PORT is taken, logging why", async () => {
	await new Promise<void>((resolve) => blocker.listen(0, resolve));
	const port = (blocker.address() as { port: number }).port;
	const logLines: string[] = [];
	h = await startHarness({ env: { HTTP_PORT: String(port), LOG_LEVEL: "error" }, logLines });
	expect(h.bot.http).toBeUndefined();
	expect(h.bot.client.isReady()).toBe(true);
	const line = logLines
		.map((entry) => JSON.parse(entry) as { msg: string; port?: number })
		.find((entry) => entry.port === port);
	expect(line?.msg).toMatch(/HTTP_PORT is in use/);
	expectNothingStray(h);
});
