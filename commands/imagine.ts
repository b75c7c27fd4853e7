// commands/imagine.ts: /imagine starts an image conversation in a new thread, or adds a turn where one exists.
import {
	ApplicationCommandOptionType,
	ChannelType,
	type ChatInputCommandInteraction,
	type Message,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { type AttachmentInfo, MAX_PROMPT_CHARS } from "../src/conversation/prepareTurn.js";
import { startTurn } from "../src/conversation/startTurn.js";
import type { TurnPorts } from "../src/conversation/turnRequest.js";
import type { TurnOptions } from "../src/conversation/types.js";
import type { Deps } from "../src/deps.js";
import { type Text, textForDiscord } from "../src/discord/i18n/textFor.js";
import { answerOutcome, askerOf, turnPlaceOf } from "../src/discord/routing/turnRequests.js";
import { channelView } from "../src/discord/turns/channelView.js";
import { openThread, type ThreadParent, threadParentOf } from "../src/discord/turns/openThread.js";
import { threadTitle } from "../src/discord/turns/threadTitle.js";
import type { TurnChannel } from "../src/discord/turns/turnChannel.js";
import { ASPECT_RATIOS, type AspectRatio, IMAGE_SIZES, type ImageSize } from "../src/gemini/models.js";
import { OUTPUT_MODES } from "../src/gemini/types.js";
import type { Settings } from "../src/moderation/settings.js";

const IMAGE_OPTIONS = ["image", "image2", "image3"] as const;

export const definition = {
	name: "imagine",
	description: "Make or edit an image with Gemini; the thread becomes the conversation",
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: "prompt",
			description: "What to make or change",
			required: true,
			max_length: MAX_PROMPT_CHARS,
		},
		...IMAGE_OPTIONS.map((name) => ({
			type: ApplicationCommandOptionType.Attachment as const,
			name,
			description: "An image to start from or use",
		})),
		{
			type: ApplicationCommandOptionType.String,
			name: "aspect",
			description: "Aspect ratio (default: square, or the input image's)",
			choices: ASPECT_RATIOS.map((ratio) => ({ name: ratio, value: ratio })),
		},
		{
			type: ApplicationCommandOptionType.String,
			name: "output",
			description: "Image only, or image and text (default)",
			choices: OUTPUT_MODES.map((mode) => ({ name: mode, value: mode })),
		},
		{
			type: ApplicationCommandOptionType.String,
			name: "size",
			description: "Image size, where the model takes it",
			choices: IMAGE_SIZES.map((size) => ({ name: size, value: size })),
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The options the member picked; the conversation's own fill in the rest. */
function readOptions(interaction: ChatInputCommandInteraction): Partial<TurnOptions> {
	const aspect = interaction.options.getString("aspect") as AspectRatio | null;
	const size = interaction.options.getString("size") as ImageSize | null;
	const output = interaction.options.getString("output") as TurnOptions["output"] | null;
	return { ...(aspect ? { aspect } : {}), ...(size ? { size } : {}), ...(output ? { output } : {}) };
}

/** The line a public thread starts from: who asked, and what. */
const headingOf = (userId: string, name: string) => `🎨 <@${userId}>: ${name}`;

/**
 * Opens the conversation's thread: from the command's reply when public (`starter`, so the channel shows the prompt),
 * else a private one.
 */
async function openConversationThread(
	interaction: ChatInputCommandInteraction,
	parent: ThreadParent,
	name: string,
	threads: Settings["threads"],
	t: Text,
	starter: Message | undefined,
) {
	const heading = headingOf(interaction.user.id, name);
	if (threads.visibility === "public" && starter) {
		return starter.startThread({ name, autoArchiveDuration: threads.autoArchiveMinutes });
	}
	const thread = await openThread(parent, name, {
		reason: t.auditReasons.imagine,
		memberId: interaction.user.id,
		threads,
	});
	await thread.send({ content: heading, allowedMentions: { parse: [] } });
	await interaction.editReply({ content: t.messages.threadStarted(thread.id) });
	return thread;
}

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const channel = interaction.channel;
	const prompt = interaction.options.getString("prompt", true);
	const attachments: AttachmentInfo[] = IMAGE_OPTIONS.flatMap(
		(name) => interaction.options.getAttachment(name) ?? [],
	).map((attachment) => ({ url: attachment.url, name: attachment.name, size: attachment.size }));
	const existing = channel ? await deps.store.getConversation(channel.id) : undefined;
	// In a DM or one of the bot's threads holding a conversation, /imagine is that conversation's next turn.
	const turnChannel: TurnChannel | undefined =
		channel?.type === ChannelType.DM || (channel?.isThread() && existing) ? channel : undefined;
	const parent = turnChannel ? undefined : threadParentOf(channel);
	if (!channel || (!turnChannel && !parent)) {
		await interaction.reply({ content: t.messages.notInConversation, flags: "Ephemeral" });
		return;
	}
	const logger = deps.logger.child({ module: "turn", entry: "imagine" });
	const title = threadTitle(prompt, "", t.labels.untitledThread);
	const requesterId = interaction.user.id;
	const acknowledgement = { content: `${t.messages.turnAcknowledged} ${title}`, allowedMentions: { parse: [] } };
	// One call acknowledges and says something: "On it" in a conversation, the public thread's heading in a channel.
	let starter: Message | undefined;
	const ports: TurnPorts = {
		async accepted({ settings }) {
			if (turnChannel) {
				await interaction.reply(acknowledgement);
			} else if (settings.threads.visibility === "public") {
				const heading = { content: headingOf(requesterId, title), allowedMentions: { parse: [] } };
				starter = (await interaction.reply({ ...heading, withResponse: true })).resource?.message ?? undefined;
			} else {
				await interaction.deferReply();
			}
		},
		async open({ settings }) {
			if (turnChannel) return channelView(turnChannel, logger, { requesterId, text: t });
			const thread = await openConversationThread(
				interaction,
				parent as ThreadParent,
				title,
				settings.threads,
				t,
				starter,
			);
			return channelView(thread, logger, { requesterId, text: t, title: thread.name });
		},
		view: () => channelView(turnChannel as TurnChannel, logger, { requesterId, text: t }),
		branch: async () => undefined,
	};
	const outcome = await startTurn(
		deps,
		{
			entry: "imagine",
			place: await turnPlaceOf(channel),
			asker: askerOf(interaction),
			text: prompt,
			attachments,
			options: readOptions(interaction),
			target: existing ? { kind: "continue", conversationId: channel.id } : { kind: "start", title },
		},
		ports,
	);
	await answerOutcome(interaction, outcome, existing?.model ?? deps.config.gemini.model, { replaceReply: true });
}
