// Drives the fake Discord with a real discord.js Client (no bot code) to prove the fake is faithful enough.
import { once } from "node:events";
import { inflateSync, constants as zlibConstants } from "node:zlib";
import {
	ActionRowBuilder,
	ApplicationCommandOptionType,
	ApplicationCommandType,
	ButtonBuilder,
	ButtonStyle,
	ChannelType,
	Client,
	DiscordAPIError,
	Events,
	GatewayIntentBits,
	type Interaction,
	LabelBuilder,
	type Message,
	MessageFlags,
	ModalBuilder,
	Partials,
	Routes,
	type TextChannel,
	TextInputBuilder,
	TextInputStyle,
	type ThreadChannel,
} from "discord.js";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/fakeDiscord.js";

const TEN_MIB = 10 * 1_024 * 1_024;

function newClient(fake: FakeDiscord): Client {
	return new Client({
		intents: [
			GatewayIntentBits.Guilds,
			GatewayIntentBits.GuildMessages,
			GatewayIntentBits.MessageContent,
			GatewayIntentBits.DirectMessages,
		],
		partials: [Partials.Channel],
		rest: { api: fake.apiUrl },
	});
}

async function login(client: Client, token: string): Promise<void> {
	const ready = once(client, Events.ClientReady);
	await client.login(token);
	await ready;
}

/** Runs `action` and resolves with the error it threw, or undefined. */
async function capture(action: () => Promise<unknown>): Promise<unknown> {
	try {
		await action();
		return undefined;
	} catch (error) {
		return error;
	}
}

describe("fake Discord with a real discord.js Client", () => {
	let fake: FakeDiscord;
	let client: Client;
	let png: Buffer;
	let loginMs = 0;
	const received: Message[] = [];
	const handlerErrors: unknown[] = [];
	const secondAckErrors: unknown[] = [];
	const downloadedOptionBytes: Buffer[] = [];
	const threadCreates: { id: string; newlyCreated: boolean }[] = [];

	async function onInteraction(interaction: Interaction): Promise<void> {
		if (interaction.isChatInputCommand() && interaction.commandName === "imagine") {
			const image = interaction.options.getAttachment("image", true);
			downloadedOptionBytes.push(Buffer.from(await (await fetch(image.url)).arrayBuffer()));
			await interaction.deferReply();
			await interaction.editReply({ content: "done", files: [{ attachment: png, name: "out.png" }] });
			await interaction.followUp({ content: "one more thing" });
		} else if (interaction.isChatInputCommand() && interaction.commandName === "quick") {
			await interaction.deferReply({ flags: MessageFlags.Ephemeral });
			await interaction.followUp({ content: "filled in" });
		} else if (interaction.isChatInputCommand() && interaction.commandName === "twice") {
			await interaction.reply({ content: "first" });
			secondAckErrors.push(
				await capture(() =>
					interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
						body: { type: 4, data: { content: "second" } },
						auth: false,
					}),
				),
			);
		} else if (interaction.isButton() && interaction.customId === "go") {
			await interaction.update({ content: "clicked", components: [] });
		} else if (interaction.isButton() && interaction.customId === "ask") {
			const input = new TextInputBuilder().setCustomId("prompt").setStyle(TextInputStyle.Short);
			const modal = new ModalBuilder()
				.setCustomId("ask-modal")
				.setTitle("Ask")
				.addLabelComponents(new LabelBuilder().setLabel("Prompt").setTextInputComponent(input));
			await interaction.showModal(modal);
		} else if (interaction.isModalSubmit()) {
			await interaction.reply({ content: `you said ${interaction.fields.getTextInputValue("prompt")}` });
		} else if (interaction.isMessageContextMenuCommand()) {
			await interaction.reply({ content: `target: ${interaction.targetMessage.content}` });
		}
	}

	beforeAll(async () => {
		png = await sharp({ create: { width: 3, height: 2, channels: 3, background: "#f5c400" } })
			.png()
			.toBuffer();
		fake = await startFakeDiscord();
		client = newClient(fake);
		client.on(Events.MessageCreate, (message) => received.push(message));
		client.on(Events.ThreadCreate, (thread, newlyCreated) => threadCreates.push({ id: thread.id, newlyCreated }));
		client.on(Events.InteractionCreate, (interaction) => {
			onInteraction(interaction).catch((error: unknown) => handlerErrors.push(error));
		});
		const started = Date.now();
		await login(client, fake.token);
		loginMs = Date.now() - started;
	});

	afterAll(async () => {
		await client?.destroy();
		await fake?.close();
	});

	function textChannel(): TextChannel {
		const channel = client.channels.cache.get(fake.textChannelId);
		if (channel?.type !== ChannelType.GuildText) throw new Error("text channel not cached");
		return channel;
	}

	it("gets ready quickly with the guild, channels and its own member cached", () => {
		expect(loginMs).toBeLessThan(5_000);
		expect(client.user?.id).toBe(fake.botUser.id);
		const guild = client.guilds.cache.get(fake.guildId);
		expect(guild?.available).toBe(true);
		expect(guild?.channels.cache.has(fake.textChannelId)).toBe(true);
		const nsfw = guild?.channels.cache.get(fake.nsfwChannelId);
		expect(nsfw?.type === ChannelType.GuildText && nsfw.nsfw).toBe(true);
		expect(guild?.members.me?.permissions.has("ManageThreads")).toBe(true);
		expect(guild?.members.cache.get(fake.moderatorId)?.permissions.has("ModerateMembers")).toBe(true);
		expect(guild?.members.cache.get(fake.moderatorId)?.permissions.has("Administrator")).toBe(false);
		expect(guild?.members.cache.get(fake.userId)?.permissions.has("ManageMessages")).toBe(false);
	});

	it("refuses a wrong token with 401 code 0", async () => {
		const response = await fetch(`${fake.apiUrl}/v10/users/@me`, { headers: { Authorization: "Bot nope" } });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ code: 0, message: "401: Unauthorized" });
	});

	it("dispatches user messages with attachments the CDN serves, replies and DMs", async () => {
		const sent = await fake.userMessage({
			channelId: fake.textChannelId,
			content: "hello bot",
			attachments: [{ filename: "cat.png", contentType: "image/png", data: png }],
		});
		const message = await fake.waitFor(() => received.find((candidate) => candidate.id === sent.id), {
			what: "message",
		});
		expect(message.content).toBe("hello bot");
		expect(message.author.id).toBe(fake.userId);
		expect(message.member?.id).toBe(fake.userId);
		const attachment = message.attachments.first();
		expect(attachment).toMatchObject({
			name: "cat.png",
			contentType: "image/png",
			size: png.length,
			width: 3,
			height: 2,
		});
		const download = await fetch(attachment?.url ?? "");
		expect(download.headers.get("content-type")).toBe("image/png");
		expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);

		const reply = await fake.userMessage({ channelId: fake.textChannelId, content: "again", replyTo: sent.id });
		const replied = await fake.waitFor(() => received.find((candidate) => candidate.id === reply.id), {
			what: "reply",
		});
		expect(replied.reference?.messageId).toBe(sent.id);

		const direct = await fake.userMessage({ channelId: fake.dmChannelId, content: "psst" });
		const dm = await fake.waitFor(() => received.find((candidate) => candidate.id === direct.id), { what: "DM" });
		expect(dm.channel.type).toBe(ChannelType.DM);
		expect(dm.inGuild()).toBe(false);
	});

	it("registers commands and runs a slash command with an attachment: defer, edit with a file, follow up", async () => {
		await client.application?.commands.set([
			{
				name: "imagine",
				description: "Make an image",
				options: [
					{ name: "image", description: "Reference", type: ApplicationCommandOptionType.Attachment, required: true },
				],
			},
			{ name: "quick", description: "Follow up right after deferring" },
			{ name: "twice", description: "Acknowledge twice" },
			{ name: "Edit image", type: ApplicationCommandType.Message },
		]);
		expect(fake.registeredCommands.global).toHaveLength(4);

		const interaction = await fake.slashCommand({
			name: "imagine",
			channelId: fake.textChannelId,
			options: { image: { filename: "ref.png", contentType: "image/png", data: png } },
		});
		const followUp = await fake.waitFor(() => interaction.followUps()[0], { what: "follow-up" });
		expect(downloadedOptionBytes[0]?.equals(png)).toBe(true);
		expect(interaction.callbacks.map((callback) => callback.type)).toEqual([5]);
		expect(interaction.ephemeral).toBe(false);
		const original = interaction.original();
		expect(original?.content).toBe("done");
		expect(original?.flags ?? 0).toBe(0);
		expect(original?.attachments.map((file) => file.filename)).toEqual(["out.png"]);
		expect(original?.attachments[0]?.data.equals(png)).toBe(true);
		expect(followUp.content).toBe("one more thing");
		expect(fake.messages(fake.textChannelId).map((message) => message.id)).toEqual(
			expect.arrayContaining([original?.id, followUp.id]),
		);
	});

	it("fills the deferred message with a follow-up sent right after deferReply", async () => {
		const interaction = await fake.slashCommand({ name: "quick", channelId: fake.textChannelId });
		const original = await fake.waitFor(
			() => interaction.original()?.content === "filled in" && interaction.original(),
		);
		expect(interaction.followUps()).toHaveLength(0);
		expect(interaction.ephemeral).toBe(true);
		expect(original.flags).toBe(MessageFlags.Ephemeral);
	});

	it("answers a second acknowledgement with 40060", async () => {
		const interaction = await fake.slashCommand({ name: "twice", channelId: fake.textChannelId });
		const error = await fake.waitFor(() => secondAckErrors[0], { what: "second ack" });
		expect(error).toBeInstanceOf(DiscordAPIError);
		expect((error as DiscordAPIError).code).toBe(40060);
		expect(interaction.original()?.content).toBe("first");
	});

	it("creates threads from a message and without one, firing threadCreate", async () => {
		const starter = await textChannel().send({ content: "let's talk" });
		const fromMessage = await starter.startThread({ name: "conversation" });
		expect(fromMessage.id).toBe(starter.id);
		const standalone = await textChannel().threads.create({ name: "private chat", type: ChannelType.PrivateThread });
		expect(standalone.type).toBe(ChannelType.PrivateThread);
		await fake.waitFor(() => threadCreates.length >= 2, { what: "threadCreate" });
		expect(threadCreates.map((thread) => thread.id)).toEqual(expect.arrayContaining([fromMessage.id, standalone.id]));
		expect(fake.threads().map((thread) => thread.parent_id)).toEqual([fake.textChannelId, fake.textChannelId]);

		await fromMessage.send("inside");
		expect(fake.messages(fromMessage.id).map((message) => message.content)).toEqual(["inside"]);
		const tooLong = await capture(() => textChannel().threads.create({ name: "x".repeat(101) }));
		expect((tooLong as DiscordAPIError).code).toBe(50035);
	});

	it("lets a client that logs in later see the threads in its cache", async () => {
		const late = newClient(fake);
		try {
			await login(late, fake.token);
			const ids = fake.threads().map((thread) => thread.id);
			expect(ids.every((id) => late.channels.cache.get(id)?.isThread())).toBe(true);
		} finally {
			await late.destroy();
		}
	});

	it("uploads files as multipart, echoes the bot's own message and rejects oversize files with 40005", async () => {
		const bytes = Buffer.from("not really a banana");
		const sent = await textChannel().send({ content: "file", files: [{ attachment: bytes, name: "notes.txt" }] });
		expect(fake.message(sent.id)?.attachments[0]?.data.equals(bytes)).toBe(true);
		const call = fake.restCalls.findLast(
			(candidate) => candidate.method === "POST" && candidate.path.endsWith("/messages"),
		);
		expect(call?.files).toEqual([{ name: "files[0]", filename: "notes.txt", size: bytes.length }]);
		await fake.waitFor(() => received.some((message) => message.id === sent.id), { what: "own MESSAGE_CREATE" });

		const tooBig = await capture(() =>
			textChannel().send({ files: [{ attachment: Buffer.alloc(TEN_MIB + 1), name: "big.bin" }] }),
		);
		expect(tooBig).toBeInstanceOf(DiscordAPIError);
		expect((tooBig as DiscordAPIError).code).toBe(40005);
		expect((tooBig as DiscordAPIError).status).toBe(413);
		const tooLong = await capture(() => textChannel().send("x".repeat(2_001)));
		expect((tooLong as DiscordAPIError).code).toBe(50035);
	});

	it("handles a button update, and a modal shown from a button and submitted", async () => {
		const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
			new ButtonBuilder().setCustomId("go").setLabel("Go").setStyle(ButtonStyle.Primary),
			new ButtonBuilder().setCustomId("ask").setLabel("Ask").setStyle(ButtonStyle.Secondary),
		);
		const panel = await textChannel().send({ content: "panel", components: [row] });
		const modalOpener = await fake.clickButton({ messageId: panel.id, customId: "ask" });
		await fake.waitFor(() => modalOpener.modal, { what: "modal" });
		expect(modalOpener.callbacks[0]?.type).toBe(9);
		const submitted = await fake.submitModal({
			customId: "ask-modal",
			fields: { prompt: "a cat" },
			channelId: fake.textChannelId,
		});
		const answer = await fake.waitFor(() => submitted.original(), { what: "modal reply" });
		expect(answer.content).toBe("you said a cat");

		const click = await fake.clickButton({ messageId: panel.id, customId: "go" });
		await fake.waitFor(() => fake.message(panel.id)?.content === "clicked", { what: "update" });
		expect(click.callbacks[0]?.type).toBe(7);
		expect(fake.message(panel.id)?.components).toEqual([]);
	});

	it("runs a message context menu command with its target message", async () => {
		const target = await fake.userMessage({ channelId: fake.textChannelId, content: "make it yellow" });
		const interaction = await fake.contextMenu({
			name: "Edit image",
			targetMessageId: target.id,
			channelId: fake.textChannelId,
		});
		const reply = await fake.waitFor(() => interaction.original(), { what: "context menu reply" });
		expect(reply.content).toBe("target: make it yellow");
	});

	it("edits, deletes, types, times out, archives and opens DMs over REST", async () => {
		const message = await textChannel().send("draft");
		await message.edit("final");
		expect(fake.message(message.id)).toMatchObject({ content: "final", edits: 1 });
		await message.delete();
		expect(fake.message(message.id)?.deleted).toBe(true);
		await textChannel().sendTyping();
		expect(fake.typing).toContain(fake.textChannelId);

		const member = await client.guilds.cache.get(fake.guildId)?.members.fetch(fake.otherUserId);
		await member?.timeout(60_000, "spam");
		expect(fake.restCalls.at(-1)?.path).toBe(`/guilds/${fake.guildId}/members/${fake.otherUserId}`);

		const thread = client.channels.cache.get(fake.threads()[0]?.id ?? "") as ThreadChannel;
		await thread.setArchived(true);
		expect(fake.channels.get(thread.id)?.thread_metadata?.archived).toBe(true);
		await fake.waitFor(() => thread.archived, { what: "THREAD_UPDATE" });

		const dm = await client.users.createDM(fake.userId);
		expect(dm.id).toBe(fake.dmChannelId);
	});

	it("serves CDN overrides: failures, delays and missing Content-Length", async () => {
		const sent = await fake.userMessage({
			channelId: fake.textChannelId,
			content: "cdn",
			attachments: [{ filename: "x.png", data: png }],
		});
		const attachment = sent.attachments[0];
		if (!attachment) throw new Error("no attachment");
		fake.cdnOverrides.set(attachment.id, { status: 503 });
		expect((await fetch(attachment.url)).status).toBe(503);
		fake.cdnOverrides.set(attachment.id, { omitLength: true, delayMs: 50 });
		const streamed = await fetch(attachment.url);
		expect(streamed.headers.get("content-length")).toBeNull();
		expect(Buffer.from(await streamed.arrayBuffer()).equals(png)).toBe(true);
	});

	it("speaks zlib-stream when asked and resumes a dropped session", async () => {
		const raw = new WebSocket(
			`${fake.apiUrl.replace("http", "ws").replace("/api", "")}?v=10&encoding=json&compress=zlib-stream`,
		);
		const [frame] = (await once(raw, "message")) as [Buffer];
		const hello = JSON.parse(inflateSync(frame, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString("utf8"));
		expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
		raw.close();

		const resumed = once(client, Events.ShardResume);
		fake.disconnectAll();
		await resumed;
		expect(fake.connectedSessions()).toBe(1);
		const after = await fake.userMessage({ channelId: fake.textChannelId, content: "still there?" });
		await fake.waitFor(() => received.some((message) => message.id === after.id), { what: "message after resume" });
	});

	it("saw no unknown routes and no handler errors", () => {
		expect(handlerErrors).toEqual([]);
		expect(fake.unknownRoutes).toEqual([]);
		expect(fake.internalErrors).toEqual([]);
	});
});
