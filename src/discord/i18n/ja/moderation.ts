// src/discord/i18n/ja/moderation.ts: モデレーションログ、/settings、/usage の文面（日本語）。
import { MAX_PATTERN_LENGTH } from "../../../moderation/matchBlocklist.js";
import type { SettingKey } from "../../../moderation/validateSetting.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { settingLimits as limits } from "../settingLimits.js";

const f = formattersFor("ja");
const since = (at: number) => f.timestamp(at, "R");

export const modlogMessages = {
	what: {
		blockedPrompt: "ブロックされたプロンプト",
		blockedImage: "ブロックされた画像",
		refused: "モデルによる拒否",
		denied: "ポリシーによる拒否",
	},
	summary: {
		blockedPrompt: "Gemini のセーフティフィルターが、何かを作る前にプロンプトをブロックしました。",
		blockedImage:
			"Gemini は結果を作りましたが、セーフティフィルターが表示を止めました。この画像は保存も表示もされません。",
		refused: "Gemini は画像を作らず、テキストだけで答えました。",
		denied: "モデルを呼び出す前に、サーバーの設定がこのターンを拒否しました。",
	},
	caseTitle: (what) => `🛡️ ${what}`,
	appealTitle: (what) => `🚩 誤判定として報告: ${what}`,
	appealSummary: (userId) =>
		`${userMention(userId)} さんがこれを誤判定として報告し、モデレーターの確認を求めています。判断できるよう、プロンプトも載せています。`,
	field: {
		member: "メンバー",
		where: "場所",
		model: "モデル",
		reason: "理由",
		category: "カテゴリ",
		codes: "コード",
		prompt: "プロンプト",
		actions: "モデレーターの操作",
	},
	jumpLink: (url, channelId) => `[メッセージへ移動](${url})（${channelMention(channelId)}）`,
	categoryUnknown: "不明",
	categoryLabel: (label, category) => `${label}（\`${category}\`）`,
	noCodes: "なし",
	promptOmitted: "記載なし: このサーバーのログはプロンプトを含めない設定です（`modlog.includePrompts`）。",
	promptEmpty: "（テキストなし: このターンは画像のみでした）",
	footer: (caseId) => `ケース ${caseId}`,
	actionLine: {
		delete: (moderatorId, at) => `🗑️ ${since(at)}に ${userMention(moderatorId)} が出力を削除しました`,
		lock: (moderatorId, at) => `🔒 ${since(at)}に ${userMention(moderatorId)} がスレッドをロックしました`,
		timeout: (moderatorId, at, minutes) =>
			`⏳ ${since(at)}に ${userMention(moderatorId)} がメンバーを ${f.duration(minutes, "minute")}タイムアウトしました`,
	},
	permission: { delete: "メッセージの管理", lock: "スレッドの管理", timeout: "メンバーをタイムアウト" },
	auditReason: (caseId, username, userId) => `モデレーションログのケース ${caseId}、実行者 ${username}（${userId}）`,
	caseUnknown: "このケースはもう保存されていないため（ケースの保存期間は 30 日です）、報告も操作もできません。",
	appealNotYours: "誤判定として報告できるのは、この返答を受け取ったメンバーだけです。",
	alreadyReported: "これはすでに報告済みです。モデレーターに届いています。",
	noModlog:
		"このサーバーにはモデレーションログのチャンネルがないため、報告の送り先がありません。モデレーターに直接伝えてください。",
	modlogUnreachable:
		"このサーバーのモデレーションログのチャンネルに投稿できませんでした。モデレーターに直接伝えてください。",
	appealSent:
		"ありがとうございます。このケースをサーバーのモデレーターに送りました。判断できるよう、プロンプトも添えています。",
	actionNotAllowed: (permission) => `この操作には「${permission}」権限が必要ですが、あなたは持っていません。`,
	botLacks: (permission) =>
		`実行できませんでした。そこでボットに「${permission}」権限がありません。付与してからもう一度お試しください。`,
	outputDeleted: (count) => `出力を削除しました（メッセージ ${f.number(count)} 件）。`,
	outputAlreadyGone: "出力はすでに削除されています。",
	noOutput: "このケースには削除する出力がありません。何かが投稿される前にターンが拒否されました。",
	threadLocked: (threadId) => `${channelMention(threadId)} をロックしてアーカイブしました。`,
	notAThread: "このケースはスレッドで起きたものではないため、ロックするスレッドがありません。",
	threadGone: "そのスレッドはもう存在しません。",
	timedOut: (userId, minutes) => `${userMention(userId)} を ${f.duration(minutes, "minute")}タイムアウトしました。`,
	memberGone: "そのメンバーはもうこのサーバーにいません。",
} satisfies Catalogue["modlogMessages"];

const values = (list: readonly (string | number)[]) =>
	f.list(
		list.map((value) => (typeof value === "number" ? f.plain(value) : value)),
		"and",
	);
const oneOf = (list: readonly (string | number)[]) => `${values(list)} のいずれか`;

const SETTING_HINTS: Record<SettingKey, string> = {
	model: "画像モデル",
	preset: "strict・standard・relaxed: セーフティ、人物、ブロックリストをまとめて設定",
	"safety.harassment": "セーフティのしきい値: 嫌がらせ",
	"safety.hateSpeech": "セーフティのしきい値: ヘイトスピーチ",
	"safety.sexuallyExplicit": "セーフティのしきい値: 性的に露骨な表現",
	"safety.dangerousContent": "セーフティのしきい値: 危険なコンテンツ",
	people: "人物の画像: none、allow_adult、allow_all",
	"access.allowedRoles": "ボットを使えるロール（空 = 全員）",
	"access.deniedRoles": "利用を拒否するロール",
	"access.threadTurns": "スレッドにターンを追加できる人: starter か anyone",
	"threads.visibility": "新しいスレッドを公開にするか非公開にするか",
	"threads.autoArchiveMinutes": `スレッドの自動アーカイブ: ${values(limits.autoArchiveMinutes)}`,
	"threads.livePreview": "ターンの実行中に文章・思考・下書きを表示するか: true か false",
	"limits.cooldownSeconds": "メンバーのターンの間隔（秒、0 = なし）",
	"limits.memberDailyImages": "メンバー 1 人あたりの 1 日の画像数（0 = 無制限）",
	"limits.serverDailyImages": "サーバー全体の 1 日の画像数（0 = 無制限）",
	"modlog.channelId": "モデレーションログのチャンネル",
	"modlog.includePrompts": "モデレーションログにプロンプトを載せるか: true か false",
	blocklist: "このスコープ独自のブロックリスト",
	ageRestrictedPreset: "年齢制限チャンネルでのプリセット、または none",
};

const SETTING_EXPECTED: Record<SettingKey, string> = {
	model: "モデル ID",
	preset: oneOf(limits.presets),
	"safety.harassment": oneOf(limits.thresholds),
	"safety.hateSpeech": oneOf(limits.thresholds),
	"safety.sexuallyExplicit": oneOf(limits.thresholds),
	"safety.dangerousContent": oneOf(limits.thresholds),
	people: oneOf(limits.peopleModes),
	"access.allowedRoles": `最大 ${f.number(limits.maxRoles)} 個のロール ID`,
	"access.deniedRoles": `最大 ${f.number(limits.maxRoles)} 個のロール ID`,
	"access.threadTurns": oneOf(limits.threadTurns),
	"threads.visibility": oneOf(limits.visibilities),
	"threads.autoArchiveMinutes": `${oneOf(limits.autoArchiveMinutes)}（分単位）`,
	"threads.livePreview": "true か false",
	"limits.cooldownSeconds": `0（なし）から ${f.plain(limits.maxCooldownSeconds)} までの整数（秒）`,
	"limits.memberDailyImages": `0（無制限）から ${f.plain(limits.maxMemberDailyImages)} までの整数`,
	"limits.serverDailyImages": `0（無制限）から ${f.plain(limits.maxServerDailyImages)} までの整数`,
	"modlog.channelId": "チャンネル ID",
	"modlog.includePrompts": "true か false",
	blocklist: `最大 ${f.number(limits.maxBlocklistEntries)} 個の単語または /パターン/（それぞれに理由を付けられます）`,
	ageRestrictedPreset: oneOf(limits.ageRestrictedPresets),
};

const PATTERN_PROBLEMS = {
	syntax: "正しい正規表現ではありません",
	tooLong: `${f.number(MAX_PATTERN_LENGTH)} 文字を超えています`,
	nestedQuantifier: "繰り返しの中に繰り返しのグループ（`(a+)+` など）があり、照合が終わらなくなるおそれがあります",
	matchesEverything: "空の文字列に一致するため、すべてのプロンプトを拒否してしまいます",
	empty: "空です",
};

export const settingsMessages = {
	managersOnly:
		"ボットの設定を表示・変更できるのは、**サーバー管理** 権限を持つメンバーだけです。ここで誰が何を生成できるかを決める設定だからです。変えたいことがあれば、モデレーターに相談してください。",
	serverOnly: "設定はサーバーごとのものです。サーバーのチャンネルで /settings を使ってください。",
	notAServerChannel:
		"それはボットから見えるこのサーバーのチャンネルではありません。テキストチャンネル、フォーラム、スレッドのいずれかを選んでください。",
	serverScopeWithChannel:
		"`scope:server` とチャンネルの両方が指定されています。サーバーの値はすべてのチャンネルに適用されるので、`channel` を外すか、`scope:channel` を選んでください。",
	hint: (key) => SETTING_HINTS[key],
	scope: (scope) => (scope.kind === "guild" ? "サーバー全体で" : `${channelMention(scope.id)} で`),
	set: (key, value, where) => `✅ ${where}、${inlineCode(key)} を **${value}** にしました。`,
	presetApplied: (preset, where) =>
		`✅ ${where}プリセット **${preset}** を適用しました。セーフティのしきい値、人物、プリセットのブロックリストの語句がまとめて設定されます（このスコープで個別に設定されていた値は消去しました）。`,
	effectiveHere: (channelId, value, origin) =>
		`ℹ️ ${channelMention(channelId)} で実際に使われる値は **${value}** です（${origin}）。`,
	reset: (key, where) => `↩️ ${where}、${inlineCode(key)} の独自の値を外しました。再び上位の値を引き継ぎます。`,
	nothingToReset: (key, where) => `${where}、${inlineCode(key)} には独自の値がありません。何も変わっていません。`,
	blocklistAdded: (pattern, where, count) =>
		`🚫 ${where}、${inlineCode(pattern)} をブロックリストに追加しました（このスコープの登録数: ${f.number(count)} 件）。一致するプロンプトは、モデルを呼び出す前に拒否されます。`,
	blocklistRemoved: (pattern, where) => `${where}、${inlineCode(pattern)} をブロックリストから削除しました。`,
	blocklistNotThere: (pattern, where) =>
		`${inlineCode(pattern)} は${where}のブロックリストにありません。何も変わっていません。`,
	blocklistFromPreset: (preset) =>
		`これは **${preset}** プリセットの語句です。プリセットの語句を外すには、別のプリセットを選んでください。`,
	errors: {
		unknownSetting: ({ key, known }) =>
			`${inlineCode(key)} という設定はありません。設定は次のとおりです: ${f.list(known, "and")}。`,
		invalidValue: ({ key }) =>
			`その値は ${inlineCode(key)} には使えません。指定できる値: ${SETTING_EXPECTED[key]}。何も変更していません。`,
		modelNotAllowed: ({ model, allowed }) =>
			`${inlineCode(model)} は、ボットの運営者が許可しているモデルではありません。許可されているモデル: ${f.list(allowed, "and")}。何も変更していません。`,
		thresholdTooPermissive: ({ key, threshold, mostPermissive }) =>
			`ボットの運営者は ${mostPermissive} より緩いセーフティのしきい値を許可していないため、${inlineCode(key)} を ${threshold} にはできません。${mostPermissive} かそれより厳しい値を選んでください。何も変更していません。`,
		invalidPattern: ({ pattern, problem }) =>
			`パターン ${inlineCode(pattern)} は${PATTERN_PROBLEMS[problem]}。単語やフレーズ、または \`/regex/\`（最大 ${f.number(MAX_PATTERN_LENGTH)} 文字）を使ってください。何も変更していません。`,
		tooManyEntries: ({ key, max }) =>
			`${inlineCode(key)} には、1 つのスコープにつき最大 ${f.number(max)} 件までしか登録できません。先にいくつか削除してください。何も変更していません。`,
	},
	view: {
		title: "画像ボットの設定",
		description: (where) =>
			[
				`${channelMention(where.channelId)} で実際に使われる設定です${where.threadId ? `（${channelMention(where.threadId)} のようなスレッドは親チャンネルの設定を使います）` : ""}。`,
				where.ageRestricted
					? "Discord はこのチャンネルを年齢制限ありにしています。"
					: "このチャンネルは年齢制限なしです。",
				"各値には出どころを示しています: 既定、サーバー、チャンネル（サーバーより優先）、またはプリセット。",
			].join("\n"),
		sections: {
			model: "モデル",
			preset: "プリセット",
			safety: "セーフティのしきい値",
			people: "人物",
			access: "アクセス",
			threads: "スレッド",
			limits: "上限（UTC の 1 日あたり）",
			modlog: "モデレーションログ",
			blocklist: "ブロックリスト",
		},
		emptyBlocklist: "単語やパターンはありません。",
		more: (count) => `…ほか ${f.number(count)} 件`,
		footer:
			"変更: /settings set key value [scope] · 元に戻す: /settings reset key [scope] · 語句: /settings blocklist add",
	},
	origins: {
		default: "既定",
		server: "サーバー",
		channel: "チャンネル",
		preset: (preset) => `プリセット ${preset}`,
		ageRestricted: (preset) => `年齢制限チャンネル: ${preset}`,
		capped: {
			operator: "ボットの運営者による上限あり",
			ageRestricted: "年齢制限チャンネルのため成人のみに制限",
		},
	},
	values: {
		everyone: "全員",
		noRoles: "なし",
		off: "オフ",
		on: "オン",
		unlimited: "無制限",
		seconds: (seconds) => f.duration(seconds, "second"),
		imagesPerDay: (images) => `1 日 ${f.number(images)} 枚`,
		minutes: (minutes) =>
			`${f.duration(minutes, "minute")}（${minutes % 1_440 === 0 ? f.duration(minutes / 1_440, "day") : f.duration(minutes / 60, "hour")}）`,
		entries: (count) => `${f.number(count)} 件`,
		moreRoles: (count) => `ほか ${f.number(count)} 件`,
	},
} satisfies Catalogue["settingsMessages"];

const usd = (amount: number) => (amount > 0 && amount < 0.01 ? `<${f.usd(0.01, 2)}` : f.usd(amount, 2));

export const usageMessages = {
	dmOnly:
		"画像の利用枠はサーバーごとに数えられます。画像を作っているサーバーのチャンネルで /usage を使ってください。ボットとの DM では表示できるものがありません。",
	allowance: ({ used, limit, remaining }) =>
		limit > 0
			? `${f.number(used)} / ${f.number(limit)}（残り ${f.number(remaining ?? 0)}）`
			: `${f.number(used)}（1 日の上限なし）`,
	member: (allowance) => `**今日のあなたの画像:** ${allowance}`,
	server: (allowance) => `**今日のこのサーバー:** ${allowance}`,
	resets: (unixSeconds) =>
		`利用枠は ${f.timestamp(unixSeconds, "R")}、00:00 UTC（あなたの時刻で ${f.timestamp(unixSeconds, "t")}）にリセットされます。実行中のターンの画像も数に含まれます。`,
	topUsers: "**今日よく使ったメンバー**",
	topUser: (rank, userId, images, amount) =>
		`${f.number(rank)}. ${userMention(userId)}: ${f.number(images)} 枚（${usd(amount)}）`,
	noUsersYet: "今日はまだ誰も画像を作っていません。",
	cost: (amount, images) =>
		`**今日の推定コスト:** 画像 ${f.number(images)} 枚で ${usd(amount)}（Gemini が報告する使用量とボットの料金表から算出。正確な金額は Google の請求をご確認ください）。`,
} satisfies Catalogue["usageMessages"];
