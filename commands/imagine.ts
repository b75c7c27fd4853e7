// commands/imagine.ts: /imagine starts an image conversation in a new thread, or adds a turn where one exists.
import {
	ApplicationCommandOptionType,
	ChannelType,
	type ChatInputCommandInteraction,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { newConversation } from "../src/conversation/newConversation.js";
import { type AttachmentInfo, checkTurnInput, MAX_PROMPT_CHARS } from "../src/conversation/prepareTurn.js";
import { OUTPUT_MODES, type TurnOptions } from "../src/conversation/types.js";
import type { Deps } from "../src/deps.js";
import { type Admission, admitTurn, askerOf, loadAdmittedImages, settingsFor } from "../src/discord/admitTurn.js";
import { messages } from "../src/discord/messages.js";
import { openThread, type ThreadParent, threadParentOf } from "../src/discord/openThread.js";
import { type TurnChannel, takeTurn } from "../src/discord/takeTurn.js";
import { threadTitle } from "../src/discord/threadTitle.js";
import { ASPECT_RATIOS, type AspectRatio, IMAGE_SIZES, type ImageSize } from "../src/gemini/models.js";

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

function readOptions(interaction: ChatInputCommandInteraction, base?: TurnOptions): TurnOptions {
	const aspect = (interaction.options.getString("aspect") as AspectRatio | null) ?? base?.aspect;
	const size = (interaction.options.getString("size") as ImageSize | null) ?? base?.size;
	const output =
		(interaction.options.getString("output") as TurnOptions["output"] | null) ?? base?.output ?? "image_and_text";
	return { output, ...(aspect ? { aspect } : {}), ...(size ? { size } : {}) };
}

/** Opens the conversation's thread: from the command's reply when public (so the channel shows the prompt), else private. */
async function openConversationThread(
	interaction: ChatInputCommandInteraction,
	parent: ThreadParent,
	prompt: string,
	admission: Admission,
) {
	const name = threadTitle(prompt);
	const { threads } = admission.settings;
	const heading = `🎨 <@${interaction.user.id}>: ${name}`;
	if (threads.visibility === "public") {
		const starter = await interaction.editReply({ content: heading });
		return starter.startThread({ name, autoArchiveDuration: threads.autoArchiveMinutes });
	}
	const thread = await openThread(parent, name, { reason: "/imagine", memberId: interaction.user.id, threads });
	await thread.send({ content: heading, allowedMentions: { parse: [] } });
	await interaction.editReply({ content: messages.threadStarted(thread.id) });
	return thread;
}

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const channel = interaction.channel;
	const prompt = interaction.options.getString("prompt", true);
	const attachments: AttachmentInfo[] = IMAGE_OPTIONS.flatMap(
		(name) => interaction.options.getAttachment(name) ?? [],
	).map((attachment) => ({ url: attachment.url, name: attachment.name, size: attachment.size }));
	const existing = channel ? await deps.store.getConversation(channel.id) : undefined;
	const turnChannel: TurnChannel | undefined =
		channel?.type === ChannelType.DM || (channel?.isThread() && existing) ? channel : undefined;
	const parent = turnChannel ? undefined : threadParentOf(channel);
	if (!channel || (!turnChannel && !parent)) {
		await interaction.reply({ content: messages.notInConversation, flags: "Ephemeral" });
		return;
	}
	const { settings } = await settingsFor(deps, channel);
	const model = existing?.model ?? (channel.type === ChannelType.DM ? deps.config.gemini.model : settings.model);
	const options = readOptions(interaction, existing?.options);
	checkTurnInput({ text: prompt, attachments, options, model });
	const admission = await admitTurn(deps, {
		channel,
		asker: askerOf(interaction),
		prompt,
		...(existing ? { conversation: existing } : {}),
	});
	await interaction.deferReply();
	const images = await loadAdmittedImages(deps, admission, attachments);
	const requesterId = interaction.user.id;
	if (turnChannel) {
		if (!existing) {
			const title = threadTitle(prompt);
			await deps.store.saveConversation(
				newConversation({ id: turnChannel.id, ownerId: requesterId, model, title, options }),
			);
		}
		await interaction.editReply({ content: `${messages.turnAcknowledged} ${threadTitle(prompt)}` });
		await takeTurn(deps, { channel: turnChannel, requesterId, text: prompt, images, options, admission });
		return;
	}
	if (!parent) return;
	const thread = await openConversationThread(interaction, parent, prompt, admission);
	await deps.store.saveConversation(
		newConversation({
			id: thread.id,
			guildId: interaction.guildId,
			ownerId: requesterId,
			model,
			title: thread.name,
			options,
		}),
	);
	await takeTurn(deps, { channel: thread, requesterId, text: prompt, images, options, admission });
}
