// Enforces CONVENTIONS.md's shape: the domain never imports discord.js, and @google/genai stays in src/gemini/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const DOMAIN_FOLDERS = ["src/conversation", "src/gemini", "src/images", "src/moderation"];
/** Files outside src/gemini/ allowed to import @google/genai, and why. */
const GENAI_EXCEPTIONS = new Map([
	["src/discord/describeError.ts", "classifies ApiError by instanceof and status, as CONVENTIONS.md item 8 allows"],
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
});
