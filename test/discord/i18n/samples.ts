// test/discord/i18n/samples.ts: sample arguments for every message function, by its path in the catalogue.
// Every function in the English catalogue needs at least one entry here; several entries cover its branches.

export const USER = "123456789012345678";
export const MODERATOR = "223456789012345678";
export const ROLE = "323456789012345678";
export const ROLE_2 = "423456789012345678";
export const CHANNEL = "523456789012345678";
export const THREAD = "623456789012345678";
/** Mon, 15 Jan 2024 10:30:00 UTC, as Discord's `<t:…>` takes it. */
export const UNIX = 1_705_314_600;
export const RESETS_AT = "2024-01-16T00:00:00.000Z";

/** A prompt as long as the Info card shows one (turnActions cuts prompts at 900 characters). */
const LONG_PROMPT = `${"a neon-lit street market at night, rain on the cobblestones, ".repeat(15).slice(0, 900)}…`;
const REFUSAL_TEXT = "I can't make that image, but I can describe a similar scene. ".repeat(7);

const card = {
	versions: "v3 · v4",
	turn: 12,
	prompt: LONG_PROMPT,
	model: "gemini-3-pro-image-preview",
	modelLabel: "Nano Banana Pro",
	parent: 2,
	inputs: ["v5", "v6"],
	branchOf: THREAD,
	requesterId: USER,
	at: UNIX,
	seconds: 12.34,
	tokens: { in: 1_234, out: 12_580 },
	usd: 0.134,
	background: { source: "classical", verified: true, keepProduct: true },
};

export const SAMPLES: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
	"userInputMessages.tooManyImages": [[{ max: 3, got: 5 }]],
	"userInputMessages.imageTooLarge": [[{ name: "holiday.png", maxMb: 10 }]],
	"userInputMessages.notAnImage": [[{ name: "notes.pdf" }]],
	"userInputMessages.imageUnreadable": [[{ name: "broken.jpg" }]],
	"userInputMessages.imageDownloadFailed": [[{ name: "cat.webp" }]],
	"userInputMessages.imageDownloadTimeout": [[{ name: "slow.gif", seconds: 15 }]],
	"userInputMessages.promptEmpty": [[{}]],
	"userInputMessages.promptTooLong": [[{ max: 2_000, got: 12_345 }]],
	"userInputMessages.sizeUnsupported": [
		[{ size: "4K", model: "gemini-2.5-flash-image", sizes: ["1K", "2K"] }],
		[{ size: "4K", model: "gemini-2.5-flash-image", sizes: [] }],
	],
	"userInputMessages.aspectUnsupported": [[{ aspect: "21:9", model: "gemini-2.5-flash-image" }]],
	"userInputMessages.imagePixels": [
		[{ name: "huge.png", width: 9_000, height: 5_000, minEdge: 64, maxEdge: 4_096, maxMegapixels: 12 }],
	],
	"userInputMessages.maskAspect": [[{ imageWidth: 4_000, imageHeight: 3_000, maskWidth: 1_024, maskHeight: 1_024 }]],
	"userInputMessages.maskUniform": [[{ keepsAll: true }], [{ keepsAll: false }]],
	"userInputMessages.maskExpired": [[{}]],
	"userInputMessages.optionOutOfRange": [[{ option: "count", min: 1, max: 4, got: 9 }]],

	"policyMessages.deniedRole": [[{ roleId: ROLE }]],
	"policyMessages.notAllowedRole": [[{ allowedRoles: [ROLE] }], [{ allowedRoles: [ROLE, ROLE_2] }]],
	"policyMessages.threadStarterOnly": [[{ starterId: USER }]],
	"policyMessages.blocklisted": [
		[{ matched: "spoiler", pattern: "spoiler" }],
		[{ matched: "spoiler", pattern: "spoiler", reason: "No spoilers before Friday." }],
		[{ matched: "gore", pattern: "gore", presetReason: "graphicViolence" }],
	],
	"policyMessages.cooldown": [[{ secondsLeft: 7, cooldownSeconds: 30 }]],
	"policyMessages.memberQuota": [[{ limit: 25, used: 25, requested: 1, resetsAt: RESETS_AT }]],
	"policyMessages.serverQuota": [[{ limit: 1_500, used: 1_500, requested: 2, resetsAt: RESETS_AT }]],

	blocklistReason: [
		[{ presetReason: "sexualContent" }],
		[{ presetReason: "graphicViolence" }],
		[{ reason: "Be kind." }],
	],
	blockedMessage: [
		["prompt", "SAFETY", "sexual"],
		["prompt", "BLOCKLIST"],
		["output", "IMAGE_PROHIBITED_CONTENT", "celebrity"],
		["output", "IMAGE_SAFETY"],
	],

	"labels.timeoutMember": [[10]],

	"messages.imagesDropped": [[6]],
	"messages.firstFrameOnly": [[["party.gif"]], [["party.gif", "dance.gif"]]],
	"messages.progressWorking": [[45]],
	"messages.progressThinking": [["Composing the scene"]],
	"messages.progressDraft": [[1], [2]],
	"messages.progressQuotaWait": [[UNIX * 1_000 + 30_000]],
	"messages.progressGlobalCap": [[3]],
	"messages.progressGlobalRate": [[UNIX * 1_000 + 42_000]],
	"messages.progressRetry": [[UNIX * 1_000 + 5_000]],
	"messages.queued": [[USER, 2]],
	"messages.uploadedVersions": [[[7]], [[7, 8]]],
	"messages.staleButton": [["v9"], [""]],
	"messages.resultCard": [
		[card],
		[
			{
				versions: "",
				turn: 1,
				prompt: "",
				model: "gemini-2.5-flash-image",
				modelLabel: "Nano Banana",
				inputs: [],
				requesterId: USER,
				at: UNIX,
				seconds: 3.5,
				usd: 0.039,
				background: { source: "user", verified: false, keepProduct: false },
			},
		],
	],
	"messages.undone": [
		[USER, "v4", "v3"],
		[USER, "", ""],
	],
	"messages.forgotten": [[USER]],
	"messages.editStarted": [[THREAD]],
	"messages.edited": [[USER, "make the car yellow and the sky a little more orange"]],
	"messages.branched": [
		[THREAD, "v3"],
		[THREAD, ""],
	],
	"messages.branchedFrom": [
		[THREAD, "v3"],
		[THREAD, ""],
	],
	"messages.threadStarted": [[THREAD]],
	"messages.geminiQuota": [[37], [undefined]],
	"messages.geminiQuotaExhausted": [[45], [600], [10_800], [undefined]],
	"messages.geminiDeadline": [[90], [300]],
	"messages.aboutYourMessage": [
		["Your prompt is 12345 characters; the limit is 2000.", "https://discord.com/channels/1/2/3"],
	],
	"messages.interruptedByCrash": [[USER]],
	"messages.geminiRejected": [["r-7f3a"]],
	"messages.geminiAuth": [["r-7f3b"]],
	"messages.geminiModelMissing": [["gemini-9-image"]],
	"messages.missingPermissions": [["Send Messages"]],
	"messages.unexpected": [["r-7f3c"]],

	"modlogMessages.caseTitle": [["Blocked image"]],
	"modlogMessages.appealTitle": [["Blocked image"]],
	"modlogMessages.appealSummary": [[USER]],
	"modlogMessages.jumpLink": [["https://discord.com/channels/1/2/3", CHANNEL]],
	"modlogMessages.categoryLabel": [["sexual content", "sexual"]],
	"modlogMessages.footer": [["c-20240115-0042"]],
	"modlogMessages.actionLine.delete": [[MODERATOR, UNIX]],
	"modlogMessages.actionLine.lock": [[MODERATOR, UNIX]],
	"modlogMessages.actionLine.timeout": [[MODERATOR, UNIX, 10]],
	"modlogMessages.auditReason": [["c-20240115-0042", "mod_anna", MODERATOR]],
	"modlogMessages.actionNotAllowed": [["Manage Messages"]],
	"modlogMessages.botLacks": [["Manage Threads"]],
	"modlogMessages.outputDeleted": [[1], [3]],
	"modlogMessages.threadLocked": [[THREAD]],
	"modlogMessages.timedOut": [[USER, 10]],

	"settingsMessages.hint": [["limits.memberDailyImages"], ["preset"]],
	"settingsMessages.scope": [[{ kind: "guild" }], [{ kind: "channel", id: CHANNEL }]],
	"settingsMessages.set": [["limits.cooldownSeconds", "30 s", "for the whole server"]],
	"settingsMessages.presetApplied": [["strict", `for <#${CHANNEL}>`]],
	"settingsMessages.effectiveHere": [[CHANNEL, "1500 a day", "server"]],
	"settingsMessages.reset": [["people", "for the whole server"]],
	"settingsMessages.nothingToReset": [["people", `for <#${CHANNEL}>`]],
	"settingsMessages.blocklistAdded": [
		["/sp(oi)?ler/i", "for the whole server", 1],
		["spoiler", "for the whole server", 42],
	],
	"settingsMessages.blocklistRemoved": [["spoiler", "for the whole server"]],
	"settingsMessages.blocklistNotThere": [["spoiler", "for the whole server"]],
	"settingsMessages.blocklistFromPreset": [["strict"]],
	"settingsMessages.errors.unknownSetting": [[{ key: "limits.daily", known: ["model", "preset", "people"] }]],
	"settingsMessages.errors.invalidValue": [
		[{ key: "threads.autoArchiveMinutes" }],
		[{ key: "limits.cooldownSeconds" }],
		[{ key: "preset" }],
		[{ key: "blocklist" }],
	],
	"settingsMessages.errors.modelNotAllowed": [
		[{ model: "gemini-9-image", allowed: ["gemini-2.5-flash-image", "gemini-3-pro-image-preview"] }],
	],
	"settingsMessages.errors.thresholdTooPermissive": [
		[{ key: "safety.harassment", threshold: "OFF", mostPermissive: "BLOCK_ONLY_HIGH" }],
	],
	"settingsMessages.errors.invalidPattern": [
		[{ pattern: "(a+)+", problem: "nestedQuantifier" }],
		[{ pattern: "/[/", problem: "syntax" }],
		[{ pattern: "x".repeat(250), problem: "tooLong" }],
		[{ pattern: "/a*/", problem: "matchesEverything" }],
		[{ pattern: "", problem: "empty" }],
	],
	"settingsMessages.errors.tooManyEntries": [[{ key: "blocklist", max: 100 }]],
	"settingsMessages.view.description": [
		[{ channelId: CHANNEL, ageRestricted: false }],
		[{ channelId: CHANNEL, threadId: THREAD, ageRestricted: true }],
	],
	"settingsMessages.view.more": [[7]],
	"settingsMessages.origins.preset": [["strict"]],
	"settingsMessages.origins.ageRestricted": [["relaxed"]],
	"settingsMessages.values.seconds": [[30]],
	"settingsMessages.values.imagesPerDay": [[1_500]],
	"settingsMessages.values.minutes": [[60], [1_440], [10_080]],
	"settingsMessages.values.entries": [[1], [12]],
	"settingsMessages.values.moreRoles": [[4]],

	"usageMessages.allowance": [[{ used: 3, limit: 1_000, remaining: 997 }], [{ used: 12, limit: 0, remaining: null }]],
	"usageMessages.member": [["3 of 25 (22 left)"]],
	"usageMessages.server": [["120 of 1500 (1380 left)"]],
	"usageMessages.resets": [[UNIX]],
	"usageMessages.topUser": [
		[1, USER, 20, 1.34],
		[2, MODERATOR, 1, 0.004],
	],
	"usageMessages.cost": [
		[2.01, 30],
		[0, 0],
	],

	"backgroundMessages.preview": [[USER, "computed locally", ["it runs along the photo's edges", "two ways disagree"]]],
	"backgroundMessages.heading": [[USER, "marble countertop, soft morning light"]],
	"backgroundMessages.verified": [
		[1, "your mask"],
		[4, "your mask"],
	],
	"backgroundMessages.notComposited": [["your mask"]],
	"backgroundMessages.resultBlocked": [
		[2, "prompt", "sexual content"],
		[2, "output", undefined],
	],
	"backgroundMessages.resultRefused": [
		[3, REFUSAL_TEXT],
		[3, "No."],
	],
	"backgroundMessages.resultFailed": [[4]],
	"backgroundMessages.resultDrifted": [[1, 0.734]],
	"backgroundMessages.resultTooLarge": [[2, 12.46]],
	"backgroundMessages.infoLine": [
		[{ source: "gemini", verified: true, keepProduct: true }],
		[{ source: "alpha", verified: false, keepProduct: true }],
		[{ source: "user", verified: false, keepProduct: false }],
	],
};
