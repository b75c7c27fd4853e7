// src/discord/i18n/ja/commands.ts: コマンドとオプションの説明、選択肢の名前（日本語）。
import { DEFAULT_JOB, MAX_RESULTS } from "../../../background/types.js";
import type { Catalogue } from "../catalogue.js";
import { settingKeyChoices } from "../commandTexts.js";
import { settingsMessages } from "./moderation.js";

const scope = "server か channel（channel の値がサーバーの値より優先）。既定: チャンネルを選ばなければ server";
const scopeChannel = "scope:channel のときの対象チャンネル（既定: このチャンネル。スレッドなら親チャンネル）";
const image = "元にする、または使う画像";

export const commands = {
	imagine: {
		description: "Gemini で画像を作成・編集します。スレッドがそのまま会話になります",
		options: {
			prompt: "作りたいもの、または変えたいこと",
			image,
			image2: image,
			image3: image,
			aspect: "アスペクト比（既定: 正方形、または入力画像の比率）",
			output: "画像のみ、または画像とテキスト（既定）",
			size: "画像サイズ（モデルが対応している場合）",
		},
		choices: { output: { image: "画像のみ", image_and_text: "画像とテキスト" } },
	},
	background: {
		description: "商品写真の背景を作り替えます。商品はピクセル単位でそのまま残ります",
		options: {
			image: "商品の写真（最大 10 MB）",
			prompt: "新しい背景（例: 大理石のカウンター、やわらかな朝の光）",
			mask: "置き換える部分: 背景（既定）、前景、または人物以外のすべて",
			mask_image: "自分で用意したマスク: 白 = 残す、黒 = 置き換える（最大 10 MB）",
			dilation: "置き換える範囲を、幅に対するこの割合だけ広げます（0～1、既定 0）",
			count: `結果の数（1～${MAX_RESULTS}、既定 ${DEFAULT_JOB.count}）`,
			keep_product: "false: 元の商品を合成し直さない（アート寄りの編集向け）",
		},
		choices: { mask: { background: "背景", foreground: "前景", people: "人物以外のすべて" } },
	},
	undo: { description: "このスレッドの画像の会話から、直前のターンを取り消します" },
	forget: { description: "このスレッドの画像の会話の履歴を消去します" },
	settings: {
		description: "ここでの画像ボットの動作を表示・変更します（サーバー管理）",
		options: {
			view: "このチャンネルで実際に使われる設定と、各値の出どころ",
			"view channel": "別のチャンネルの設定を表示します（スレッドなら親チャンネルの設定）",
			set: "サーバー全体、または 1 つのチャンネルの設定を 1 つ変更します",
			"set key": "設定項目",
			"set value": "新しい値（ロールやチャンネルはメンションで指定）",
			"set scope": scope,
			"set channel": scopeChannel,
			reset: "このスコープでの値を外し、再び上位の値を引き継ぐようにします",
			"reset key": "設定項目",
			"reset scope": scope,
			"reset channel": scopeChannel,
			blocklist: "モデルを呼び出す前に拒否する単語や /パターン/",
			"blocklist add": "単語、フレーズ、/regex/ を含むプロンプトを拒否します",
			"blocklist add pattern": "単語やフレーズ（単語単位、大文字小文字は区別しない）、または /regex/",
			"blocklist add reason": "プロンプトを拒否されたメンバーに表示される理由",
			"blocklist add scope": scope,
			"blocklist add channel": scopeChannel,
			"blocklist remove": "単語や /regex/ をブロックリストから外します",
			"blocklist remove pattern": "追加したときのままの登録内容",
			"blocklist remove scope": scope,
			"blocklist remove channel": scopeChannel,
		},
		choices: {
			key: settingKeyChoices(settingsMessages.hint),
			// Messages quote these values (`scope:server`), so they stay as typed.
			scope: { server: "server", channel: "channel" },
		},
	},
	usage: { description: "今日の自分の画像数、自分とサーバーの残りの利用枠、リセットの時刻" },
	help: { description: "このボットで画像を作成・編集する方法" },
	"Edit image": { name: "画像を編集" },
} satisfies Catalogue["commands"];
