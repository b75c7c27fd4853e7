// bench/minimalBot.ts: the least a Discord image bot does per turn (one SDK call, one upload): the benchmark's baseline.
import { GoogleGenAI, type Part } from "@google/genai";
import { Client, Events, GatewayIntentBits, type Message, Partials } from "discord.js";
import PQueue from "p-queue";

export type MinimalBot = { client: Client; stop(): Promise<void> };

export type MinimalBotOptions = {
	token: string;
	discordApiUrl: string;
	geminiApiKey: string;
	geminiBaseUrl: string;
	model: string;
	/** Gemini calls at once, as GEMINI_CONCURRENCY caps the bot's. */
	concurrency: number;
};

/** Starts it and resolves once Discord is ready: /imagine answers in place, a message is answered in its channel. */
export async function startMinimalBot(options: MinimalBotOptions): Promise<MinimalBot> {
	const ai = new GoogleGenAI({
		apiKey: options.geminiApiKey,
		httpOptions: { baseUrl: options.geminiBaseUrl, apiVersion: "v1beta" },
	});
	const queue = new PQueue({ concurrency: options.concurrency });
	const generate = async (parts: Part[]) => {
		const response = await queue.add(() =>
			ai.models.generateContent({
				model: options.model,
				contents: [{ role: "user", parts }],
				config: { responseModalities: ["TEXT", "IMAGE"] },
			}),
		);
		const image = response?.candidates?.[0]?.content?.parts?.find((part) => part.inlineData?.data);
		return Buffer.from(image?.inlineData?.data ?? "", "base64");
	};
	const files = (image: Buffer) => [{ attachment: image, name: "image.png" }];
	const client = new Client({
		intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
		partials: [Partials.Channel],
		rest: { api: options.discordApiUrl },
	});
	client.on(Events.InteractionCreate, async (interaction) => {
		if (!interaction.isChatInputCommand()) return;
		await interaction.deferReply();
		const image = await generate([{ text: interaction.options.getString("prompt", true) }]);
		await interaction.editReply({ files: files(image) });
	});
	client.on(Events.MessageCreate, async (message: Message) => {
		if (message.author.bot) return;
		const parts: Part[] = [{ text: message.content }];
		for (const attachment of message.attachments.values()) {
			const data = Buffer.from(await (await fetch(attachment.url)).arrayBuffer());
			parts.push({ inlineData: { mimeType: attachment.contentType ?? "image/jpeg", data: data.toString("base64") } });
		}
		const image = await generate(parts);
		if (message.channel.isSendable()) await message.channel.send({ files: files(image) });
	});
	const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
	await client.login(options.token);
	await ready;
	return { client, stop: () => client.destroy() };
}
