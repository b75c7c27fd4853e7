// The Dockerfile and compose.yaml, which cannot run here (no Docker engine): their structure, and the health check they run.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

type Service = {
	image?: string;
	build?: string;
	command?: string[];
	environment?: Record<string, string>;
	env_file?: { path: string; required: boolean }[];
	depends_on?: Record<string, { condition: string }>;
	healthcheck?: { test: string[]; interval: string; start_period?: string };
	stop_grace_period?: string;
	volumes?: string[];
	init?: boolean;
};

describe("compose.yaml", () => {
	const compose = parse(read("compose.yaml")) as {
		services: Record<string, Service>;
		volumes: Record<string, unknown>;
	};

	it("runs Redis with a health check and a volume, and the bot sharded on it once Redis is healthy", () => {
		const { redis, bot } = compose.services;
		expect(redis?.image).toMatch(/^redis:/);
		expect(redis?.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
		expect(redis?.volumes).toEqual(["redis-data:/data"]);
		expect(Object.keys(compose.volumes)).toEqual(["redis-data"]);
		expect(bot?.build).toBe(".");
		expect(bot?.command).toEqual(["node", "dist/src/sharded.js"]);
		expect(bot?.environment?.STORE_URL).toBe("redis://redis:6379");
		// Compose's own substitution, kept literally in the file.
		expect(bot?.environment?.SHARD_COUNT).toBe(["$", "{SHARD_COUNT:-2}"].join(""));
		expect(bot?.depends_on).toEqual({ redis: { condition: "service_healthy" } });
		expect(bot?.env_file).toEqual([{ path: ".env", required: true }]);
		expect(bot?.init).toBe(true);
	});

	it("checks /healthz on every shard's port, and stops later than running turns' grace", () => {
		const { bot } = compose.services;
		expect(bot?.healthcheck?.test).toEqual(["CMD", "node", "dist/src/healthcheck.js", "--sharded"]);
		expect(bot?.environment?.HTTP_PORT).toBe("8080");
		expect(Number.parseInt(bot?.stop_grace_period ?? "0", 10)).toBeGreaterThan(30);
	});
});

describe("Dockerfile", () => {
	const dockerfile = read("Dockerfile");
	const stages = dockerfile.match(/^FROM .*/gm) ?? [];

	it("is multi-stage on Node 24 slim, runs as the node user with the data volume and a health check", () => {
		expect(stages.length).toBeGreaterThanOrEqual(2);
		for (const stage of stages) expect(stage).toMatch(/^FROM node:24-[\w-]*slim/);
		const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
		expect(runtime).toMatch(/^USER node$/m);
		expect(runtime).toMatch(/^VOLUME \["\/app\/data"\]$/m);
		expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*CMD \["node", "dist\/src\/healthcheck.js"\]/m);
		expect(runtime).not.toMatch(/npm ci(?! --omit=dev)/);
		expect(read(".dockerignore").split("\n")).toEqual(expect.arrayContaining(["node_modules", ".env", "test"]));
	});
});

describe("the health check (dist/src/healthcheck.js)", () => {
	const servers: Server[] = [];
	afterEach(async () => {
		for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
	});
	const serve = async (port: number, status: number) => {
		const server = createServer((_, response) => response.writeHead(status).end());
		servers.push(server);
		await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
		return (server.address() as AddressInfo).port;
	};
	/** Runs the health check as the container does (asynchronously: the servers above live in this process). */
	const check = (env: Record<string, string>, ...args: string[]) =>
		new Promise<number | null>((resolve) => {
			const child = spawn(
				join(ROOT, "node_modules", ".bin", "node"),
				["--import", "tsx", join(ROOT, "src", "healthcheck.ts"), ...args],
				{
					cwd: ROOT,
					env: { PATH: process.env.PATH ?? "", DISCORD_TOKEN: "t", GEMINI_API_KEY: "k", ...env },
					stdio: "ignore",
				},
			);
			child.once("close", resolve);
		});

	it("passes when /healthz answers 200 on HTTP_PORT, or on every shard's port with --sharded", async () => {
		const base = await serve(0, 200);
		expect(await check({ HTTP_PORT: String(base) })).toBe(0);
		expect(await check({ HTTP_PORT: String(base), SHARD_COUNT: "2" }, "--sharded")).toBe(1);
		await serve(base + 1, 200).catch(() => undefined);
		expect(await check({ HTTP_PORT: String(base), SHARD_COUNT: "2", STORE_URL: "redis://r:6379" }, "--sharded")).toBe(
			0,
		);
	});

	it("fails on any other answer, and when HTTP_PORT is off", async () => {
		const port = await serve(0, 503);
		expect(await check({ HTTP_PORT: String(port) })).toBe(1);
		expect(await check({})).toBe(1);
	});
});
