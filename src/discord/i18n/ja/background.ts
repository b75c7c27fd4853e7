// src/discord/i18n/ja/background.ts: /background のマスク確認・結果ごとの報告・情報カードの行（日本語）。
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { userMention } from "../markup.js";

const f = formattersFor("ja");
const result = (index: number) => `結果 ${f.number(index)}`;
const because = (category?: string) => (category ? `「${category}」に当たるため、` : "");

const sources: Record<string, string> = {
	user: "あなたのマスク",
	alpha: "写真の透明部分",
	classical: "ローカルで計算（背景色モデルと GrabCut）",
	gemini: "Gemini で計算（単色の背景に置いてキーイング）",
};

export const backgroundMessages = {
	sources,
	doubts: {
		coverage: "写真のうち残す部分が少なすぎるか多すぎる",
		parts: "はっきりした対象がないか、ばらばらの部分が多い",
		border: "写真の端に沿っている",
		disagreement: "商品を見つける 2 つの方法の結果が食い違っている",
		segmenterFailed: "商品を見つける最初の方法が失敗した",
	},
	preview: (userId, source, doubts) =>
		`${userMention(userId)} さん、このマスクには自信がありません（${f.list(doubts, "and")}）。色が付いた部分が置き換わり、それ以外はピクセル単位でそのまま残ります。マスク: ${source}。このまま使うか、キャンセルして自分の \`mask_image\` を添付してください（白 = 残す、黒 = 置き換える）。まだ何も生成・カウントしていません。`,
	previewNotYours: "このマスクを確定またはキャンセルできるのは、/background を実行したメンバーだけです。",
	previewExpired:
		"このマスクのプレビューは期限切れです（有効期間は 1 時間）。もう一度 /background を実行してください。",
	previewCancelled: "キャンセルしました。何も生成・カウントしていません。",
	heading: (userId, title) => `🖼️ ${userMention(userId)}: ${title}`,
	verified: (count, source) =>
		`-# ✅ ${count === 1 ? "この結果" : `${f.number(count)} 件すべての結果`}で、商品のピクセルが元の写真と同一であることを確認しました · マスク: ${source}`,
	notComposited: (source) =>
		`-# 🎨 keep_product:false: モデルが作った画像をそのまま表示しています。合成はしていません（マスク: ${source}）。`,
	resultBlocked: (index, stage, category) =>
		stage === "prompt"
			? `🚫 ${result(index)}: ${because(category)}Gemini のセーフティフィルターがリクエストをブロックしました。プロンプトの言い方を変えてもう一度お試しください。`
			: `🚫 ${result(index)}: Gemini は画像を作りましたが、${because(category)}セーフティフィルターが表示を止めました。投稿もカウントもしていません。`,
	resultRefused: (index, text) =>
		`${result(index)}: Gemini は画像ではなくテキストで答えました:「${text.length > 300 ? `${text.slice(0, 300)}…` : text}」`,
	resultFailed: (index) => `${result(index)}: Gemini は画像を作らずに終了しました。カウントはしていません。`,
	resultDrifted: (index, iou) =>
		`${result(index)}: モデルが商品を動かしたり形を変えたりしたため（元の位置に残ったのは ${f.percent(iou, 1)} だけで、2 回とも同じでした）、投稿しませんでした。もう一度試すか、商品の位置に合うシーンを説明してください。`,
	resultTooLarge: (index, mb) =>
		`${result(index)}: 可逆圧縮の PNG にすると ${f.decimal(mb, 1)} MB になり、Discord の 1 ファイル 10 MB の上限を超えます。再エンコードすると商品が変わってしまうので、もっと小さい写真を送ってください。`,
	infoLine: (background) =>
		background.keepProduct
			? `**背景を置き換え:** マスク: ${sources[background.source] ?? background.source}、${background.verified ? "商品のピクセルが元の画像と同一であることを確認済み" : "商品のピクセルは未確認"}`
			: `**背景を置き換え:** マスク: ${sources[background.source] ?? background.source}、keep_product:false のため合成なし`,
} satisfies Catalogue["backgroundMessages"];
