// commands/background.ts: /background replaces a product photo's background in a new thread, the product kept pixel for pixel.
import {
	ApplicationCommandOptionType,
	ChannelType,
	type ChatInputCommandInteraction,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { DEFAULT_JOB, MASK_MODES, MAX_RESULTS, type MaskMode } from "../src/background/types.js";
import type { AttachmentInfo } from "../src/conversation/prepareTurn.js";
import { MAX_PROMPT_CHARS } from "../src/conversation/prepareTurn.js";
import { startTurn } from "../src/conversation/startTurn.js";
import type { TurnRequest } from "../src/conversation/turnRequest.js";
import type { Deps } from "../src/deps.js";
import { textForDiscord } from "../src/discord/i18n/textFor.js";
import { answerOutcome, askerOf, turnPlaceOf } from "../src/discord/routing/turnRequests.js";
import { backgroundPorts } from "../src/discord/turns/backgroundPorts.js";
import { threadParentOf } from "../src/discord/turns/openThread.js";
import { threadTitle } from "../src/discord/turns/threadTitle.js";
import type { TurnChannel } from "../src/discord/turns/turnChannel.js";

export const definition = {
	name: "background",
	description: "Put a product photo on a new background; the product stays pixel for pixel",
	options: [
		{
			type: ApplicationCommandOptionType.Attachment,
			name: "image",
			description: "The product photo (at most 10 MB)",
			required: true,
		},
		{
			type: ApplicationCommandOptionType.String,
			name: "prompt",
			description: "The new background, e.g. on a marble countertop, soft morning light",
			required: true,
			max_length: MAX_PROMPT_CHARS,
		},
		{
			type: ApplicationCommandOptionType.String,
			name: "mask",
			description: "What is replaced: background (default), foreground, or everything but people",
			choices: MASK_MODES.map((mode) => ({ name: mode, value: mode })),
		},
		{
			type: ApplicationCommandOptionType.Attachment,
			name: "mask_image",
			description: "Your own mask: white = keep, black = replace (at most 10 MB)",
		},
		{
			type: ApplicationCommandOptionType.Number,
			name: "dilation",
			description: "Grow the replaced area by this fraction of the width (0 to 1, default 0)",
			min_value: 0,
			max_value: 1,
		},
		{
			type: ApplicationCommandOptionType.Integer,
			name: "count",
			description: `How many results (1 to ${MAX_RESULTS}, default ${DEFAULT_JOB.count})`,
			min_value: 1,
			max_value: MAX_RESULTS,
		},
		{
			type: ApplicationCommandOptionType.Boolean,
			name: "keep_product",
			description: "false: skip compositing the original product back (artistic edits)",
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const attachmentInfo = (attachment: { url: string; name: string; size: number }): AttachmentInfo => ({
	url: attachment.url,
	name: attachment.name,
	size: attachment.size,
});

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const { channel } = interaction;
	const photo = interaction.options.getAttachment("image", true);
	const maskImage = interaction.options.getAttachment("mask_image");
	const prompt = interaction.options.getString("prompt", true);
	const dm = channel?.type === ChannelType.DM ? (channel as TurnChannel) : undefined;
	const parent = dm ? undefined : threadParentOf(channel);
	if (!channel || (!dm && !parent)) {
		await interaction.reply({ content: t.messages.notInConversation, flags: "Ephemeral" });
		return;
	}
	const existing = dm ? await deps.store.getConversation(channel.id) : undefined;
	const title = threadTitle(prompt, "", t.labels.untitledThread);
	const request: TurnRequest = {
		entry: "background",
		place: await turnPlaceOf(channel),
		asker: askerOf(interaction),
		text: prompt,
		attachments: [attachmentInfo(photo)],
		background: {
			mode: (interaction.options.getString("mask") as MaskMode | null) ?? DEFAULT_JOB.mode,
			dilation: interaction.options.getNumber("dilation") ?? DEFAULT_JOB.dilation,
			count: interaction.options.getInteger("count") ?? DEFAULT_JOB.count,
			keepProduct: interaction.options.getBoolean("keep_product") ?? DEFAULT_JOB.keepProduct,
			...(maskImage ? { maskImage: attachmentInfo(maskImage) } : {}),
		},
		target: existing ? { kind: "continue", conversationId: channel.id } : { kind: "start", title },
	};
	const logger = deps.logger.child({ module: "turn", entry: "background" });
	const ports = backgroundPorts(
		interaction,
		{ ...(parent ? { parent } : {}), ...(dm ? { dm } : {}) },
		title,
		logger,
		t,
	);
	const outcome = await startTurn(deps, request, ports);
	await answerOutcome(interaction, outcome, existing?.model ?? deps.config.gemini.model);
}
