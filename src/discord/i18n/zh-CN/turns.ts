// src/discord/i18n/zh-CN/turns.ts: 每一轮的进度、结果、按钮和弹窗的文案（简体中文）。
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { backgroundMessages } from "./background.js";
import { NOT_KEPT } from "./refusals.js";

const f = formattersFor("zh-CN");
const at = (retryAtMs: number) => f.timestamp(Math.ceil(retryAtMs / 1_000), "R");
const version = (number: number) => `v${f.plain(number)}`;

export const labels = {
	reroll: "重新生成",
	undo: "撤销",
	edit: "编辑",
	info: "详情",
	delete: "删除",
	cancel: "取消",
	useMask: "使用此蒙版",
	reportMistake: "报告误判",
	deleteOutput: "删除输出",
	lockThread: "锁定子区",
	timeoutMember: (minutes) => `禁言该成员（${f.duration(minutes, "minute")}）`,
	clearHistory: "清除历史",
	keepHistory: "保留",
	editImageTitle: "编辑图片",
	editThisImageTitle: "编辑这张图片",
	instructionLabel: "要改什么？",
	instructionPlaceholder: "把车改成黄色",
	untitledThread: "图片对话",
} satisfies Catalogue["labels"];

export const auditReasons = {
	imagine: "/imagine",
	background: "/background",
	editImage: "编辑图片",
	branch: "图片对话的分支",
} satisfies Catalogue["auditReasons"];

/** Discord 简体中文界面中的权限名称。 */
export const TURN_PERMISSION_NAMES = "发送消息、附加文件、创建公开子区和在子区中发送消息";

export const messages = {
	refusedHint: `没有生成图片。如果你想要图片，请明确提出，例如“生成一张……的图片”。${NOT_KEPT}`,
	truncated: "⚠️ Gemini 达到了输出上限，这个回答可能不完整。",
	imagesDropped: (kept) =>
		`ℹ️ 这个子区已经超出模型一次能看到的长度：最早的图片已移出上下文（它仍会读取全部文字，并最多保留 ${f.number(kept)} 张图片）。`,
	firstFrameOnly: (names) => `ℹ️ ${f.list(names.map(inlineCode), "and")} 是动图，我使用了第一帧。`,
	progressThinking: (summary) => `-# 💭 思考中：${summary}`,
	progressDraft: (draft) => `-# 🖌️ 草图 ${f.number(draft)}：模型在生成过程中画的草稿，不是最终图片。`,
	progressWorking: (seconds) => `⏳ 正在处理… ${f.duration(seconds, "second")}`,
	progressQuotaWait: (retryAt) => `⏳ Gemini 的配额暂时用完了：这一轮会保留排队位置，并在${at(retryAt)}重试。`,
	progressGlobalCap: (position) =>
		`⏳ 正在等待 Gemini 的空闲名额（本机器人在所有服务器之间共享一个上限）：排在第 ${f.number(position)} 位，前面的完成后就会开始。`,
	progressGlobalRate: (retryAt) =>
		`⏳ 本机器人这一分钟的 Gemini 请求次数已用完：这一轮会保留排队位置，并在${at(retryAt)}开始。`,
	progressRetry: (retryAt) => `⏳ Gemini 没有正常响应，将在${at(retryAt)}重试。`,
	queued: (userId, position) =>
		`⏳ ${userMention(userId)}，你在这个子区的这一轮排在第 ${f.number(position)} 位，前面的完成后就会开始。`,
	cancelled: "已取消：那一轮已停止，对话中没有添加任何内容。",
	notQueuedAnymore: "那一轮已不在等待或进行中（已经完成，或者机器人重启过）。",
	cancelNotYours: "只有发起这一轮的成员才能取消它。",
	uploadedVersions: (versions) => `-# 你上传的图片是 ${f.list(versions.map(version), "and")}。`,
	staleButton: (latestVersions) =>
		`这个结果已不是本子区最新的一轮${latestVersions ? `（最新的是 ${latestVersions}）` : ""}，所以“${labels.reroll}”“${labels.undo}”和“${labels.edit}”不再适用于它。要回到这个结果，请回复那条消息：我会从它分出一个新的子区。“${labels.info}”和“${labels.delete}”仍然可用。`,
	resultCard: (card) =>
		[
			`**结果${card.versions ? ` ${card.versions}` : "（无图片）"}** · 第 ${f.number(card.turn)} 轮`,
			`**提示词：** ${card.prompt || "（仅图片）"}`,
			`**模型：** \`${card.model}\`（${card.modelLabel}）`,
			`**基于：** ${card.parent !== undefined ? version(card.parent) : "无（新图片）"}${card.inputs.length > 0 ? `；输入 ${f.list(card.inputs, "and")}` : ""}`,
			...(card.branchOf ? [`**分支自：** ${channelMention(card.branchOf)}`] : []),
			`**请求者：** ${userMention(card.requesterId)}，${f.timestamp(card.at, "f")}`,
			`**耗时：** ${f.duration(card.seconds, "second", 1)}`,
			card.tokens
				? `**Token：** 输入 ${f.number(card.tokens.in)}，输出 ${f.number(card.tokens.out)}；预计费用 ${f.usd(card.usd, 3)}`
				: `**预计费用：** ${f.usd(card.usd, 3)}`,
			...(card.background ? [backgroundMessages.infoLine(card.background)] : []),
			"-# Google 会为 Gemini 生成的每张图片加上不可见的 SynthID 水印。",
		].join("\n"),
	notInHistory: "这个结果已不在本子区的对话中（已被撤销、重新生成或清除）。",
	undone: (userId, removed, current) =>
		`↩️ ${userMention(userId)} 撤销了上一轮${removed ? `（${removed}）` : ""}。${current ? `对话从 ${current} 继续。` : "对话回到了开头。"}`,
	nothingToUndo: "这个子区没有可以撤销的内容。",
	deleteNotAllowed: "只有请求这个结果的成员，或拥有“管理消息”权限的人，才能删除它。",
	deleted: `已删除。对话历史没有变化：要从历史中去掉一轮，请使用“${labels.undo}”。`,
	forgetConfirm: "要清除这个子区的全部图片对话吗？消息会保留，但我会忘掉它们。",
	forgotten: (userId) => `🧹 ${userMention(userId)} 清除了这个子区的历史，下一条消息将重新开始。`,
	forgetKept: "已保留历史。",
	historyCleared: "历史已清除。",
	editNoImages: "那条消息没有可编辑的图片。",
	editStarted: (threadId) => `🧵 正在 ${channelMention(threadId)} 中编辑。`,
	edited: (userId, instruction) => `✏️ ${userMention(userId)}: ${instruction}`,
	branched: (threadId, from) => `⑂ 已${from ? `从 ${from} ` : ""}分支到 ${channelMention(threadId)}。`,
	branchedFrom: (threadId, from) => `⑂ 分支自 ${channelMention(threadId)}${from ? ` 的 ${from}` : ""}。`,
	notAConversation: "这里不是我的图片子区。请在文字频道中使用 /imagine 开始一个。",
	threadStarted: (threadId) => `🧵 正在 ${channelMention(threadId)} 中处理。在那里回复即可继续编辑。`,
	turnAcknowledged: "🎨 马上开始。",
	geminiQuota: (seconds) =>
		`⏳ 本机器人的 Gemini 配额目前已用完${seconds ? `，请在大约${f.duration(seconds, "second")}后重试` : "，请一分钟后重试"}。`,
	geminiQuotaExhausted: (retryAfterSeconds) =>
		`⏳ 本机器人的 Gemini 配额已用完${retryAfterSeconds ? `，大约${f.wait(retryAfterSeconds)}后才会再次接受请求` : "，请稍后再试"}。${NOT_KEPT}`,
	geminiUnavailable: "Gemini 目前负载过高或不可用（我已经重试过）。请一分钟后再试。",
	geminiTimeout: "Gemini 响应时间过长（我已经重试过）。请重试，或者把请求简化一些。",
	geminiDeadline: (seconds) =>
		`⌛ Gemini 没有及时响应（包括重试在内，我等了${f.wait(seconds)}）。请重试，或者把请求简化一些。${NOT_KEPT}`,
	turnInterrupted: `⚠️ 我正在重启，所以这一轮在完成前被中止了。请一分钟后重新发送。${NOT_KEPT}`,
	aboutYourMessage: (text, url) => `${text}\n-# 关于你的消息 ${url}`,
	restarting: "我正在重启，暂时不接受新的请求。请一分钟后重新发送。",
	storeUnavailable:
		"我现在无法连接到存储（它已停止或正在重启），所以无法处理这一轮。没有任何内容丢失：请一分钟后重新发送。",
	interruptedByCrash: (userId) =>
		`⚠️ ${userMention(userId)}，我在处理你在这里的上一轮时停止了，所以它没有完成。对话保持在那一轮之前的状态：请重新发送。`,
	geminiRejected: (ref) =>
		`Gemini 认为这个请求无效并拒绝了它。如果反复出现，请告诉机器人的运营者（参考编号 \`${ref}\`）。`,
	geminiAuth: (ref) => `机器人的 Gemini API 密钥被拒绝了。请告诉机器人的运营者（参考编号 \`${ref}\`）。`,
	geminiModelMissing: (model) => `模型 \`${model}\` 不可用。请让机器人的运营者检查 GEMINI_MODEL。`,
	missingPermissions: (what) => `我在这里缺少权限：${what}。请让管理员授予我。`,
	unexpected: (ref) => `我这边出了问题。请重试；如果反复出现，请告诉机器人的运营者（参考编号 \`${ref}\`）。`,
	notInConversation: "这个命令可以在文字频道、我的图片子区或与我的私信中使用。",
	help: [
		"**Nano Banana threads**：用 Google Gemini 进行图片对话。",
		"• `/imagine prompt:<text>`：生成图片并创建一个子区。在子区里直接写出要改的地方（“把盘子改成金色”），附上照片就能使用它们。",
		"• 选项：`image`、`image2`、`image3`（作为起点的照片）、`aspect`（1:1、16:9……）、`output`（仅图片，或图片和文字）、`size`（512、1K、2K、4K，视模型支持情况而定）。",
		"• 在与我的私信中，整个私信就是一段对话。",
		"• `/background image:<photo> prompt:<scene>`：为产品照片换上新背景，产品逐像素保持不变（`mask`、`mask_image`、`dilation`、`count`、`keep_product`）。",
		"• Gemini 生成的每张图片都带有 Google 的不可见 SynthID 水印。",
	].join("\n"),
} satisfies Catalogue["messages"];
