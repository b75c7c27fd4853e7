// src/discord/messages.ts: every line the bot says to members, keyed by code.
import type { UserInputDetails } from "../errors.js";
import type { FailureReason, SafetyCategory } from "../gemini/types.js";

const NOT_KEPT = "This turn was not added to the conversation, so the thread carries on from its last image.";

export const userInputMessages: { [Code in keyof UserInputDetails]: (details: UserInputDetails[Code]) => string } = {
	tooManyImages: ({ max, got }) =>
		`You attached ${got} images; this model takes at most ${max} per turn. Attach fewer and try again.`,
	imageTooLarge: ({ name, maxMb }) => `\`${name}\` is larger than ${maxMb} MB. Send a smaller image.`,
	notAnImage: ({ name }) => `\`${name}\` is not an image I can read. Send a PNG, JPEG, WebP, GIF, HEIC or AVIF file.`,
	imageUnreadable: ({ name }) =>
		`\`${name}\` looks like an image but is damaged or too large to decode. Try exporting it again.`,
	imageDownloadFailed: ({ name }) => `I could not download \`${name}\` from Discord. Try attaching it again.`,
	imageDownloadTimeout: ({ name, seconds }) =>
		`Downloading \`${name}\` took longer than ${seconds} s. Try again, or send a smaller file.`,
	promptEmpty: () => "Tell me what to make or change: the prompt is empty.",
	promptTooLong: ({ max, got }) => `Your prompt is ${got} characters; the limit is ${max}. Shorten it and try again.`,
	sizeUnsupported: ({ size, model, sizes }) =>
		sizes.length > 0
			? `${model} does not make ${size} images; it takes ${sizes.join(", ")}.`
			: `${model} does not take a size option; leave \`size\` out.`,
	aspectUnsupported: ({ aspect, model }) => `${model} does not take the aspect ratio ${aspect}.`,
};

export const CATEGORY_LABELS: Record<SafetyCategory, string> = {
	prohibited: "prohibited content (child safety)",
	sexual: "sexual content",
	dangerous: "dangerous content",
	hate: "hate",
	harassment: "harassment",
	celebrity: "a photorealistic depiction of a real, famous person",
	people: "people or faces, which this request's settings do not allow",
	child: "children, which this request's settings do not allow",
	civic: "civic integrity",
	other: "a safety issue Google does not name",
};

/** Text for a prompt or an output that a filter blocked. */
export function blockedMessage(stage: "prompt" | "output", reason: string, category?: SafetyCategory): string {
	const because = category ? ` for ${CATEGORY_LABELS[category]}` : "";
	const what: Record<string, string> = {
		BLOCKLIST: "it contains terms on Google's blocklist",
		SPII: "it may contain sensitive personal information",
		RECITATION: "the result was too close to existing material it may not reproduce",
		IMAGE_RECITATION: "the image was too close to existing material it may not reproduce",
		PROHIBITED_CONTENT: "it may involve prohibited content",
		IMAGE_PROHIBITED_CONTENT: "the image may involve prohibited content",
	};
	const head =
		stage === "prompt"
			? `🚫 Gemini's safety filter blocked this prompt${because}${what[reason] ? ` (${what[reason]})` : ""}.`
			: `🚫 Gemini made a result but its safety filter withheld it${because}${what[reason] ? ` (${what[reason]})` : ""}.`;
	return `${head} Rephrase the request and try again. ${NOT_KEPT}`;
}

export const failureMessages: Record<FailureReason, string> = {
	NO_IMAGE: `Gemini finished without making an image. Try again, or describe the image more concretely. ${NOT_KEPT}`,
	IMAGE_OTHER: `Gemini could not make this image (it gave no further reason). Try again or rephrase. ${NOT_KEPT}`,
	MAX_TOKENS: `Gemini ran out of room before it made an image. Ask for less in one turn. ${NOT_KEPT}`,
	OTHER: `Gemini stopped without an image for a reason it did not name. Try again. ${NOT_KEPT}`,
	EMPTY: `Gemini returned nothing. Try again in a moment. ${NOT_KEPT}`,
};

export const messages = {
	refusedHint: `No image was made. If you wanted one, ask explicitly, for example "generate an image of …". ${NOT_KEPT}`,
	truncated: "⚠️ Gemini hit its output limit, so this answer may be cut short.",
	imagesDropped: (kept: number) =>
		`ℹ️ This thread is now longer than the model can see at once: the oldest images have left its context (it still reads all the text, and keeps up to ${kept} images).`,
	firstFrameOnly: (names: string[]) =>
		`ℹ️ ${names.map((name) => `\`${name}\``).join(", ")} ${names.length === 1 ? "is" : "are"} animated; I used the first frame.`,
	quotaWait: (seconds: number) =>
		`Gemini's quota is used up for the moment; this turn keeps its place and retries in about ${seconds} s.`,
	queued: (userId: string, position: number) =>
		`⏳ <@${userId}>, your turn is #${position} in line in this thread; it starts when the ones before it finish.`,
	cancelled: "Cancelled: that turn left the line.",
	notQueuedAnymore: "That turn is no longer waiting in line (it started, finished, or the bot restarted).",
	cancelNotYours: "Only the member who asked for this turn can cancel it.",
	uploadedVersions: (versions: number[]) =>
		`-# Your ${versions.length === 1 ? "image is" : "images are"} ${versions.map((version) => `v${version}`).join(", ")}.`,
	staleButton: (latestVersions: string) =>
		`That result is no longer the latest turn in this thread${latestVersions ? ` (the latest is ${latestVersions})` : ""}, so Reroll, Undo and Edit no longer apply to it. To go back to it, reply to that message: I will branch a new thread from it. Info and Delete still work.`,
	notInHistory: "That result is no longer in this thread's conversation (it was undone, rerolled or cleared).",
	undone: (userId: string, removed: string, current: string) =>
		`↩️ <@${userId}> undid the last turn${removed ? ` (${removed})` : ""}. ${current ? `The conversation continues from ${current}.` : "The conversation is back at its start."}`,
	nothingToUndo: "There is nothing to undo in this thread.",
	deleteNotAllowed: "Only the member who asked for this result, or someone with Manage Messages, can delete it.",
	deleted: "Deleted. The conversation's history is unchanged: use Undo to take a turn out of it.",
	forgetConfirm: "Clear this thread's whole image conversation? The messages stay, but I will forget them.",
	forgotten: (userId: string) => `🧹 <@${userId}> cleared this thread's history; the next message starts afresh.`,
	forgetKept: "Kept the history.",
	historyCleared: "History cleared.",
	editNoImages: "That message has no images to edit.",
	editStarted: (threadId: string) => `🧵 Editing in <#${threadId}>.`,
	edited: (userId: string, instruction: string) => `✏️ <@${userId}>: ${instruction}`,
	branched: (threadId: string, version: string) =>
		`⑂ Branched${version ? ` from ${version}` : ""} into <#${threadId}>.`,
	branchedFrom: (threadId: string, version: string) =>
		`⑂ Branched from <#${threadId}>${version ? ` at ${version}` : ""}.`,
	notAConversation: "This is not one of my image threads. Use /imagine in a text channel to start one.",
	threadStarted: (threadId: string) => `🧵 Working on it in <#${threadId}>. Reply there to keep editing.`,
	turnAcknowledged: "🎨 On it.",
	geminiQuota: (seconds?: number) =>
		`⏳ Gemini's quota for this bot is used up right now${seconds ? `; try again in about ${seconds} s` : "; try again in a minute"}.`,
	geminiUnavailable: "Gemini is overloaded or unavailable right now (I retried). Try again in a minute.",
	geminiTimeout: "Gemini took too long to answer (I retried). Try again, perhaps with a simpler request.",
	geminiRejected: (ref: string) =>
		`Gemini rejected this request as invalid. If it keeps happening, tell the bot's operator (ref \`${ref}\`).`,
	geminiAuth: (ref: string) => `The bot's Gemini API key was refused. Tell the bot's operator (ref \`${ref}\`).`,
	geminiModelMissing: (model: string) =>
		`The model \`${model}\` is not available. Tell the bot's operator to check GEMINI_MODEL.`,
	missingPermissions: (what: string) => `I am missing a permission here: ${what}. Ask a moderator to grant it.`,
	unexpected: (ref: string) =>
		`Something went wrong on my side. Try again; if it keeps happening, tell the bot's operator (ref \`${ref}\`).`,
	notInConversation: "This command works in a text channel, in one of my image threads, or in a DM with me.",
	help: [
		"**Nano Banana threads**: image conversations with Google Gemini.",
		'• `/imagine prompt:<text>`: starts a thread with the image. In that thread, just write what to change ("make the plate gold") and attach photos to use them.',
		"• Options: `image`, `image2`, `image3` (photos to start from), `aspect` (1:1, 16:9, …), `output` (image only, or image and text), `size` (512, 1K, 2K, 4K where the model takes it).",
		"• In a DM with me, the whole DM is one conversation.",
		"• Every image Gemini makes carries an invisible SynthID watermark from Google.",
	].join("\n"),
} as const;
