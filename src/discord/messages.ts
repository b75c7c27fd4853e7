// src/discord/messages.ts: every line the bot says to members, keyed by code.
import type { UserInputDetails } from "../errors.js";
import type { FailureReason, SafetyCategory } from "../gemini/types.js";
import { MAX_PATTERN_LENGTH } from "../moderation/matchBlocklist.js";
import type { PolicyDenialDetails } from "../moderation/policyErrors.js";
import type { SettingErrorCode, SettingErrorDetails } from "../moderation/settingErrors.js";
import {
	AGE_RESTRICTED_PRESETS,
	AUTO_ARCHIVE_MINUTES,
	type BlocklistEntry,
	PEOPLE_MODES,
	PRESET_NAMES,
	type PresetReason,
	SAFETY_THRESHOLDS,
	THREAD_TURNS,
	THREAD_VISIBILITIES,
} from "../moderation/settings.js";
import { COUNT_MAXIMUMS, MAX_BLOCKLIST_ENTRIES, MAX_ROLES, type SettingKey } from "../moderation/validateSetting.js";
import { formattersFor } from "./i18n/formatters.js";
import { withoutFinalStop } from "./i18n/markup.js";

/**
 * English's numbers, lists and plurals come from Intl like every locale's (src/discord/i18n/). Two deviations for
 * now, because tests pin today's wording: durations keep English's unit symbols ("45 s", "3 min", "2 h") where Intl
 * writes "45 sec", "2 hr" (f.duration, f.wait), and a prompt's length is not grouped ("2345 characters").
 */
const f = formattersFor("en-US");

/** "45 s", "3 min", "2 h": a wait as a member reads it. */
const formatWait = (seconds: number): string =>
	seconds < 120
		? `${f.number(Math.ceil(seconds))} s`
		: seconds < 7_200
			? `${f.number(Math.ceil(seconds / 60))} min`
			: `${f.number(Math.ceil(seconds / 3_600))} h`;

const NOT_KEPT = "This turn was not added to the conversation, so the thread carries on from its last image.";

export const userInputMessages: { [Code in keyof UserInputDetails]: (details: UserInputDetails[Code]) => string } = {
	tooManyImages: ({ max, got }) =>
		`You attached ${f.number(got)} images; this model takes at most ${f.number(max)} per turn. Attach fewer and try again.`,
	imageTooLarge: ({ name, maxMb }) => `\`${name}\` is larger than ${f.number(maxMb)} MB. Send a smaller image.`,
	notAnImage: ({ name }) => `\`${name}\` is not an image I can read. Send a PNG, JPEG, WebP, GIF, HEIC or AVIF file.`,
	imageUnreadable: ({ name }) =>
		`\`${name}\` looks like an image but is damaged or too large to decode. Try exporting it again.`,
	imageDownloadFailed: ({ name }) => `I could not download \`${name}\` from Discord. Try attaching it again.`,
	imageDownloadTimeout: ({ name, seconds }) =>
		`Downloading \`${name}\` took longer than ${f.number(seconds)} s. Try again, or send a smaller file.`,
	promptEmpty: () => "Tell me what to make or change: the prompt is empty.",
	promptTooLong: ({ max, got }) =>
		`Your prompt is ${f.plain(got)} characters; the limit is ${f.plain(max)}. Shorten it and try again.`,
	sizeUnsupported: ({ size, model, sizes }) =>
		sizes.length > 0
			? `${model} does not make ${size} images; it takes ${f.list(sizes, "unit")}.`
			: `${model} does not take a size option; leave \`size\` out.`,
	aspectUnsupported: ({ aspect, model }) => `${model} does not take the aspect ratio ${aspect}.`,
	imagePixels: ({ name, width, height, minEdge, maxEdge, maxMegapixels }) =>
		`\`${name}\` is ${f.plain(width)}×${f.plain(height)} px; /background takes photos from ${f.plain(minEdge)} to ${f.plain(maxEdge)} px per side and at most ${f.number(maxMegapixels)} megapixels (results are the photo's size). Resize it and try again.`,
	maskAspect: ({ imageWidth, imageHeight, maskWidth, maskHeight }) =>
		`The mask is ${f.plain(maskWidth)}×${f.plain(maskHeight)} px but the photo is ${f.plain(imageWidth)}×${f.plain(imageHeight)}: a mask must have the photo's shape (any size with the same aspect ratio). White = keep, black = replace.`,
	maskUniform: ({ keepsAll }) =>
		keepsAll
			? "The mask is all white, so it keeps everything and nothing would change. Paint what should be replaced black."
			: "The mask is all black, so nothing of the photo would be kept. Paint what should stay white.",
	maskExpired: () =>
		"This mask preview has expired or was already used (previews last an hour). Run /background again.",
	optionOutOfRange: ({ option, min, max, got }) =>
		`\`${option}\` must be between ${f.number(min)} and ${f.number(max)}; you gave ${f.number(got)}.`,
};

const resetTime = (iso: string) => `${f.timestamp(Date.parse(iso) / 1_000, "R")} (quotas reset daily at 00:00 UTC)`;

export const policyMessages: { [Code in keyof PolicyDenialDetails]: (details: PolicyDenialDetails[Code]) => string } = {
	deniedRole: ({ roleId }) => `The moderators of this server do not let the role <@&${roleId}> use the image bot.`,
	notAllowedRole: ({ allowedRoles }) =>
		`Only members with ${f.list(
			allowedRoles.map((roleId) => `<@&${roleId}>`),
			"or",
		)} may use the image bot here.`,
	threadStarterOnly: ({ starterId }) =>
		`In this server only the member who started a thread (<@${starterId}>) adds turns to it. Start your own with /imagine.`,
	blocklisted: ({ matched, reason, presetReason }) => {
		const why = blocklistReason({ reason, presetReason });
		return `Your prompt contains "${matched}", which the moderators of this server do not allow${why ? `: ${withoutFinalStop(why)}` : ""}. Nothing was sent to Gemini.`;
	},
	cooldown: ({ secondsLeft, cooldownSeconds }) =>
		`Slow down a little: this server allows one turn every ${f.number(cooldownSeconds)} s. Try again in ${f.number(secondsLeft)} s.`,
	memberQuota: ({ limit, resetsAt }) =>
		`You have used your ${f.number(limit)} images for today. More ${resetTime(resetsAt)}.`,
	serverQuota: ({ limit, resetsAt }) =>
		`This server has used its ${f.number(limit)} images for today. More ${resetTime(resetsAt)}.`,
};

/** Why a preset's own blocklist words are refused (a moderator's own entries carry their own reason). */
const PRESET_REASON_TEXT: Record<PresetReason, string> = {
	sexualContent: "This server does not allow sexual content.",
	graphicViolence: "This server does not allow graphic violence.",
};

/** The reason a blocklist entry gives a refused member: the moderators' own words, else the preset's. */
export function blocklistReason(entry: Pick<BlocklistEntry, "reason" | "presetReason">): string | undefined {
	return entry.reason ?? (entry.presetReason ? PRESET_REASON_TEXT[entry.presetReason] : undefined);
}

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

/** Button labels, modal titles and fields (Discord allows 80 characters per label, 45 per modal title). */
export const labels = {
	reroll: "Reroll",
	undo: "Undo",
	edit: "Edit",
	info: "Info",
	delete: "Delete",
	cancel: "Cancel",
	useMask: "Use this mask",
	reportMistake: "Report a mistake",
	deleteOutput: "Delete output",
	lockThread: "Lock thread",
	timeoutMember: (minutes: number) => `Time out member (${f.number(minutes)} minutes)`,
	clearHistory: "Clear the history",
	keepHistory: "Keep it",
	editImageTitle: "Edit image",
	editThisImageTitle: "Edit this image",
	instructionLabel: "What should change?",
	instructionPlaceholder: "make the car yellow",
	/** A thread's name when the prompt gives none. */
	untitledThread: "Image conversation",
} as const;

/** Why the bot opened a thread, as the server's audit log shows it. */
export const auditReasons = {
	imagine: "/imagine",
	background: "/background",
	editImage: "Edit image",
	branch: "Branch of an image conversation",
} as const;

/** The permissions a turn's messages and thread need, as Discord's UI names them. */
export const TURN_PERMISSION_NAMES = "Send Messages, Attach Files, Create Public Threads and Send Messages in Threads";

export const messages = {
	refusedHint: `No image was made. If you wanted one, ask explicitly, for example "generate an image of …". ${NOT_KEPT}`,
	truncated: "⚠️ Gemini hit its output limit, so this answer may be cut short.",
	imagesDropped: (kept: number) =>
		`ℹ️ This thread is now longer than the model can see at once: the oldest images have left its context (it still reads all the text, and keeps up to ${f.number(kept)} images).`,
	firstFrameOnly: (names: string[]) =>
		`ℹ️ ${f.list(
			names.map((name) => `\`${name}\``),
			"and",
		)} ${f.plural(names.length, { one: "is", other: "are" })} animated; I used the first frame.`,
	progressThinking: (summary: string) => `-# 💭 Thinking: ${summary}`,
	progressDraft: (draft: number) =>
		`-# 🖌️ Draft ${f.number(draft)}: a sketch the model made on the way, not the final image.`,
	progressWorking: (seconds: number) => `⏳ Working on it… ${f.number(seconds)} s`,
	progressQuotaWait: (retryAt: number) =>
		`⏳ Gemini's quota is used up for the moment: this turn keeps its place and retries ${f.timestamp(Math.ceil(retryAt / 1_000), "R")}.`,
	progressGlobalCap: (position: number) =>
		`⏳ Waiting for a free Gemini slot (this bot shares a limit across all its servers): #${f.number(position)} in line; it starts when the ones before it finish.`,
	progressGlobalRate: (retryAt: number) =>
		`⏳ This bot's Gemini requests for this minute are used up: this turn keeps its place and starts ${f.timestamp(Math.ceil(retryAt / 1_000), "R")}.`,
	progressRetry: (retryAt: number) =>
		`⏳ Gemini did not answer properly; trying again ${f.timestamp(Math.ceil(retryAt / 1_000), "R")}.`,
	queued: (userId: string, position: number) =>
		`⏳ <@${userId}>, your turn is #${f.number(position)} in line in this thread; it starts when the ones before it finish.`,
	cancelled: "Cancelled: that turn stopped, and nothing was added to the conversation.",
	notQueuedAnymore: "That turn is no longer waiting or running (it finished, or the bot restarted).",
	cancelNotYours: "Only the member who asked for this turn can cancel it.",
	uploadedVersions: (versions: number[]) =>
		`-# Your ${f.plural(versions.length, { one: "image is", other: "images are" })} ${f.list(
			versions.map((version) => `v${f.plain(version)}`),
			"unit",
		)}.`,
	staleButton: (latestVersions: string) =>
		`That result is no longer the latest turn in this thread${latestVersions ? ` (the latest is ${latestVersions})` : ""}, so Reroll, Undo and Edit no longer apply to it. To go back to it, reply to that message: I will branch a new thread from it. Info and Delete still work.`,
	/** The Info button's provenance card. */
	resultCard: (card: {
		versions: string;
		turn: number;
		prompt: string;
		model: string;
		modelLabel: string;
		parent?: number;
		inputs: string[];
		/** The thread this one branched from. */
		branchOf?: string;
		requesterId: string;
		/** Epoch seconds. */
		at: number;
		seconds: number;
		tokens?: { in: number; out: number };
		usd: number;
		/** A /background result: where its mask came from, and whether its kept pixels were verified identical. */
		background?: { source: string; verified: boolean; keepProduct: boolean };
	}) =>
		[
			`**Result ${card.versions || "(no image)"}** · turn ${f.number(card.turn)}`,
			`**Prompt:** ${card.prompt || "(images only)"}`,
			`**Model:** \`${card.model}\` (${card.modelLabel})`,
			`**Made from:** ${card.parent !== undefined ? `v${f.plain(card.parent)}` : "nothing (a new image)"}${card.inputs.length > 0 ? `; inputs ${f.list(card.inputs, "unit")}` : ""}`,
			...(card.branchOf ? [`**Branch of:** <#${card.branchOf}>`] : []),
			`**Asked by:** <@${card.requesterId}>, ${f.timestamp(card.at, "f")}`,
			`**Took:** ${f.decimal(card.seconds, 1)} s`,
			card.tokens
				? `**Tokens:** ${f.number(card.tokens.in)} in, ${f.number(card.tokens.out)} out; estimated cost ${f.usd(card.usd, 3)}`
				: `**Estimated cost:** ${f.usd(card.usd, 3)}`,
			...(card.background ? [backgroundMessages.infoLine(card.background)] : []),
			"-# Google marks every image Gemini makes with an invisible SynthID watermark.",
		].join("\n"),
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
		`⏳ Gemini's quota for this bot is used up right now${seconds ? `; try again in about ${f.number(seconds)} s` : "; try again in a minute"}.`,
	geminiQuotaExhausted: (retryAfterSeconds?: number) =>
		`⏳ Gemini's quota for this bot is used up${retryAfterSeconds ? `; it takes requests again in about ${formatWait(retryAfterSeconds)}` : "; try again later"}. ${NOT_KEPT}`,
	geminiUnavailable: "Gemini is overloaded or unavailable right now (I retried). Try again in a minute.",
	geminiTimeout: "Gemini took too long to answer (I retried). Try again, perhaps with a simpler request.",
	geminiDeadline: (seconds: number) =>
		`⌛ Gemini did not answer in time (I waited ${formatWait(seconds)}, retries included). Try again, perhaps with a simpler request. ${NOT_KEPT}`,
	turnInterrupted: `⚠️ I am restarting, so this turn was stopped before it finished. Send it again in a minute. ${NOT_KEPT}`,
	/** A refusal sent by DM about a message in a thread. */
	aboutYourMessage: (text: string, url: string) => `${text}\n-# About your message ${url}`,
	restarting: "I am restarting right now and not taking new turns. Send that again in a minute.",
	storeUnavailable:
		"I cannot reach my storage right now (it is down or restarting), so I cannot take this turn. Nothing was lost: send it again in a minute.",
	interruptedByCrash: (userId: string) =>
		`⚠️ <@${userId}>, I stopped while I was working on your last turn here, so it did not finish. The conversation is as it was before that turn: send it again.`,
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
		"• `/background image:<photo> prompt:<scene>`: new backgrounds for a product photo, the product kept pixel for pixel (`mask`, `mask_image`, `dilation`, `count`, `keep_product`).",
		"• Every image Gemini makes carries an invisible SynthID watermark from Google.",
	].join("\n"),
} as const;

/** The moderation log's embeds, and the private answers to "Report a mistake" and the moderators' quick actions. */
export const modlogMessages = {
	what: {
		blockedPrompt: "Blocked prompt",
		blockedImage: "Blocked image",
		refused: "Model refusal",
		denied: "Policy denial",
	},
	summary: {
		blockedPrompt: "Gemini's safety filter blocked the prompt before making anything.",
		blockedImage: "Gemini made a result, but its safety filter withheld it. The image is never kept or shown.",
		refused: "Gemini answered with text and no image.",
		denied: "The server's settings refused the turn before any model call.",
	},
	caseTitle: (what: string) => `🛡️ ${what}`,
	appealTitle: (what: string) => `🚩 Reported as a mistake: ${what}`,
	appealSummary: (userId: string) =>
		`<@${userId}> reports this as a mistake and asks a moderator to review it. Their prompt is included so you can judge it.`,
	field: {
		member: "Member",
		where: "Where",
		model: "Model",
		reason: "Reason",
		category: "Category",
		codes: "Codes",
		prompt: "Prompt",
		actions: "Moderator actions",
	},
	jumpLink: (url: string, channelId: string) => `[Jump to the message](${url}) in <#${channelId}>`,
	categoryUnknown: "not named",
	categoryLabel: (label: string, category: string) => `${label} (\`${category}\`)`,
	noCodes: "none",
	promptOmitted: "Not included: this server's log leaves prompts out (setting `modlog.includePrompts`).",
	promptEmpty: "(no text: the turn had only images)",
	footer: (caseId: string) => `Case ${caseId}`,
	actionLine: {
		delete: (moderatorId: string, at: number) => `🗑️ <@${moderatorId}> deleted the output ${f.timestamp(at, "R")}`,
		lock: (moderatorId: string, at: number) => `🔒 <@${moderatorId}> locked the thread ${f.timestamp(at, "R")}`,
		timeout: (moderatorId: string, at: number, minutes: number) =>
			`⏳ <@${moderatorId}> timed the member out for ${f.number(minutes)} minutes ${f.timestamp(at, "R")}`,
	},
	/** The permission each quick action needs, in the clicking moderator and in the bot, as Discord names it. */
	permission: { delete: "Manage Messages", lock: "Manage Threads", timeout: "Moderate Members" },
	/** The reason Discord's audit log shows for a quick action. */
	auditReason: (caseId: string, username: string, userId: string) =>
		`Moderation log case ${caseId}, by ${username} (${userId})`,
	caseUnknown: "I no longer have this case (cases are kept for 30 days), so there is nothing to report or act on.",
	appealNotYours: "Only the member this answer was for can report it as a mistake.",
	alreadyReported: "You already reported this one: the moderators have it.",
	noModlog:
		"This server has no moderation log channel, so there is nobody I can send the report to. Ask a moderator directly.",
	modlogUnreachable: "I could not post to this server's moderation log channel. Ask a moderator directly.",
	appealSent: "Thanks: I sent this case to the server's moderators for review, with your prompt so they can judge it.",
	actionNotAllowed: (permission: string) => `This action needs the ${permission} permission, which you do not have.`,
	botLacks: (permission: string) =>
		`I could not do that: I am missing the ${permission} permission there. Grant it to me and try again.`,
	outputDeleted: (count: number) =>
		`Deleted the output (${f.number(count)} ${f.plural(count, { one: "message", other: "messages" })}).`,
	outputAlreadyGone: "The output is already gone.",
	noOutput: "This case has no output to delete: the turn was refused before anything was posted.",
	threadLocked: (threadId: string) => `Locked and archived <#${threadId}>.`,
	notAThread: "That case did not happen in a thread, so there is no thread to lock.",
	threadGone: "That thread no longer exists.",
	timedOut: (userId: string, minutes: number) => `Timed out <@${userId}> for ${f.number(minutes)} minutes.`,
	memberGone: "That member is no longer in this server.",
} as const;

// ---- /settings and /usage (settingsMessages, usageMessages) ----

const SCOPE_WORDS = {
	server: "for the whole server",
	channel: (channelId: string) => `for <#${channelId}>`,
};

/** What each setting is, as shown next to its key in /settings set and reset. */
const SETTING_HINTS: Record<SettingKey, string> = {
	model: "image model",
	preset: "strict, standard or relaxed: safety, people and blocklist at once",
	"safety.harassment": "safety threshold: harassment",
	"safety.hateSpeech": "safety threshold: hate speech",
	"safety.sexuallyExplicit": "safety threshold: sexually explicit",
	"safety.dangerousContent": "safety threshold: dangerous content",
	people: "images of people: none, allow_adult, allow_all",
	"access.allowedRoles": "roles allowed to use the bot (empty = everyone)",
	"access.deniedRoles": "roles refused",
	"access.threadTurns": "who may add turns to a thread: starter or anyone",
	"threads.visibility": "new threads public or private",
	"threads.autoArchiveMinutes": "thread auto-archive: 60, 1440, 4320, 10080",
	"threads.livePreview": "show text, thoughts and drafts while a turn runs: true or false",
	"limits.cooldownSeconds": "seconds between a member's turns (0 = off)",
	"limits.memberDailyImages": "images per member per day (0 = unlimited)",
	"limits.serverDailyImages": "images per server per day (0 = unlimited)",
	"modlog.channelId": "moderation log channel",
	"modlog.includePrompts": "moderation log shows prompt text: true or false",
	blocklist: "this scope's own blocklist entries",
	ageRestrictedPreset: "preset in age-restricted channels, or none",
};

const oneOf = (values: readonly (string | number)[]) =>
	`one of ${f.list(
		values.map((value) => (typeof value === "number" ? f.plain(value) : value)),
		"unit",
	)}`;

/** What each setting takes, as a moderator is told when a value does not fit. */
const SETTING_EXPECTED: Record<SettingKey, string> = {
	model: "a model id",
	preset: oneOf(PRESET_NAMES),
	"safety.harassment": oneOf(SAFETY_THRESHOLDS),
	"safety.hateSpeech": oneOf(SAFETY_THRESHOLDS),
	"safety.sexuallyExplicit": oneOf(SAFETY_THRESHOLDS),
	"safety.dangerousContent": oneOf(SAFETY_THRESHOLDS),
	people: oneOf(PEOPLE_MODES),
	"access.allowedRoles": `up to ${f.number(MAX_ROLES)} role ids`,
	"access.deniedRoles": `up to ${f.number(MAX_ROLES)} role ids`,
	"access.threadTurns": oneOf(THREAD_TURNS),
	"threads.visibility": oneOf(THREAD_VISIBILITIES),
	"threads.autoArchiveMinutes": `${oneOf(AUTO_ARCHIVE_MINUTES)} (minutes)`,
	"threads.livePreview": "true or false",
	"limits.cooldownSeconds": `a whole number of seconds from 0 (off) to ${f.plain(COUNT_MAXIMUMS["limits.cooldownSeconds"])}`,
	"limits.memberDailyImages": `a whole number from 0 (unlimited) to ${f.plain(COUNT_MAXIMUMS["limits.memberDailyImages"])}`,
	"limits.serverDailyImages": `a whole number from 0 (unlimited) to ${f.plain(COUNT_MAXIMUMS["limits.serverDailyImages"])}`,
	"modlog.channelId": "a channel id",
	"modlog.includePrompts": "true or false",
	blocklist: `up to ${f.number(MAX_BLOCKLIST_ENTRIES)} words or /patterns/, each with an optional reason`,
	ageRestrictedPreset: oneOf(AGE_RESTRICTED_PRESETS),
};

const PATTERN_PROBLEMS: Record<SettingErrorDetails["invalidPattern"]["problem"], string> = {
	syntax: "is not a valid regular expression",
	tooLong: `is longer than ${f.number(MAX_PATTERN_LENGTH)} characters`,
	nestedQuantifier: "has a repeated group inside a repetition, such as `(a+)+`, which can make matching hang",
	matchesEverything: "matches an empty string, so it would refuse every prompt",
	empty: "is empty",
};

const inlineCode = (text: string) => `\`${text.replaceAll("`", "ˋ").slice(0, 100)}\``;

export const settingsMessages = {
	managersOnly:
		"Only members with the **Manage Server** permission can view or change my settings, because they decide what everyone here may generate. Ask a moderator if something should change.",
	serverOnly: "Settings belong to a server: use /settings in one of its channels.",
	notAServerChannel: "That is not a channel of this server I can see. Pick a text channel, forum or thread.",
	serverScopeWithChannel:
		"You chose `scope:server` and a channel. Server values apply to every channel: leave `channel` out, or choose `scope:channel`.",
	hint: (key: SettingKey) => SETTING_HINTS[key],
	scope: (scope: { kind: "guild" } | { kind: "channel"; id: string }) =>
		scope.kind === "guild" ? SCOPE_WORDS.server : SCOPE_WORDS.channel(scope.id),
	set: (key: string, value: string, where: string) => `✅ ${inlineCode(key)} is now **${value}** ${where}.`,
	presetApplied: (preset: string, where: string) =>
		`✅ Preset **${preset}** now applies ${where}: it sets the safety thresholds, people and the preset's blocklist words together (values set separately for these at this scope were cleared).`,
	effectiveHere: (channelId: string, value: string, origin: string) =>
		`ℹ️ In <#${channelId}> the effective value is **${value}** (${origin}).`,
	reset: (key: string, where: string) =>
		`↩️ ${inlineCode(key)} no longer has its own value ${where}; it inherits again.`,
	nothingToReset: (key: string, where: string) =>
		`${inlineCode(key)} has no value of its own ${where}; nothing changed.`,
	blocklistAdded: (pattern: string, where: string, count: number) =>
		`🚫 Added ${inlineCode(pattern)} to the blocklist ${where} (${f.number(count)} ${f.plural(count, { one: "entry", other: "entries" })} at this scope). Prompts that match it are refused before any model call.`,
	blocklistRemoved: (pattern: string, where: string) => `Removed ${inlineCode(pattern)} from the blocklist ${where}.`,
	blocklistNotThere: (pattern: string, where: string) =>
		`${inlineCode(pattern)} is not on the blocklist ${where}; nothing changed.`,
	blocklistFromPreset: (preset: string) =>
		` It comes from the **${preset}** preset: choose another preset to drop the preset's words.`,
	errors: {
		unknownSetting: ({ key, known }) =>
			`${inlineCode(key)} is not a setting. The settings are: ${f.list(known, "unit")}.`,
		invalidValue: ({ key }) =>
			`That value does not fit ${inlineCode(key)}: it takes ${SETTING_EXPECTED[key]}. Nothing was changed.`,
		modelNotAllowed: ({ model, allowed }) =>
			`${inlineCode(model)} is not one of the models this bot's operator allows: ${f.list(allowed, "unit")}. Nothing was changed.`,
		thresholdTooPermissive: ({ key, threshold, mostPermissive }) =>
			`The bot's operator allows no safety threshold looser than ${mostPermissive}, so ${inlineCode(key)} cannot be ${threshold}. Choose ${mostPermissive} or stricter. Nothing was changed.`,
		invalidPattern: ({ pattern, problem }) =>
			`The pattern ${inlineCode(pattern)} ${PATTERN_PROBLEMS[problem]}. Use a word or phrase, or \`/regex/\` (at most ${f.number(MAX_PATTERN_LENGTH)} characters). Nothing was changed.`,
		tooManyEntries: ({ key, max }) =>
			`${inlineCode(key)} holds at most ${f.number(max)} entries at one scope. Remove some first. Nothing was changed.`,
	} satisfies { [Code in SettingErrorCode]: (details: SettingErrorDetails[Code]) => string },
	view: {
		title: "Image bot settings",
		description: (where: { channelId: string; threadId?: string; ageRestricted: boolean }) =>
			[
				`Effective settings for <#${where.channelId}>${where.threadId ? ` (threads such as <#${where.threadId}> use their parent channel's)` : ""}.`,
				where.ageRestricted ? "Discord marks this channel age-restricted." : "This channel is not age-restricted.",
				"Each value says where it comes from: default, server, channel (which beats server), or a preset.",
			].join("\n"),
		sections: {
			model: "Model",
			preset: "Presets",
			safety: "Safety thresholds",
			people: "People",
			access: "Access",
			threads: "Threads",
			limits: "Limits (per UTC day)",
			modlog: "Moderation log",
			blocklist: "Blocklist",
		},
		emptyBlocklist: "No words or patterns.",
		more: (count: number) => `… and ${f.number(count)} more`,
		footer:
			"Change: /settings set key value [scope] · Undo: /settings reset key [scope] · Words: /settings blocklist add",
	},
	origins: {
		default: "default",
		server: "server",
		channel: "channel",
		preset: (preset: string) => `preset ${preset}`,
		ageRestricted: (preset: string) => `age-restricted channel: ${preset}`,
		capped: {
			operator: "capped by the bot's operator",
			ageRestricted: "capped at adults: age-restricted channel",
		},
	},
	values: {
		everyone: "everyone",
		noRoles: "none",
		off: "off",
		on: "on",
		unlimited: "unlimited",
		seconds: (seconds: number) => `${f.number(seconds)} s`,
		imagesPerDay: (images: number) => `${f.number(images)} a day`,
		// The minutes as a moderator types them (60, 1440, …), then in days or hours.
		minutes: (minutes: number) =>
			minutes % 1_440 === 0
				? `${f.plain(minutes)} min (${f.number(minutes / 1_440)} d)`
				: `${f.plain(minutes)} min (${f.number(minutes / 60)} h)`,
		entries: (count: number) => `${f.number(count)} ${f.plural(count, { one: "entry", other: "entries" })}`,
		moreRoles: (count: number) => `+${f.number(count)} more`,
	},
} as const;

const formatUsd = (usd: number) => (usd > 0 && usd < 0.01 ? `<${f.usd(0.01, 2)}` : f.usd(usd, 2));

export const usageMessages = {
	dmOnly:
		"Image quotas are counted per server: use /usage in a channel of the server where you make images. In a DM with me there is nothing to show here.",
	allowance: ({ used, limit, remaining }: { used: number; limit: number; remaining: number | null }) =>
		limit > 0
			? `${f.number(used)} of ${f.number(limit)} (${f.number(remaining ?? 0)} left)`
			: `${f.number(used)} (no daily limit)`,
	member: (allowance: string) => `**Your images today:** ${allowance}`,
	server: (allowance: string) => `**This server today:** ${allowance}`,
	resets: (unixSeconds: number) =>
		`Quotas reset ${f.timestamp(unixSeconds, "R")}, at 00:00 UTC (${f.timestamp(unixSeconds, "t")} your time). Counts include images of turns still running.`,
	topUsers: "**Top users today**",
	topUser: (rank: number, userId: string, images: number, usd: number) =>
		`${f.number(rank)}. <@${userId}>: ${f.number(images)} ${f.plural(images, { one: "image", other: "images" })} (${formatUsd(usd)})`,
	noUsersYet: "Nobody has made an image today.",
	cost: (usd: number, images: number) =>
		`**Estimated cost today:** ${formatUsd(usd)} for ${f.number(images)} ${f.plural(images, { one: "image", other: "images" })} (from the usage Gemini reports and the bot's price table; Google's bill is authoritative).`,
} as const;

/** /background: the mask preview, per-result outcomes and the Info card's line. */
export const backgroundMessages = {
	/** Where a mask came from, as the member reads it. */
	sources: {
		user: "your mask",
		alpha: "the photo's transparency",
		classical: "computed locally (background colour model and GrabCut)",
		gemini: "computed with Gemini (keyed against a flat colour)",
	} as Record<string, string>,
	doubts: {
		coverage: "it keeps too little or too much of the photo",
		parts: "it has no clear object or many separate parts",
		border: "it runs along the photo's edges",
		disagreement: "two ways of finding the product disagree",
		segmenterFailed: "the first way of finding the product failed",
	} as Record<string, string>,
	preview: (userId: string, source: string, doubts: string[]) =>
		`<@${userId}>, I am not sure about this mask (${f.list(doubts, "and")}). The tinted area is what would be replaced; the rest stays pixel for pixel. Mask: ${source}. Use it, or cancel and attach your own \`mask_image\` (white = keep, black = replace). Nothing has been generated or counted yet.`,
	previewNotYours: "Only the member who ran /background can confirm or cancel this mask.",
	previewExpired: "This mask preview has expired (they last an hour). Run /background again.",
	previewCancelled: "Cancelled: nothing was generated or counted.",
	heading: (userId: string, title: string) => `🖼️ <@${userId}>: ${title}`,
	verified: (count: number, source: string) =>
		`-# ✅ Product pixels verified identical to your photo in ${count === 1 ? "this result" : `all ${f.number(count)} results`} · mask: ${source}`,
	notComposited: (source: string) =>
		`-# 🎨 keep_product:false: the model's image as it made it, not composited (mask: ${source}).`,
	resultBlocked: (index: number, stage: "prompt" | "output", category?: string) =>
		stage === "prompt"
			? `🚫 Result ${f.number(index)}: Gemini's safety filter blocked the request${category ? ` for ${category}` : ""}. Rephrase the prompt and try again.`
			: `🚫 Result ${f.number(index)}: Gemini made it but its safety filter withheld it${category ? ` for ${category}` : ""}; it is not posted or counted.`,
	resultRefused: (index: number, text: string) =>
		`Result ${f.number(index)}: Gemini answered with text instead of an image: “${text.length > 300 ? `${text.slice(0, 300)}…` : text}”`,
	resultFailed: (index: number) =>
		`Result ${f.number(index)}: Gemini finished without making an image; it is not counted.`,
	resultDrifted: (index: number, iou: number) =>
		`Result ${f.number(index)}: the model moved or reshaped the product (only ${f.percent(iou, 1)} of it stayed in place, twice), so I did not post it. Try again, or describe a scene that fits the product's position.`,
	resultTooLarge: (index: number, mb: number) =>
		`Result ${f.number(index)}: as a lossless PNG it is ${f.decimal(mb, 1)} MB, over Discord's 10 MB per file, and re-encoding it would change the product. Send a smaller photo.`,
	infoLine: (background: { source: string; verified: boolean; keepProduct: boolean }) =>
		background.keepProduct
			? `**Background replaced:** mask ${backgroundMessages.sources[background.source] ?? background.source}; ${background.verified ? "product pixels verified identical to the original" : "product pixels not verified"}`
			: `**Background replaced:** mask ${backgroundMessages.sources[background.source] ?? background.source}; keep_product:false, not composited`,
} as const;
