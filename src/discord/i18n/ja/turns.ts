// src/discord/i18n/ja/turns.ts: ターンの進行・結果・ボタン・モーダルの文面（日本語）。
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { backgroundMessages } from "./background.js";
import { NOT_KEPT } from "./refusals.js";

const f = formattersFor("ja");
const at = (retryAtMs: number) => f.timestamp(Math.ceil(retryAtMs / 1_000), "R");
const version = (number: number) => `v${f.plain(number)}`;

export const labels = {
	reroll: "再生成",
	undo: "元に戻す",
	edit: "編集",
	info: "情報",
	delete: "削除",
	cancel: "キャンセル",
	useMask: "このマスクを使う",
	reportMistake: "誤判定を報告",
	deleteOutput: "出力を削除",
	lockThread: "スレッドをロック",
	timeoutMember: (minutes) => `メンバーをタイムアウト（${f.duration(minutes, "minute")}）`,
	clearHistory: "履歴を消去",
	keepHistory: "残す",
	editImageTitle: "画像を編集",
	editThisImageTitle: "この画像を編集",
	instructionLabel: "何を変えますか？",
	instructionPlaceholder: "車を黄色にして",
	untitledThread: "画像の会話",
} satisfies Catalogue["labels"];

export const auditReasons = {
	imagine: "/imagine",
	background: "/background",
	editImage: "画像を編集",
	branch: "画像の会話からの分岐",
} satisfies Catalogue["auditReasons"];

/** Discord の日本語 UI での権限名。 */
export const TURN_PERMISSION_NAMES =
	"「メッセージを送信」「ファイルを添付」「公開スレッドの作成」「スレッドでメッセージを送信」";

export const messages = {
	refusedHint: `画像は作られませんでした。画像がほしいときは「〜の画像を生成して」のように、はっきり頼んでください。${NOT_KEPT}`,
	truncated: "⚠️ Gemini が出力の上限に達したため、この回答は途中で切れているかもしれません。",
	imagesDropped: (kept) =>
		`ℹ️ このスレッドは、モデルが一度に見られる長さを超えました。古い画像から順に参照されなくなっています（テキストはすべて読み、画像は最大 ${f.number(kept)} 枚まで参照します）。`,
	firstFrameOnly: (names) =>
		`ℹ️ ${f.list(names.map(inlineCode), "and")} はアニメーション画像なので、最初のフレームを使いました。`,
	progressThinking: (summary) => `-# 💭 考え中: ${summary}`,
	progressDraft: (draft) => `-# 🖌️ 下書き ${f.number(draft)}: 途中でモデルが描いたスケッチで、完成画像ではありません。`,
	progressWorking: (seconds) => `⏳ 作業中… ${f.duration(seconds, "second")}`,
	progressQuotaWait: (retryAt) =>
		`⏳ Gemini の利用枠が一時的に上限に達しています。このターンは順番を保ったまま、${at(retryAt)}に再試行します。`,
	progressGlobalCap: (position) =>
		`⏳ Gemini の空きを待っています（このボットは全サーバーで上限を共有しています）。現在 ${f.number(position)} 番目で、前のターンが終わりしだい始まります。`,
	progressGlobalRate: (retryAt) =>
		`⏳ このボットがこの 1 分間に使える Gemini リクエストを使い切りました。このターンは順番を保ったまま、${at(retryAt)}に始まります。`,
	progressRetry: (retryAt) => `⏳ Gemini から正常な応答がありませんでした。${at(retryAt)}に再試行します。`,
	queued: (userId, position) =>
		`⏳ ${userMention(userId)} さん、このスレッドでのあなたのターンは ${f.number(position)} 番目です。前のターンが終わりしだい始まります。`,
	cancelled: "キャンセルしました。そのターンは止まり、会話には何も追加されていません。",
	notQueuedAnymore: "そのターンはもう待機中でも実行中でもありません（完了したか、ボットが再起動しました）。",
	cancelNotYours: "このターンをキャンセルできるのは、依頼したメンバーだけです。",
	uploadedVersions: (versions) => `-# アップロードされた画像は ${f.list(versions.map(version), "and")} です。`,
	staleButton: (latestVersions) =>
		`この結果はもうこのスレッドの最新のターンではないため${latestVersions ? `（最新は ${latestVersions}）` : ""}、「${labels.reroll}」「${labels.undo}」「${labels.edit}」は使えません。この結果に戻るには、そのメッセージに返信してください。そこから新しいスレッドに分岐します。「${labels.info}」と「${labels.delete}」は引き続き使えます。`,
	resultCard: (card) =>
		[
			`**結果${card.versions ? ` ${card.versions}` : "（画像なし）"}** · ターン ${f.number(card.turn)}`,
			`**プロンプト:** ${card.prompt || "（画像のみ）"}`,
			`**モデル:** \`${card.model}\`（${card.modelLabel}）`,
			`**元にした画像:** ${card.parent !== undefined ? version(card.parent) : "なし（新しい画像）"}${card.inputs.length > 0 ? `、入力 ${f.list(card.inputs, "and")}` : ""}`,
			...(card.branchOf ? [`**分岐元:** ${channelMention(card.branchOf)}`] : []),
			`**依頼者:** ${userMention(card.requesterId)}、${f.timestamp(card.at, "f")}`,
			`**所要時間:** ${f.duration(card.seconds, "second", 1)}`,
			card.tokens
				? `**トークン:** 入力 ${f.number(card.tokens.in)}、出力 ${f.number(card.tokens.out)}、推定コスト ${f.usd(card.usd, 3)}`
				: `**推定コスト:** ${f.usd(card.usd, 3)}`,
			...(card.background ? [backgroundMessages.infoLine(card.background)] : []),
			"-# Gemini が作る画像にはすべて、Google による目に見えない SynthID の透かしが入っています。",
		].join("\n"),
	notInHistory: "その結果はもうこのスレッドの会話にありません（元に戻されたか、再生成されたか、消去されました）。",
	undone: (userId, removed, current) =>
		`↩️ ${userMention(userId)} が直前のターンを取り消しました${removed ? `（${removed}）` : ""}。${current ? `会話は ${current} から続きます。` : "会話は最初の状態に戻りました。"}`,
	nothingToUndo: "このスレッドには元に戻せるものがありません。",
	deleteNotAllowed: "この結果を削除できるのは、依頼したメンバーか「メッセージの管理」権限を持つ人だけです。",
	deleted: `削除しました。会話の履歴は変わっていません。ターンを履歴から外すには「${labels.undo}」を使ってください。`,
	forgetConfirm: "このスレッドの画像の会話をすべて消去しますか？メッセージは残りますが、ボットは内容を忘れます。",
	forgotten: (userId) =>
		`🧹 ${userMention(userId)} がこのスレッドの履歴を消去しました。次のメッセージから新しく始まります。`,
	forgetKept: "履歴はそのまま残しました。",
	historyCleared: "履歴を消去しました。",
	editNoImages: "そのメッセージには編集できる画像がありません。",
	editStarted: (threadId) => `🧵 ${channelMention(threadId)} で編集しています。`,
	edited: (userId, instruction) => `✏️ ${userMention(userId)}: ${instruction}`,
	branched: (threadId, from) => `⑂ ${from ? `${from} から` : ""}${channelMention(threadId)} に分岐しました。`,
	branchedFrom: (threadId, from) => `⑂ ${channelMention(threadId)}${from ? ` の ${from}` : ""} から分岐しました。`,
	notAConversation:
		"ここはボットの画像スレッドではありません。テキストチャンネルで /imagine を使って会話を始めてください。",
	threadStarted: (threadId) =>
		`🧵 ${channelMention(threadId)} で作業中です。続けて編集するには、そこで返信してください。`,
	turnAcknowledged: "🎨 取りかかります。",
	geminiQuota: (seconds) =>
		`⏳ このボットの Gemini 利用枠が今は上限に達しています。${seconds ? `約 ${f.duration(seconds, "second")}後にもう一度お試しください。` : "1 分ほどしてからもう一度お試しください。"}`,
	geminiQuotaExhausted: (retryAfterSeconds) =>
		`⏳ このボットの Gemini 利用枠を使い切りました。${retryAfterSeconds ? `約 ${f.wait(retryAfterSeconds)}後にまた受け付けられるようになります。` : "しばらくしてからもう一度お試しください。"}${NOT_KEPT}`,
	geminiUnavailable:
		"Gemini が混み合っているか、今は利用できません（再試行済み）。1 分ほどしてからもう一度お試しください。",
	geminiTimeout:
		"Gemini の応答に時間がかかりすぎました（再試行済み）。依頼を簡単にするなどして、もう一度お試しください。",
	geminiDeadline: (seconds) =>
		`⌛ Gemini が時間内に応答しませんでした（再試行を含めて ${f.wait(seconds)}待ちました）。依頼を簡単にするなどして、もう一度お試しください。${NOT_KEPT}`,
	turnInterrupted: `⚠️ ボットが再起動するため、このターンは完了する前に止まりました。1 分ほどしてからもう一度送ってください。${NOT_KEPT}`,
	aboutYourMessage: (text, url) => `${text}\n-# あなたのメッセージについて: ${url}`,
	restarting: "ボットは今再起動中のため、新しいターンを受け付けていません。1 分ほどしてからもう一度送ってください。",
	storeUnavailable:
		"ボットのストレージに今つながらない（停止中か再起動中）ため、このターンを受け付けられません。何も失われていないので、1 分ほどしてからもう一度送ってください。",
	interruptedByCrash: (userId) =>
		`⚠️ ${userMention(userId)} さん、ここでの直前のターンを処理している間にボットが止まったため、そのターンは完了していません。会話はそのターンの前のままなので、もう一度送ってください。`,
	geminiRejected: (ref) =>
		`Gemini がこのリクエストを無効として拒否しました。何度も起きる場合は、ボットの運営者に伝えてください（参照番号 \`${ref}\`）。`,
	geminiAuth: (ref) =>
		`ボットの Gemini API キーが拒否されました。ボットの運営者に伝えてください（参照番号 \`${ref}\`）。`,
	geminiModelMissing: (model) =>
		`モデル \`${model}\` は利用できません。GEMINI_MODEL を確認するよう、ボットの運営者に伝えてください。`,
	missingPermissions: (what) => `ここで必要な権限が足りません: ${what}。モデレーターに付与を頼んでください。`,
	unexpected: (ref) =>
		`ボット側で問題が起きました。もう一度お試しください。何度も起きる場合は、ボットの運営者に伝えてください（参照番号 \`${ref}\`）。`,
	notInConversation: "このコマンドは、テキストチャンネル、ボットの画像スレッド、またはボットとの DM で使えます。",
	help: [
		"**Nano Banana threads**: Google Gemini と会話しながら画像を作るボットです。",
		"• `/imagine prompt:<text>`: 画像を作ってスレッドを始めます。そのスレッドでは、変えたいことを書くだけで OK です（「お皿を金色にして」など）。写真を添付すれば、それも使います。",
		"• オプション: `image`、`image2`、`image3`（元にする写真）、`aspect`（1:1、16:9、…）、`output`（画像のみ、または画像とテキスト）、`size`（モデルが対応していれば 512、1K、2K、4K）。",
		"• ボットとの DM では、DM 全体がひとつの会話になります。",
		"• `/background image:<photo> prompt:<scene>`: 商品写真の背景を作り替えます。商品はピクセル単位でそのまま残ります（`mask`、`mask_image`、`dilation`、`count`、`keep_product`）。",
		"• Gemini が作る画像にはすべて、Google による目に見えない SynthID の透かしが入っています。",
	].join("\n"),
} satisfies Catalogue["messages"];
