// bench/botProcess.ts: one bot in a process of its own (the real one or the minimal one), driven by the benchmark over IPC.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startBot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { newConversation } from "../src/conversation/newConversation.js";
import { createLogger } from "../src/logger.js";
import { startMinimalBot } from "./minimalBot.js";

export type BotRequest = {
	id: number;
	type: "idle" | "stats" | "resetStats" | "seed" | "stop";
	count?: number;
	image?: string;
};
export type BotStats = { rssMb: number; maxRssMb: number; cpuMs: number; maxLoopDelayMs: number };

const kind = process.argv[2] === "minimal" ? "minimal" : "bot";
const config = loadConfig(process.env);
const bot = kind === "bot" ? await startBot(config, createLogger("silent")) : undefined;
const minimal =
	kind === "minimal"
		? await startMinimalBot({
				token: config.discordToken,
				discordApiUrl: config.discordApiUrl,
				geminiApiKey: config.gemini.apiKey ?? "",
				geminiBaseUrl: config.gemini.baseUrl ?? "",
				model: config.gemini.model,
				concurrency: config.gemini.concurrency,
			})
		: undefined;
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

/** Stored conversations the benchmark does not touch: the store holds them, the process should not. */
async function seed(count: number, image: Buffer): Promise<void> {
	if (!bot) return;
	const { store } = bot.deps;
	const model = config.gemini.model;
	const options = { output: "image_and_text" } as const;
	for (let index = 0; index < count; index++) {
		const ref = await store.putImage({
			data: Buffer.concat([image, Buffer.from(String(index))]),
			mimeType: "image/png",
		});
		const id = `9${String(index).padStart(17, "0")}`;
		await store.saveConversation({
			...newConversation({ id, guildId: null, ownerId: "1", model, title: "seeded", options }),
			exchanges: [
				{
					turn: 1,
					user: [{ kind: "text", text: "seeded" }],
					model: [{ kind: "image", image: ref, version: 1 }],
					requesterId: "1",
					modelId: model,
					options,
					at: new Date().toISOString(),
					ms: 1,
					messageIds: [],
				},
			],
		});
	}
}

process.on("message", (request: BotRequest) => {
	void (async () => {
		if (request.type === "idle") await bot?.deps.turns.idle();
		if (request.type === "resetStats") delay.reset();
		if (request.type === "seed") await seed(request.count ?? 0, Buffer.from(request.image ?? "", "base64"));
		if (request.type === "stop") {
			await bot?.stop();
			await minimal?.stop();
		}
		const cpu = process.cpuUsage();
		const stats: BotStats = {
			rssMb: process.memoryUsage().rss / 1_048_576,
			maxRssMb: process.resourceUsage().maxRSS / 1_024,
			cpuMs: (cpu.user + cpu.system) / 1_000,
			maxLoopDelayMs: delay.max / 1e6,
		};
		process.send?.({ id: request.id, stats });
		if (request.type === "stop") process.disconnect();
	})();
});
// A benchmark that died (or was killed) takes its bots with it.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
