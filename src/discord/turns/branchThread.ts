// src/discord/turns/branchThread.ts: a reply to an older result starts a new thread from that point; the original stays as it was.
import type { Channel, ThreadChannel } from "discord.js";
import type { Conversation } from "../../conversation/types.js";
import type { Settings } from "../../moderation/settings.js";
import type { Text } from "../i18n/textFor.js";
import { openThread, threadParentOf } from "./openThread.js";
import { threadTitle } from "./threadTitle.js";
import { versionsOf } from "./turnActions.js";

/** Opens the branch thread for exchange `index` and links the two threads; undefined where no thread can be made. */
export async function branchThread(
	original: ThreadChannel,
	branch: { conversation: Conversation; index: number; settings: Settings },
	requesterId: string,
	replyTo: string,
	t: Text,
): Promise<ThreadChannel | undefined> {
	const parent = threadParentOf(original as Channel);
	if (!parent) return undefined;
	const version = versionsOf(branch.conversation.exchanges[branch.index]);
	const thread = await openThread(parent, threadTitle(branch.conversation.title, "⑂ "), {
		reason: t.auditReasons.branch,
		memberId: requesterId,
		threads: branch.settings.threads,
	});
	await thread.send({ content: t.messages.branchedFrom(original.id, version), allowedMentions: { parse: [] } });
	await original.send({
		content: t.messages.branched(thread.id, version),
		reply: { messageReference: replyTo, failIfNotExists: false },
		allowedMentions: { parse: [], repliedUser: false },
	});
	return thread;
}
