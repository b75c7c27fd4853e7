// src/discord/i18n/zh-CN/background.ts: /background 的蒙版预览、每个结果的说明和详情卡片中的一行（简体中文）。
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { userMention } from "../markup.js";

const f = formattersFor("zh-CN");
const result = (index: number) => `结果 ${f.number(index)}`;
const because = (category?: string) => (category ? `，因为它涉及${category}` : "");

const sources: Record<string, string> = {
	user: "你的蒙版",
	alpha: "照片的透明通道",
	classical: "本地计算（背景颜色模型和 GrabCut）",
	gemini: "用 Gemini 计算（在纯色背景上抠图）",
};

export const backgroundMessages = {
	sources,
	doubts: {
		coverage: "保留的照片部分太少或太多",
		parts: "没有明确的主体，或分成了很多块",
		border: "沿着照片的边缘分布",
		disagreement: "两种识别产品的方法结果不一致",
		segmenterFailed: "第一种识别产品的方法失败了",
	},
	preview: (userId, source, doubts) =>
		`${userMention(userId)}，我对这个蒙版没有把握（${f.list(doubts, "and")}）。着色区域会被替换，其余部分逐像素保持不变。蒙版：${source}。你可以使用它，或者取消并附上你自己的 \`mask_image\`（白色 = 保留，黑色 = 替换）。目前还没有生成或计数任何内容。`,
	previewNotYours: "只有运行 /background 的成员才能确认或取消这个蒙版。",
	previewExpired: "这个蒙版预览已过期（有效期为一小时）。请重新运行 /background。",
	previewCancelled: "已取消：没有生成或计数任何内容。",
	heading: (userId, title) => `🖼️ ${userMention(userId)}: ${title}`,
	verified: (count, source) =>
		`-# ✅ 已验证${count === 1 ? "此结果" : `全部 ${f.number(count)} 个结果`}中的产品像素与你的照片完全相同 · 蒙版：${source}`,
	notComposited: (source) => `-# 🎨 keep_product:false：这是模型生成的原图，未经合成（蒙版：${source}）。`,
	resultBlocked: (index, stage, category) =>
		stage === "prompt"
			? `🚫 ${result(index)}：Gemini 的安全过滤器拦截了这个请求${because(category)}。请换个说法后重试。`
			: `🚫 ${result(index)}：Gemini 生成了图片，但安全过滤器没有放行${because(category)}；它不会被发布，也不计数。`,
	resultRefused: (index, text) =>
		`${result(index)}：Gemini 用文字而不是图片作答：“${text.length > 300 ? `${text.slice(0, 300)}…` : text}”`,
	resultFailed: (index) => `${result(index)}：Gemini 已结束，但没有生成图片；不计数。`,
	resultDrifted: (index, iou) =>
		`${result(index)}：模型移动了产品或改变了它的形状（两次都只有 ${f.percent(iou, 1)} 留在原位），所以我没有发布。请重试，或描述一个适合产品位置的场景。`,
	resultTooLarge: (index, mb) =>
		`${result(index)}：保存为无损 PNG 时有 ${f.decimal(mb, 1)} MB，超过了 Discord 每个文件 10 MB 的上限，而重新编码会改变产品。请发送更小的照片。`,
	infoLine: (background) =>
		background.keepProduct
			? `**已替换背景：** 蒙版：${sources[background.source] ?? background.source}；${background.verified ? "产品像素已验证与原图完全相同" : "产品像素未验证"}`
			: `**已替换背景：** 蒙版：${sources[background.source] ?? background.source}；keep_product:false，未合成`,
} satisfies Catalogue["backgroundMessages"];
