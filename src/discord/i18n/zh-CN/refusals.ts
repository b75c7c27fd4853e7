// src/discord/i18n/zh-CN/refusals.ts: 拒绝输入、按策略拒绝和安全拦截时的文案（简体中文）。
import type { PresetReason } from "../../../moderation/settings.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { roleMention, unixSecondsOf, userMention, withoutFinalStop } from "../markup.js";

const f = formattersFor("zh-CN");

export const NOT_KEPT = "这一轮没有加入对话，子区会从上一张图片继续。";

export const userInputMessages = {
	tooManyImages: ({ max, got }) =>
		`你附加了 ${f.number(got)} 张图片，但这个模型每轮最多只接受 ${f.number(max)} 张。请减少图片后重试。`,
	imageTooLarge: ({ name, maxMb }) => `\`${name}\` 超过了 ${f.number(maxMb)} MB，请发送更小的图片。`,
	notAnImage: ({ name }) => `\`${name}\` 不是我能读取的图片。请发送 PNG、JPEG、WebP、GIF、HEIC 或 AVIF 文件。`,
	imageUnreadable: ({ name }) => `\`${name}\` 看起来是图片，但已损坏或太大，无法解码。请重新导出后再试。`,
	imageDownloadFailed: ({ name }) => `无法从 Discord 下载 \`${name}\`，请重新附加。`,
	imageDownloadTimeout: ({ name, seconds }) =>
		`下载 \`${name}\` 用了超过 ${f.duration(seconds, "second")}。请重试，或发送更小的文件。`,
	promptEmpty: () => "提示词是空的：请告诉我要生成或修改什么。",
	promptTooLong: ({ max, got }) => `你的提示词有 ${f.number(got)} 个字符，上限是 ${f.number(max)} 个。请缩短后重试。`,
	sizeUnsupported: ({ size, model, sizes }) =>
		sizes.length > 0
			? `${model} 无法生成 ${size} 的图片，可用的尺寸有 ${f.list(sizes, "and")}。`
			: `${model} 不支持尺寸选项，请去掉 \`size\`。`,
	aspectUnsupported: ({ aspect, model }) => `${model} 不支持 ${aspect} 的宽高比。`,
	imagePixels: ({ name, width, height, minEdge, maxEdge, maxMegapixels }) =>
		`\`${name}\` 的尺寸是 ${f.plain(width)}×${f.plain(height)} px；/background 接受每边 ${f.plain(minEdge)}～${f.plain(maxEdge)} px、最多 ${f.number(maxMegapixels)} 百万像素的照片（结果与照片尺寸相同）。请调整尺寸后重试。`,
	maskAspect: ({ imageWidth, imageHeight, maskWidth, maskHeight }) =>
		`蒙版是 ${f.plain(maskWidth)}×${f.plain(maskHeight)} px，而照片是 ${f.plain(imageWidth)}×${f.plain(imageHeight)} px：蒙版必须与照片形状相同（宽高比相同即可，尺寸不限）。白色 = 保留，黑色 = 替换。`,
	maskUniform: ({ keepsAll }) =>
		keepsAll
			? "蒙版全是白色，会保留所有内容，什么都不会改变。请把要替换的部分涂成黑色。"
			: "蒙版全是黑色，照片的任何部分都不会保留。请把要保留的部分涂成白色。",
	maskExpired: () => "这个蒙版预览已过期或已被使用（预览的有效期为一小时）。请重新运行 /background。",
	optionOutOfRange: ({ option, min, max, got }) =>
		`\`${option}\` 必须在 ${f.number(min)} 到 ${f.number(max)} 之间，你填写的是 ${f.number(got)}。`,
} satisfies Catalogue["userInputMessages"];

const resetTime = (iso: string) => `${f.timestamp(unixSecondsOf(iso), "R")}会恢复（配额每天 00:00 UTC 重置）`;

export const policyMessages = {
	deniedRole: ({ roleId }) => `本服务器的管理员不允许 ${roleMention(roleId)} 身份组使用图片机器人。`,
	notAllowedRole: ({ allowedRoles }) =>
		`在这里，只有拥有 ${f.list(allowedRoles.map(roleMention), "or")} 身份组的成员才能使用图片机器人。`,
	threadStarterOnly: ({ starterId }) =>
		`在本服务器中，只有创建子区的成员（${userMention(starterId)}）才能为它添加新的一轮。请用 /imagine 创建你自己的子区。`,
	blocklisted: ({ matched, reason, presetReason }) => {
		const why = blocklistReason({ reason, presetReason });
		return `你的提示词包含“${matched}”，本服务器的管理员不允许使用这个词${why ? `（${withoutFinalStop(why)}）` : ""}。没有向 Gemini 发送任何内容。`;
	},
	cooldown: ({ secondsLeft, cooldownSeconds }) =>
		`慢一点：本服务器每${f.duration(cooldownSeconds, "second")}只允许一轮。请在${f.duration(secondsLeft, "second")}后重试。`,
	memberQuota: ({ limit, resetsAt }) => `你今天的 ${f.number(limit)} 张图片额度已用完，${resetTime(resetsAt)}。`,
	serverQuota: ({ limit, resetsAt }) => `本服务器今天的 ${f.number(limit)} 张图片额度已用完，${resetTime(resetsAt)}。`,
} satisfies Catalogue["policyMessages"];

const PRESET_REASON_TEXT: Record<PresetReason, string> = {
	sexualContent: "本服务器不允许色情内容。",
	graphicViolence: "本服务器不允许血腥暴力内容。",
};

export const blocklistReason: Catalogue["blocklistReason"] = (entry) =>
	entry.reason ?? (entry.presetReason ? PRESET_REASON_TEXT[entry.presetReason] : undefined);

export const CATEGORY_LABELS = {
	prohibited: "违禁内容（儿童安全）",
	sexual: "色情内容",
	dangerous: "危险内容",
	hate: "仇恨言论",
	harassment: "骚扰",
	celebrity: "以写实方式描绘真实的名人",
	people: "人物或人脸（本次请求的设置不允许）",
	child: "儿童（本次请求的设置不允许）",
	civic: "公民诚信（如选举）",
	other: "Google 未说明的安全问题",
} satisfies Catalogue["CATEGORY_LABELS"];

const BLOCK_DETAILS: Record<string, string> = {
	BLOCKLIST: "包含 Google 屏蔽列表中的词语",
	SPII: "可能包含敏感的个人信息",
	RECITATION: "结果与不可复制的现有素材过于相似",
	IMAGE_RECITATION: "图片与不可复制的现有素材过于相似",
	PROHIBITED_CONTENT: "可能涉及违禁内容",
	IMAGE_PROHIBITED_CONTENT: "图片可能涉及违禁内容",
};

export const blockedMessage: Catalogue["blockedMessage"] = (stage, reason, category) => {
	const because = category ? `，因为它涉及${CATEGORY_LABELS[category]}` : "";
	const detail = BLOCK_DETAILS[reason] ? `（${BLOCK_DETAILS[reason]}）` : "";
	const head =
		stage === "prompt"
			? `🚫 Gemini 的安全过滤器拦截了这个提示词${because}${detail}。`
			: `🚫 Gemini 生成了结果，但安全过滤器没有放行${because}${detail}。`;
	return `${head}请换个说法后重试。${NOT_KEPT}`;
};

export const failureMessages = {
	NO_IMAGE: `Gemini 已结束，但没有生成图片。请重试，或把图片描述得更具体些。${NOT_KEPT}`,
	IMAGE_OTHER: `Gemini 无法生成这张图片（没有给出进一步的原因）。请重试或换个说法。${NOT_KEPT}`,
	MAX_TOKENS: `Gemini 还没生成图片就用完了输出空间。请在一轮里少提一些要求。${NOT_KEPT}`,
	OTHER: `Gemini 因未说明的原因停止，没有生成图片。请重试。${NOT_KEPT}`,
	EMPTY: `Gemini 没有返回任何内容。请稍后重试。${NOT_KEPT}`,
} satisfies Catalogue["failureMessages"];
