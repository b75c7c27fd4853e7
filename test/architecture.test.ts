// Enforces CONVENTIONS.md's shape: the domain never imports discord.js, and @google/genai stays in src/gemini/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const DOMAIN_FOLDERS = ["src/conversation", "src/gemini", "src/images", "src/moderation", "src/background"];
/** Files outside src/gemini/ allowed to import @google/genai, and why. */
const GENAI_EXCEPTIONS = new Map([
	[
		"src/discord/routing/describeError.ts",
		"classifies ApiError by instanceof and status, as CONVENTIONS.md item 8 allows",
	],
	[
		"src/http/api/describeApiError.ts",
		"maps ApiError to an HTTP status by instanceof and status, as describeError does",
	],
]);

function sourceFiles(folder: string): string[] {
	const absolute = join(ROOT, folder);
	if (!existsSync(absolute)) return [];
	return readdirSync(absolute, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(ts|mts|cts|js|mjs)$/.test(entry.name))
		.map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split("\\").join("/"))
		.sort();
}

/** Module specifiers a file imports or re-exports, statically or dynamically (type-only imports included). */
function importsOf(source: string): string[] {
	const patterns = [
		/^\s*import\s+(?:type\s+)?[^'"]*?\bfrom\s*["']([^"']+)["']/gm,
		/^\s*import\s*["']([^"']+)["']/gm,
		/^\s*export\s+(?:type\s+)?[^'"]*?\bfrom\s*["']([^"']+)["']/gm,
		/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
		/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
	];
	return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ""));
}

const importsFile = (file: string, name: string) =>
	importsOf(readFileSync(join(ROOT, file), "utf8")).some(
		(specifier) => specifier === name || specifier.startsWith(`${name}/`),
	);

/** Every project file a file imports (relative specifiers, `.js` resolved to the `.ts` source). */
function localImportsOf(file: string): string[] {
	return importsOf(readFileSync(join(ROOT, file), "utf8"))
		.filter((specifier) => specifier.startsWith("."))
		.map((specifier) =>
			normalize(join(dirname(file), specifier))
				.replace(/\.js$/, ".ts")
				.split("\\")
				.join("/"),
		);
}

/** The import cycles of `graph`, each as the path that closes it (depth-first, one report per cycle found). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
	const cycles: string[][] = [];
	const state = new Map<string, "open" | "done">();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, "open");
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (!graph.has(next)) continue;
			if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, "done");
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return cycles;
}

describe("architecture", () => {
	it("finds the files it checks (and sees every kind of import)", () => {
		expect(sourceFiles("src/gemini")).toContain("src/gemini/parseReply.ts");
		expect(sourceFiles("src/conversation")).toContain("src/conversation/runTurn.ts");
		const sample = [
			'import { Client } from "discord.js";',
			"import type { Message } from 'discord.js';",
			"import {",
			"\tChannelType,",
			'} from "discord.js";',
			'export { Events } from "discord.js";',
			'const lazy = await import("discord.js");',
			'import "discord.js";',
		].join("\n");
		expect(importsOf(sample)).toEqual(Array(6).fill("discord.js"));
	});

	it.each(DOMAIN_FOLDERS)("no file under %s imports discord.js", (folder) => {
		const offenders = sourceFiles(folder).filter(
			(file) => importsFile(file, "discord.js") || importsFile(file, "@discordjs"),
		);
		expect(offenders).toEqual([]);
	});

	it("only src/gemini/ (and the listed exceptions) import @google/genai", () => {
		const files = [...sourceFiles("src"), ...sourceFiles("commands")];
		const importers = files.filter((file) => importsFile(file, "@google/genai"));
		const outside = importers.filter((file) => !file.startsWith("src/gemini/") && !GENAI_EXCEPTIONS.has(file));
		expect(outside).toEqual([]);
		expect(importers.some((file) => file.startsWith("src/gemini/"))).toBe(true);
	});

	it("every listed exception still exists", () => {
		for (const file of GENAI_EXCEPTIONS.keys()) expect(existsSync(join(ROOT, file))).toBe(true);
	});

	it("finds a cycle when there is one", () => {
		const graph = new Map([
			["a.ts", ["b.ts"]],
			["b.ts", ["c.ts"]],
			["c.ts", ["a.ts", "d.ts"]],
			["d.ts", []],
		]);
		expect(importCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
		expect(
			importCycles(
				new Map([
					["a.ts", ["b.ts"]],
					["b.ts", []],
				]),
			),
		).toEqual([]);
	});

	it("has no import cycles (type-only imports included)", () => {
		const files = [...sourceFiles("src"), ...sourceFiles("commands")];
		const graph = new Map(files.map((file) => [file, localImportsOf(file)]));
		expect(graph.get("src/bot.ts")).toContain("src/conversation/store.ts");
		expect(importCycles(graph)).toEqual([]);
	});

	it("the router gets the command list from the composition root, never from commands/", () => {
		const routing = sourceFiles("src/discord").filter((file) => file.startsWith("src/discord/routing/"));
		expect(routing.length).toBeGreaterThan(0);
		const offenders = routing.filter((file) => localImportsOf(file).some((target) => target.startsWith("commands/")));
		expect(offenders).toEqual([]);
	});
});
