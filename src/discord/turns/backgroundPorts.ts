// src/discord/turns/backgroundPorts.ts: how a /background turn talks to Discord: the acknowledgement, the mask preview, its thread.
import type { ButtonInteraction, ChatInputCommandInteraction } from "discord.js";
import type { TurnPorts } from "../../conversation/turnRequest.js";
import type { Logger } from "../../logger.js";
import { maskButtons } from "../components.js";
import type { Text } from "../i18n/textFor.js";
import { channelView } from "./channelView.js";
import { openThread, type ThreadParent } from "./openThread.js";
import type { TurnChannel } from "./turnChannel.js";

/**
 * The ports of a /background turn started by the command or by "Use this mask" under its preview: the reply (the
 * command's, or the preview message) shows the preview when the mask is doubtful, else becomes the thread's heading.
 * In a DM the DM itself is the conversation.
 */
export function backgroundPorts(
	interaction: ChatInputCommandInteraction | ButtonInteraction,
	where: { parent?: ThreadParent; dm?: TurnChannel },
	title: string,
	logger: Logger,
	t: Text,
): TurnPorts {
	const requesterId = interaction.user.id;
	const heading = t.backgroundMessages.heading(requesterId, title);
	const clear = { files: [], attachments: [], components: [], allowedMentions: { parse: [] } } as const;
	return {
		async accepted() {
			if (interaction.isButton()) await interaction.update({ content: t.messages.turnAcknowledged, ...clear });
			else await interaction.deferReply();
		},
		async confirmMask(pending) {
			const doubts = pending.doubts.map((doubt) => t.backgroundMessages.doubts[doubt] ?? doubt);
			const source = t.backgroundMessages.sources[pending.source] ?? pending.source;
			await interaction.editReply({
				content: t.backgroundMessages.preview(requesterId, source, doubts),
				files: [{ attachment: pending.preview, name: "mask-preview.jpg" }],
				components: [maskButtons(pending.id, requesterId, t)],
				allowedMentions: { parse: [] },
			});
		},
		async open({ settings }) {
			if (where.dm) {
				await interaction.editReply({ content: `${t.messages.turnAcknowledged} ${title}`, ...clear });
				return channelView(where.dm, logger, { requesterId, text: t });
			}
			const parent = where.parent as ThreadParent;
			const { threads } = settings;
			if (threads.visibility === "public") {
				const starter = await interaction.editReply({ content: heading, ...clear });
				const thread = await starter.startThread({ name: title, autoArchiveDuration: threads.autoArchiveMinutes });
				return channelView(thread, logger, { requesterId, text: t, title: thread.name });
			}
			const thread = await openThread(parent, title, {
				reason: t.auditReasons.background,
				memberId: requesterId,
				threads,
			});
			await thread.send({ content: heading, allowedMentions: { parse: [] } });
			await interaction.editReply({ content: t.messages.threadStarted(thread.id), ...clear });
			return channelView(thread, logger, { requesterId, text: t, title: thread.name });
		},
		view: () => channelView(where.dm as TurnChannel, logger, { requesterId, text: t }),
		branch: async () => undefined,
	};
}
