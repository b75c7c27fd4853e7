// src/discord/i18n/zh-CN/moderation.ts: 管理日志、/settings 和 /usage 的文案（简体中文）。
import { MAX_PATTERN_LENGTH } from "../../../moderation/matchBlocklist.js";
import type { SettingKey } from "../../../moderation/validateSetting.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { settingLimits as limits } from "../settingLimits.js";

const f = formattersFor("zh-CN");
const since = (at: number) => f.timestamp(at, "R");

export const modlogMessages = {
	what: {
		blockedPrompt: "被拦截的提示词",
		blockedImage: "被拦截的图片",
		refused: "模型拒绝",
		denied: "被设置拒绝",
	},
	summary: {
		blockedPrompt: "Gemini 的安全过滤器在生成任何内容之前就拦截了提示词。",
		blockedImage: "Gemini 生成了结果，但安全过滤器没有放行。这张图片从不保存，也不显示。",
		refused: "Gemini 只回复了文字，没有图片。",
		denied: "服务器的设置在调用模型之前就拒绝了这一轮。",
	},
	caseTitle: (what) => `🛡️ ${what}`,
	appealTitle: (what) => `🚩 报告为误判：${what}`,
	appealSummary: (userId) => `${userMention(userId)} 认为这是误判，请管理员复核。已附上其提示词，方便你判断。`,
	field: {
		member: "成员",
		where: "位置",
		model: "模型",
		reason: "原因",
		category: "类别",
		codes: "代码",
		prompt: "提示词",
		actions: "管理操作",
	},
	jumpLink: (url, channelId) => `[跳转到消息](${url})（${channelMention(channelId)}）`,
	categoryUnknown: "未说明",
	categoryLabel: (label, category) => `${label}（\`${category}\`）`,
	noCodes: "无",
	promptOmitted: "未包含：本服务器的日志不记录提示词（设置项 `modlog.includePrompts`）。",
	promptEmpty: "（无文字：这一轮只有图片）",
	footer: (caseId) => `案例 ${caseId}`,
	actionLine: {
		delete: (moderatorId, at) => `🗑️ ${userMention(moderatorId)} 于${since(at)}删除了输出`,
		lock: (moderatorId, at) => `🔒 ${userMention(moderatorId)} 于${since(at)}锁定了子区`,
		timeout: (moderatorId, at, minutes) =>
			`⏳ ${userMention(moderatorId)} 于${since(at)}将该成员禁言${f.duration(minutes, "minute")}`,
	},
	permission: { delete: "管理消息", lock: "管理子区", timeout: "禁言成员" },
	auditReason: (caseId, username, userId) => `管理日志案例 ${caseId}，由 ${username}（${userId}）执行`,
	caseUnknown: "我已不再保存这个案例（案例保存 30 天），所以无法报告或处理。",
	appealNotYours: "只有这条回复所针对的成员才能报告误判。",
	alreadyReported: "你已经报告过了：管理员已经收到。",
	noModlog: "本服务器没有设置管理日志频道，所以我无法把报告发给任何人。请直接联系管理员。",
	modlogUnreachable: "我无法在本服务器的管理日志频道中发消息。请直接联系管理员。",
	appealSent: "谢谢：我已把这个案例连同你的提示词发给服务器的管理员复核。",
	actionNotAllowed: (permission) => `此操作需要“${permission}”权限，而你没有。`,
	botLacks: (permission) => `我无法执行：我在那里缺少“${permission}”权限。请授予我后重试。`,
	outputDeleted: (count) => `已删除输出（${f.number(count)} 条消息）。`,
	outputAlreadyGone: "输出已经不在了。",
	noOutput: "这个案例没有可删除的输出：这一轮在发布任何内容之前就被拒绝了。",
	threadLocked: (threadId) => `已锁定并归档 ${channelMention(threadId)}。`,
	notAThread: "这个案例不是在子区中发生的，所以没有可锁定的子区。",
	threadGone: "那个子区已不存在。",
	timedOut: (userId, minutes) => `已将 ${userMention(userId)} 禁言${f.duration(minutes, "minute")}。`,
	memberGone: "该成员已不在本服务器中。",
} satisfies Catalogue["modlogMessages"];

const values = (list: readonly (string | number)[], kind: "and" | "or") =>
	f.list(
		list.map((value) => (typeof value === "number" ? f.plain(value) : value)),
		kind,
	);
const oneOf = (list: readonly (string | number)[]) => `${values(list, "or")} 之一`;

const SETTING_HINTS: Record<SettingKey, string> = {
	model: "图片模型",
	preset: "strict、standard 或 relaxed：一次性设置安全、人物和屏蔽词",
	"safety.harassment": "安全阈值：骚扰",
	"safety.hateSpeech": "安全阈值：仇恨言论",
	"safety.sexuallyExplicit": "安全阈值：露骨色情",
	"safety.dangerousContent": "安全阈值：危险内容",
	people: "人物图片：none、allow_adult、allow_all",
	"access.allowedRoles": "可以使用机器人的身份组（留空 = 所有人）",
	"access.deniedRoles": "被拒绝的身份组",
	"access.threadTurns": "谁可以在子区中添加新的一轮：starter 或 anyone",
	"threads.visibility": "新子区是公开还是私密",
	"threads.autoArchiveMinutes": `子区自动归档：${values(limits.autoArchiveMinutes, "and")}`,
	"threads.livePreview": "生成过程中显示文字、思路和草图：true 或 false",
	"limits.cooldownSeconds": "成员两轮之间的秒数（0 = 关闭）",
	"limits.memberDailyImages": "每位成员每天的图片数（0 = 不限）",
	"limits.serverDailyImages": "每个服务器每天的图片数（0 = 不限）",
	"modlog.channelId": "管理日志频道",
	"modlog.includePrompts": "管理日志是否显示提示词：true 或 false",
	blocklist: "此范围自己的屏蔽词条目",
	ageRestrictedPreset: "年龄限制频道使用的预设，或 none",
};

const SETTING_EXPECTED: Record<SettingKey, string> = {
	model: "一个模型 ID",
	preset: oneOf(limits.presets),
	"safety.harassment": oneOf(limits.thresholds),
	"safety.hateSpeech": oneOf(limits.thresholds),
	"safety.sexuallyExplicit": oneOf(limits.thresholds),
	"safety.dangerousContent": oneOf(limits.thresholds),
	people: oneOf(limits.peopleModes),
	"access.allowedRoles": `最多 ${f.number(limits.maxRoles)} 个身份组 ID`,
	"access.deniedRoles": `最多 ${f.number(limits.maxRoles)} 个身份组 ID`,
	"access.threadTurns": oneOf(limits.threadTurns),
	"threads.visibility": oneOf(limits.visibilities),
	"threads.autoArchiveMinutes": `${oneOf(limits.autoArchiveMinutes)}（分钟）`,
	"threads.livePreview": "true 或 false",
	"limits.cooldownSeconds": `0（关闭）到 ${f.plain(limits.maxCooldownSeconds)} 之间的整数秒数`,
	"limits.memberDailyImages": `0（不限）到 ${f.plain(limits.maxMemberDailyImages)} 之间的整数`,
	"limits.serverDailyImages": `0（不限）到 ${f.plain(limits.maxServerDailyImages)} 之间的整数`,
	"modlog.channelId": "一个频道 ID",
	"modlog.includePrompts": "true 或 false",
	blocklist: `最多 ${f.number(limits.maxBlocklistEntries)} 个词语或 /模式/，每个都可以附带原因`,
	ageRestrictedPreset: oneOf(limits.ageRestrictedPresets),
};

const PATTERN_PROBLEMS = {
	syntax: "不是有效的正则表达式",
	tooLong: `超过了 ${f.number(MAX_PATTERN_LENGTH)} 个字符`,
	nestedQuantifier: "在重复中嵌套了重复的分组（例如 `(a+)+`），可能导致匹配卡住",
	matchesEverything: "会匹配空字符串，因此会拒绝所有提示词",
	empty: "是空的",
};

export const settingsMessages = {
	managersOnly:
		"只有拥有 **管理服务器** 权限的成员才能查看或更改我的设置，因为这些设置决定了这里的每个人可以生成什么。如果需要更改，请联系管理员。",
	serverOnly: "设置属于服务器：请在服务器的某个频道中使用 /settings。",
	notAServerChannel: "那不是本服务器中我能看到的频道。请选择文字频道、论坛或子区。",
	serverScopeWithChannel:
		"你选择了 `scope:server`，同时又指定了频道。服务器的值适用于所有频道：请去掉 `channel`，或者选择 `scope:channel`。",
	hint: (key) => SETTING_HINTS[key],
	scope: (scope) => (scope.kind === "guild" ? "在整个服务器范围内" : `在 ${channelMention(scope.id)} 中`),
	set: (key, value, where) => `✅ ${where}，${inlineCode(key)} 现在是 **${value}**。`,
	presetApplied: (preset, where) =>
		`✅ ${where}，现在使用预设 **${preset}**：它会同时设定安全阈值、人物和预设的屏蔽词（此范围内单独设置的这些值已被清除）。`,
	effectiveHere: (channelId, value, origin) =>
		`ℹ️ 在 ${channelMention(channelId)} 中，实际生效的值是 **${value}**（${origin}）。`,
	reset: (key, where) => `↩️ ${where}，${inlineCode(key)} 不再有自己的值，重新继承上级的设置。`,
	nothingToReset: (key, where) => `${where}，${inlineCode(key)} 没有自己的值；没有任何更改。`,
	blocklistAdded: (pattern, where, count) =>
		`🚫 ${where}，已将 ${inlineCode(pattern)} 加入屏蔽词列表（此范围共 ${f.number(count)} 个条目）。匹配的提示词会在调用任何模型之前被拒绝。`,
	blocklistRemoved: (pattern, where) => `${where}，已将 ${inlineCode(pattern)} 从屏蔽词列表中移除。`,
	blocklistNotThere: (pattern, where) => `${where}，${inlineCode(pattern)} 不在屏蔽词列表中；没有任何更改。`,
	blocklistFromPreset: (preset) => `它来自预设 **${preset}**：选择其他预设即可去掉该预设的词语。`,
	errors: {
		unknownSetting: ({ key, known }) => `${inlineCode(key)} 不是一个设置项。设置项有：${f.list(known, "and")}。`,
		invalidValue: ({ key }) => `这个值不适用于 ${inlineCode(key)}。可用的值：${SETTING_EXPECTED[key]}。没有任何更改。`,
		modelNotAllowed: ({ model, allowed }) =>
			`${inlineCode(model)} 不在机器人运营者允许的模型中：${f.list(allowed, "and")}。没有任何更改。`,
		thresholdTooPermissive: ({ key, threshold, mostPermissive }) =>
			`机器人的运营者不允许比 ${mostPermissive} 更宽松的安全阈值，所以 ${inlineCode(key)} 不能设为 ${threshold}。请选择 ${mostPermissive} 或更严格的值。没有任何更改。`,
		invalidPattern: ({ pattern, problem }) =>
			`模式 ${inlineCode(pattern)} ${PATTERN_PROBLEMS[problem]}。请使用词语或短语，或者 \`/regex/\`（最多 ${f.number(MAX_PATTERN_LENGTH)} 个字符）。没有任何更改。`,
		tooManyEntries: ({ key, max }) =>
			`${inlineCode(key)} 在同一范围内最多只能有 ${f.number(max)} 个条目。请先移除一些。没有任何更改。`,
	},
	view: {
		title: "图片机器人设置",
		description: (where) =>
			[
				`${channelMention(where.channelId)} 的实际生效设置${where.threadId ? `（${channelMention(where.threadId)} 这样的子区使用其所属频道的设置）` : ""}。`,
				where.ageRestricted ? "Discord 将此频道标记为年龄限制频道。" : "此频道没有年龄限制。",
				"每个值都注明了来源：默认、服务器、频道（优先于服务器）或预设。",
			].join("\n"),
		sections: {
			model: "模型",
			preset: "预设",
			safety: "安全阈值",
			people: "人物",
			access: "访问权限",
			threads: "子区",
			limits: "限制（按 UTC 日计算）",
			modlog: "管理日志",
			blocklist: "屏蔽词列表",
		},
		emptyBlocklist: "没有词语或模式。",
		more: (count) => `……还有 ${f.number(count)} 项`,
		footer:
			"更改：/settings set key value [scope] · 撤销：/settings reset key [scope] · 屏蔽词：/settings blocklist add",
	},
	origins: {
		default: "默认",
		server: "服务器",
		channel: "频道",
		preset: (preset) => `预设 ${preset}`,
		ageRestricted: (preset) => `年龄限制频道：${preset}`,
		capped: {
			operator: "受机器人运营者限制",
			ageRestricted: "仅限成人：年龄限制频道",
		},
	},
	values: {
		everyone: "所有人",
		noRoles: "无",
		off: "关闭",
		on: "开启",
		unlimited: "不限",
		seconds: (seconds) => f.duration(seconds, "second"),
		imagesPerDay: (images) => `每天 ${f.number(images)} 张`,
		minutes: (minutes) =>
			`${f.duration(minutes, "minute")}（${minutes % 1_440 === 0 ? f.duration(minutes / 1_440, "day") : f.duration(minutes / 60, "hour")}）`,
		entries: (count) => `${f.number(count)} 个条目`,
		moreRoles: (count) => `另外 ${f.number(count)} 个`,
	},
} satisfies Catalogue["settingsMessages"];

const usd = (amount: number) => (amount > 0 && amount < 0.01 ? `<${f.usd(0.01, 2)}` : f.usd(amount, 2));

export const usageMessages = {
	dmOnly: "图片配额按服务器计算：请在你生成图片的服务器的频道中使用 /usage。在与我的私信中没有可显示的内容。",
	allowance: ({ used, limit, remaining }) =>
		limit > 0
			? `${f.number(used)} / ${f.number(limit)}（剩余 ${f.number(remaining ?? 0)}）`
			: `${f.number(used)}（无每日上限）`,
	member: (allowance) => `**你今天的图片：** ${allowance}`,
	server: (allowance) => `**本服务器今天：** ${allowance}`,
	resets: (unixSeconds) =>
		`配额将于${f.timestamp(unixSeconds, "R")}重置，即 00:00 UTC（你的当地时间 ${f.timestamp(unixSeconds, "t")}）。计数包括仍在进行中的轮次的图片。`,
	topUsers: "**今天的使用排行**",
	topUser: (rank, userId, images, amount) =>
		`${f.number(rank)}. ${userMention(userId)}：${f.number(images)} 张图片（${usd(amount)}）`,
	noUsersYet: "今天还没有人生成图片。",
	cost: (amount, images) =>
		`**今天的预计费用：** ${f.number(images)} 张图片共 ${usd(amount)}（根据 Gemini 报告的用量和机器人的价格表估算；以 Google 的账单为准）。`,
} satisfies Catalogue["usageMessages"];
