// One bot process per SQLite file: a second claim fails with a ConfigError saying to use Redis; a release frees it.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config.js";
import { claimSqliteFile } from "../../src/conversation/claimSqliteFile.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("claimSqliteFile", () => {
	let folder = "";
	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), "claim-"));
	});
	afterAll(async () => {
		await rm(folder, { recursive: true, force: true });
	});

	it("lets one holder at a time use the file, and says to use Redis for several processes", async () => {
		const url = `sqlite://${join(folder, "a", "bot.sqlite")}`;
		const claim = await claimSqliteFile(url);
		await expect(claimSqliteFile(url)).rejects.toThrow(ConfigError);
		await expect(claimSqliteFile(url)).rejects.toThrow(/in use by another bot process.*STORE_URL=redis:\/\//);
		claim?.release();
		(await claimSqliteFile(url))?.release();
	});

	it("refuses a second process, and the lock goes when the holder dies", async () => {
		const url = `sqlite://${join(folder, "b", "bot.sqlite")}`;
		const claim = await claimSqliteFile(url);
		const script = `import { claimSqliteFile } from "./src/conversation/claimSqliteFile.ts";
			claimSqliteFile(${JSON.stringify(url)}).then(() => console.log("claimed"), (err) => console.log(err.code));`;
		const other = () =>
			spawnSync(join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", "--input-type=module", "-e", script], {
				cwd: ROOT,
				encoding: "utf8",
			}).stdout.trim();
		expect(other()).toBe("invalidConfig");
		claim?.release();
		expect(other()).toBe("claimed");
	});

	it("does nothing for Redis", async () => {
		expect(await claimSqliteFile("redis://127.0.0.1:6379")).toBeUndefined();
	});
});
