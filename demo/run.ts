// demo/run.ts: `npm run demo [-- --out <dir>]`: the real bot plays one thread on local fakes, written out as HTML.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { playStory } from "./playStory.js";
import { renderTranscript } from "./renderTranscript.js";
import { startDemoWorld } from "./startDemoWorld.js";
import { type Transcript, takeSnapshot } from "./takeSnapshot.js";

/** After everything is stopped, the process must end by itself; if something still holds it open, that is a bug. */
const EXIT_GRACE_MS = 5_000;

const USAGE = `Usage: npm run demo [-- --out <dir>]

Runs the bot on a local fake Discord and fake Gemini (no account, no .env, no network), plays one thread
(/imagine, a photo, Reroll, a safety block, a branch) and writes it as index.html, with its images, into <dir>
(default: a new folder under ${tmpdir()}). Prints the path of index.html.`;

/** Writes index.html and every attachment next to it; returns the path of index.html. */
async function writeTranscript(folder: string, transcript: Transcript): Promise<string> {
	await mkdir(folder, { recursive: true });
	for (const channel of transcript.channels)
		for (const item of channel.items)
			if (item.kind === "message")
				for (const attachment of item.attachments) await writeFile(join(folder, attachment.file), attachment.data);
	const index = join(folder, "index.html");
	await writeFile(index, renderTranscript(transcript));
	return index;
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } });
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const started = performance.now();
	const say = (line: string) => console.error(`[${Math.round(performance.now() - started)} ms] ${line}`);
	say("starting a fake Discord, a fake Gemini and the bot (SQLite in a temporary folder)");
	const world = await startDemoWorld();
	try {
		const story = await playStory(world, say);
		const folder = values.out ? resolve(values.out) : await mkdtemp(join(tmpdir(), "nano-banana-demo-"));
		const index = await writeTranscript(folder, takeSnapshot(world.discord, story.channelIds, story.narration));
		const stray = [...world.discord.unknownRoutes, ...world.gemini.unknownRoutes];
		if (stray.length > 0) throw new Error(`the fakes saw routes they do not know: ${stray.join(", ")}`);
		say("stopping");
		await world.stop();
		say("transcript written; open it in a browser:");
		console.log(index);
	} catch (err) {
		await world.stop().catch(() => {});
		throw err;
	}
}

main().then(
	() => {
		setTimeout(() => {
			console.error("demo: something still holds the process open after stopping; exiting");
			process.exit(1);
		}, EXIT_GRACE_MS).unref();
	},
	(err: unknown) => {
		console.error("demo failed:", err);
		process.exit(1);
	},
);
