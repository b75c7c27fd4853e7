// src/discord/routing/maskButton.ts: "Use this mask" runs the /background job with the previewed mask; "Cancel" drops it.
import { type ButtonInteraction, ChannelType, MessageFlags } from "discord.js";
import { dropPendingMask, pendingJob } from "../../conversation/backgroundTurn.js";
import { startTurn } from "../../conversation/startTurn.js";
import type { Deps } from "../../deps.js";
import { textForDiscord } from "../i18n/textFor.js";
import { backgroundPorts } from "../turns/backgroundPorts.js";
import { threadParentOf } from "../turns/openThread.js";
import { threadTitle } from "../turns/threadTitle.js";
import type { TurnChannel } from "../turns/turnChannel.js";
import type { CustomId } from "./customIds.js";
import { answerOutcome, askerOf, turnPlaceOf } from "./turnRequests.js";

const privately = (content: string) =>
	({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }) as const;

/** Only the member who ran /background may answer its preview; the turn runs through the pipeline like the command's. */
export async function onMaskButton(
	interaction: ButtonInteraction,
	id: Extract<CustomId, { kind: "mask" }>,
	deps: Deps,
): Promise<void> {
	const t = textForDiscord(interaction.locale);
	if (interaction.user.id !== id.requesterId) {
		await interaction.reply(privately(t.backgroundMessages.previewNotYours));
		return;
	}
	const pending = await pendingJob(deps, id.jobId);
	if (!id.use || !pending) {
		if (pending) await dropPendingMask(deps, id.jobId);
		await interaction.update({
			content: pending ? t.backgroundMessages.previewCancelled : t.backgroundMessages.previewExpired,
			files: [],
			attachments: [],
			components: [],
			allowedMentions: { parse: [] },
		});
		return;
	}
	const { channel } = interaction;
	const dm = channel?.type === ChannelType.DM ? (channel as TurnChannel) : undefined;
	const parent = dm ? undefined : threadParentOf(channel);
	if (!channel || (!dm && !parent)) return;
	const existing = dm ? await deps.store.getConversation(channel.id) : undefined;
	const title = threadTitle(pending.prompt, "", t.labels.untitledThread);
	const logger = deps.logger.child({ module: "turn", entry: "background" });
	const outcome = await startTurn(
		deps,
		{
			entry: "background",
			place: await turnPlaceOf(channel),
			asker: askerOf(interaction),
			text: pending.prompt,
			attachments: [],
			background: pending.job,
			target: existing ? { kind: "continue", conversationId: channel.id } : { kind: "start", title },
		},
		backgroundPorts(interaction, { ...(parent ? { parent } : {}), ...(dm ? { dm } : {}) }, title, logger, t),
	);
	await answerOutcome(interaction, outcome, existing?.model ?? deps.config.gemini.model);
}
