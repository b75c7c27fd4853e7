// src/discord/i18n/ja/refusals.ts: 入力・ポリシー・セーフティで断るときの文面（日本語）。
import type { PresetReason } from "../../../moderation/settings.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { roleMention, unixSecondsOf, userMention, withoutFinalStop } from "../markup.js";

const f = formattersFor("ja");

export const NOT_KEPT = "このターンは会話に追加されていないので、スレッドは直前の画像から続きます。";

export const userInputMessages = {
	tooManyImages: ({ max, got }) =>
		`画像が ${f.number(got)} 枚添付されていますが、このモデルが 1 ターンで受け付けるのは ${f.number(max)} 枚までです。枚数を減らしてもう一度お試しください。`,
	imageTooLarge: ({ name, maxMb }) =>
		`\`${name}\` は ${f.number(maxMb)} MB を超えています。もっと小さい画像を送ってください。`,
	notAnImage: ({ name }) =>
		`\`${name}\` は読み込める画像ではありません。PNG、JPEG、WebP、GIF、HEIC、AVIF のいずれかを送ってください。`,
	imageUnreadable: ({ name }) =>
		`\`${name}\` は画像のようですが、壊れているか大きすぎて読み込めません。書き出し直してからお試しください。`,
	imageDownloadFailed: ({ name }) =>
		`\`${name}\` を Discord からダウンロードできませんでした。もう一度添付してください。`,
	imageDownloadTimeout: ({ name, seconds }) =>
		`\`${name}\` のダウンロードに ${f.duration(seconds, "second")}以上かかりました。もう一度試すか、小さいファイルを送ってください。`,
	promptEmpty: () => "プロンプトが空です。何を作るか、何を変えるかを書いてください。",
	promptTooLong: ({ max, got }) =>
		`プロンプトが ${f.number(got)} 文字あります。上限は ${f.number(max)} 文字なので、短くしてもう一度お試しください。`,
	sizeUnsupported: ({ size, model, sizes }) =>
		sizes.length > 0
			? `${model} では ${size} の画像は作れません。使えるサイズは ${f.list(sizes, "and")} です。`
			: `${model} ではサイズを指定できません。\`size\` を外してください。`,
	aspectUnsupported: ({ aspect, model }) => `${model} はアスペクト比 ${aspect} に対応していません。`,
	imagePixels: ({ name, width, height, minEdge, maxEdge, maxMegapixels }) =>
		`\`${name}\` は ${f.plain(width)}×${f.plain(height)} px です。/background で使える写真は一辺 ${f.plain(minEdge)}～${f.plain(maxEdge)} px、最大 ${f.number(maxMegapixels)} メガピクセルです（結果は写真と同じサイズになります）。サイズを変えてもう一度お試しください。`,
	maskAspect: ({ imageWidth, imageHeight, maskWidth, maskHeight }) =>
		`マスクは ${f.plain(maskWidth)}×${f.plain(maskHeight)} px ですが、写真は ${f.plain(imageWidth)}×${f.plain(imageHeight)} px です。マスクは写真と同じ形にしてください（アスペクト比が同じならサイズは問いません）。白 = 残す、黒 = 置き換える、です。`,
	maskUniform: ({ keepsAll }) =>
		keepsAll
			? "マスクが真っ白なので、すべてが残って何も変わりません。置き換えたい部分を黒く塗ってください。"
			: "マスクが真っ黒なので、写真が何も残りません。残したい部分を白く塗ってください。",
	maskExpired: () =>
		"このマスクのプレビューは期限切れか、すでに使われています（プレビューの有効期間は 1 時間です）。もう一度 /background を実行してください。",
	optionOutOfRange: ({ option, min, max, got }) =>
		`\`${option}\` は ${f.number(min)}～${f.number(max)} の範囲で指定してください（指定された値: ${f.number(got)}）。`,
} satisfies Catalogue["userInputMessages"];

const resetTime = (iso: string) => `${f.timestamp(unixSecondsOf(iso), "R")}に補充されます（毎日 00:00 UTC にリセット）`;

export const policyMessages = {
	deniedRole: ({ roleId }) =>
		`このサーバーのモデレーターは、${roleMention(roleId)} ロールに画像ボットの利用を許可していません。`,
	notAllowedRole: ({ allowedRoles }) =>
		`このサーバーで画像ボットを使えるのは、${f.list(allowedRoles.map(roleMention), "or")} を持つメンバーだけです。`,
	threadStarterOnly: ({ starterId }) =>
		`このサーバーでは、スレッドにターンを追加できるのはスレッドを始めたメンバー（${userMention(starterId)}）だけです。/imagine で自分のスレッドを始めてください。`,
	blocklisted: ({ matched, reason, presetReason }) => {
		const why = blocklistReason({ reason, presetReason });
		return `プロンプトに「${matched}」が含まれています。この言葉はこのサーバーのモデレーターが禁止しています${why ? `（${withoutFinalStop(why)}）` : ""}。Gemini には何も送っていません。`;
	},
	cooldown: ({ secondsLeft, cooldownSeconds }) =>
		`少し待ってください。このサーバーでは ${f.duration(cooldownSeconds, "second")}に 1 ターンまでです。${f.duration(secondsLeft, "second")}後にもう一度お試しください。`,
	memberQuota: ({ limit, resetsAt }) => `今日の画像 ${f.number(limit)} 枚をすべて使いました。${resetTime(resetsAt)}。`,
	serverQuota: ({ limit, resetsAt }) =>
		`このサーバーは今日の画像 ${f.number(limit)} 枚をすべて使いました。${resetTime(resetsAt)}。`,
} satisfies Catalogue["policyMessages"];

const PRESET_REASON_TEXT: Record<PresetReason, string> = {
	sexualContent: "このサーバーでは性的なコンテンツは禁止されています。",
	graphicViolence: "このサーバーでは過激な暴力表現は禁止されています。",
};

export const blocklistReason: Catalogue["blocklistReason"] = (entry) =>
	entry.reason ?? (entry.presetReason ? PRESET_REASON_TEXT[entry.presetReason] : undefined);

export const CATEGORY_LABELS = {
	prohibited: "禁止コンテンツ（子どもの安全）",
	sexual: "性的なコンテンツ",
	dangerous: "危険なコンテンツ",
	hate: "ヘイト",
	harassment: "嫌がらせ",
	celebrity: "実在の有名人の写実的な描写",
	people: "人物や顔（このリクエストの設定では許可されていません）",
	child: "子ども（このリクエストの設定では許可されていません）",
	civic: "市民の公正性（選挙など）",
	other: "Google が明示しない安全上の問題",
} satisfies Catalogue["CATEGORY_LABELS"];

const BLOCK_DETAILS: Record<string, string> = {
	BLOCKLIST: "Google のブロックリストにある語句が含まれています",
	SPII: "機密性の高い個人情報が含まれている可能性があります",
	RECITATION: "結果が、再現できない既存の素材に近すぎました",
	IMAGE_RECITATION: "画像が、再現できない既存の素材に近すぎました",
	PROHIBITED_CONTENT: "禁止されているコンテンツに関わる可能性があります",
	IMAGE_PROHIBITED_CONTENT: "画像が禁止されているコンテンツに関わる可能性があります",
};

export const blockedMessage: Catalogue["blockedMessage"] = (stage, reason, category) => {
	const because = category ? `「${CATEGORY_LABELS[category]}」に当たるため、` : "";
	const detail = BLOCK_DETAILS[reason] ? `（${BLOCK_DETAILS[reason]}）` : "";
	const head =
		stage === "prompt"
			? `🚫 ${because}Gemini のセーフティフィルターがこのプロンプトをブロックしました${detail}。`
			: `🚫 Gemini は結果を作りましたが、${because}セーフティフィルターが表示を止めました${detail}。`;
	return `${head}依頼の言い方を変えてもう一度お試しください。${NOT_KEPT}`;
};

export const failureMessages = {
	NO_IMAGE: `Gemini は画像を作らずに終了しました。もう一度試すか、画像をもっと具体的に説明してください。${NOT_KEPT}`,
	IMAGE_OTHER: `Gemini はこの画像を作れませんでした（理由は示されていません）。もう一度試すか、言い方を変えてください。${NOT_KEPT}`,
	MAX_TOKENS: `Gemini は画像を作る前に出力の上限に達しました。1 ターンで頼む内容を減らしてください。${NOT_KEPT}`,
	OTHER: `Gemini は理由を示さずに、画像なしで止まりました。もう一度お試しください。${NOT_KEPT}`,
	EMPTY: `Gemini から何も返ってきませんでした。少ししてからもう一度お試しください。${NOT_KEPT}`,
} satisfies Catalogue["failureMessages"];
