// src/discord/i18n/zh-CN/commands.ts: 命令和选项的说明，以及可选项的名称（简体中文）。
import { DEFAULT_JOB, MAX_RESULTS } from "../../../background/types.js";
import type { Catalogue } from "../catalogue.js";
import { settingKeyChoices } from "../commandTexts.js";
import { settingsMessages } from "./moderation.js";

const scope = "server 或 channel（频道的值优先）；默认：除非你选了频道，否则为 server";
const scopeChannel = "scope:channel 时要设置的频道（默认：当前频道；子区指其所属频道）";
const image = "作为起点或要使用的图片";

export const commands = {
	imagine: {
		description: "用 Gemini 生成或编辑图片；子区就是这段对话",
		options: {
			prompt: "要生成或修改的内容",
			image,
			image2: image,
			image3: image,
			aspect: "宽高比（默认：正方形，或与输入图片相同）",
			output: "仅图片，或图片和文字（默认）",
			size: "图片尺寸（模型支持时）",
		},
		choices: { output: { image: "仅图片", image_and_text: "图片和文字" } },
	},
	background: {
		description: "为产品照片换上新背景；产品逐像素保持不变",
		options: {
			image: "产品照片（最大 10 MB）",
			prompt: "新背景，例如：大理石台面、柔和的晨光",
			mask: "要替换的部分：背景（默认）、前景，或除人物外的一切",
			mask_image: "你自己的蒙版：白色 = 保留，黑色 = 替换（最大 10 MB）",
			dilation: "按宽度的这个比例扩大替换区域（0 到 1，默认 0）",
			count: `结果数量（1 到 ${MAX_RESULTS}，默认 ${DEFAULT_JOB.count}）`,
			keep_product: "false：不把原始产品合成回去（用于艺术化编辑）",
		},
		choices: { mask: { background: "背景", foreground: "前景", people: "除人物外的一切" } },
	},
	undo: { description: "从本子区的图片对话中撤销上一轮" },
	forget: { description: "清除本子区的图片对话历史" },
	settings: {
		description: "查看或更改图片机器人在这里的行为（管理服务器）",
		options: {
			view: "此频道实际生效的设置，以及每个值的来源",
			"view channel": "显示其他频道的设置（子区显示其所属频道的设置）",
			set: "为服务器或某个频道更改一项设置",
			"set key": "设置项",
			"set value": "新值（身份组或频道请直接提及）",
			"set scope": scope,
			"set channel": scopeChannel,
			reset: "移除此范围内某个设置的值，使其重新继承",
			"reset key": "设置项",
			"reset scope": scope,
			"reset channel": scopeChannel,
			blocklist: "在调用模型之前拒绝的词语或 /模式/",
			"blocklist add": "拒绝包含某个词语、短语或 /regex/ 的提示词",
			"blocklist add pattern": "词语或短语（整词匹配，不区分大小写），或 /regex/",
			"blocklist add reason": "向提示词被拒绝的成员显示",
			"blocklist add scope": scope,
			"blocklist add channel": scopeChannel,
			"blocklist remove": "从屏蔽词列表中移除一个词语或 /regex/",
			"blocklist remove pattern": "添加时的原样条目",
			"blocklist remove scope": scope,
			"blocklist remove channel": scopeChannel,
		},
		choices: {
			key: settingKeyChoices(settingsMessages.hint),
			// Messages quote these values (`scope:server`), so they stay as typed.
			scope: { server: "server", channel: "channel" },
		},
	},
	usage: { description: "你今天的图片数、你和服务器剩余的配额，以及重置时间" },
	help: { description: "如何用这个机器人生成和编辑图片" },
	"Edit image": { name: "编辑图片" },
} satisfies Catalogue["commands"];
