// demo/playStory.ts: one member's thread, step by step: /imagine, a photo, Reroll, a safety block, a branch from v1.

import { answerTo, botMessages, nextBotMessage, pressButton, threadWhere } from "../fakes/drive.js";
import type { StoredMessage } from "../fakes/fakeDiscord.js";
import { reply } from "../fakes/fakeGemini.js";
import { drawMemberPhoto, MEMBER_PHOTO } from "./drawMemberPhoto.js";
import type { DemoWorld } from "./startDemoWorld.js";
import type { Narration } from "./takeSnapshot.js";

export const STORY = {
	prompt: "a red sports car on a coastal road at sunset",
	aspect: "16:9",
	withPhoto: "put my surfboard on the roof",
	blocked: "put a famous movie star in the driver's seat",
	branch: "what if it were a vintage convertible?",
} as const;

/** What Gemini answers when it withholds a picture of a real, famous person (support code 49257518). */
const CELEBRITY_BLOCK = reply([], {
	finishReason: "IMAGE_SAFETY",
	finishMessage: "Unable to show the generated image. The image was filtered out. Support codes: 49257518",
});

export type PlayedStory = {
	/** The text channel, the thread and the branch, in the order a transcript shows them. */
	channelIds: string[];
	narration: Narration[];
};

const isResult = (message: StoredMessage) => message.attachments.length > 0 && message.components.length > 0;

/** Plays the story against the world's bot, telling `say` each step; resolves once the bot has nothing left to do. */
export async function playStory(world: DemoWorld, say: (line: string) => void): Promise<PlayedStory> {
	const { discord, gemini, bot } = world;
	const narration: Narration[] = [];
	const member = "alice";
	const settled = () => bot.deps.turns.idle();

	say(`1/5 ${member}: /imagine prompt:${STORY.prompt} aspect:${STORY.aspect}`);
	await discord.slashCommand({
		name: "imagine",
		channelId: discord.textChannelId,
		options: { prompt: STORY.prompt, aspect: STORY.aspect },
	});
	const thread = await threadWhere(discord, (channel) => channel.name === STORY.prompt, "the /imagine thread");
	const first = await nextBotMessage(discord, thread.id, isResult, { what: "v1" });
	await settled();

	say(`2/5 ${member} in the thread: "${STORY.withPhoto}" with ${MEMBER_PHOTO.filename} attached`);
	const withPhoto = await discord.userMessage({
		channelId: thread.id,
		content: STORY.withPhoto,
		attachments: [{ filename: MEMBER_PHOTO.filename, contentType: "image/jpeg", data: await drawMemberPhoto() }],
	});
	const edited = await answerTo(discord, withPhoto, "the answer to the photo");
	await settled();

	say(`3/5 ${member} presses Reroll`);
	const before = botMessages(discord, thread.id).length;
	narration.push({
		channelId: thread.id,
		afterId: discord.messages(thread.id).at(-1)?.id,
		text: `**${member}** pressed **🎲 Reroll** under ${edited.content.match(/-# (v\d+)/)?.[1] ?? "the last result"}.`,
	});
	await pressButton(discord, edited, "t:reroll:");
	await nextBotMessage(discord, thread.id, isResult, { after: before, what: "the rerolled result" });
	await settled();

	say(`4/5 ${member}: "${STORY.blocked}" (the fake Gemini withholds it)`);
	gemini.enqueue(CELEBRITY_BLOCK);
	const blocked = await discord.userMessage({ channelId: thread.id, content: STORY.blocked });
	await answerTo(discord, blocked, "the safety card");
	await settled();

	say(`5/5 ${member} replies to v1: "${STORY.branch}"`);
	const branchRequest = await discord.userMessage({ channelId: thread.id, content: STORY.branch, replyTo: first.id });
	const branch = await threadWhere(discord, (channel) => channel.name.startsWith("⑂ "), "the branch thread");
	await nextBotMessage(discord, branch.id, isResult, { what: "the branch's result" });
	await answerTo(discord, branchRequest, "the link to the branch");
	await settled();

	return { channelIds: [discord.textChannelId, thread.id, branch.id], narration };
}
