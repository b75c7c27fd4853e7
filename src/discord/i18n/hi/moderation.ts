// src/discord/i18n/hi/moderation.ts: मॉडरेशन लॉग, /settings और /usage के संदेश (हिन्दी)।
import { MAX_PATTERN_LENGTH } from "../../../moderation/matchBlocklist.js";
import type { SettingKey } from "../../../moderation/validateSetting.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { settingLimits as limits } from "../settingLimits.js";

const f = formattersFor("hi");
const since = (at: number) => f.timestamp(at, "R");

export const modlogMessages = {
	what: {
		blockedPrompt: "ब्लॉक किया गया प्रॉम्प्ट",
		blockedImage: "ब्लॉक की गई इमेज",
		refused: "मॉडल ने मना किया",
		denied: "सेटिंग ने रोका",
	},
	summary: {
		blockedPrompt: "Gemini के सेफ़्टी फ़िल्टर ने कुछ भी बनाने से पहले प्रॉम्प्ट ब्लॉक कर दिया।",
		blockedImage: "Gemini ने नतीजा बनाया, लेकिन उसके सेफ़्टी फ़िल्टर ने उसे रोक लिया। यह इमेज कभी रखी या दिखाई नहीं जाती।",
		refused: "Gemini ने बिना इमेज के सिर्फ़ टेक्स्ट में जवाब दिया।",
		denied: "सर्वर की सेटिंग ने मॉडल को बुलाने से पहले ही इस टर्न को रोक दिया।",
	},
	caseTitle: (what) => `🛡️ ${what}`,
	appealTitle: (what) => `🚩 गलती के रूप में रिपोर्ट किया गया: ${what}`,
	appealSummary: (userId) =>
		`${userMention(userId)} इसे गलती बताकर रिपोर्ट कर रहे हैं और किसी मॉडरेटर से इसकी समीक्षा करने को कह रहे हैं। उनका प्रॉम्प्ट साथ में है, ताकि आप इसे परख सकें।`,
	field: {
		member: "सदस्य",
		where: "कहाँ",
		model: "मॉडल",
		reason: "वजह",
		category: "श्रेणी",
		codes: "कोड",
		prompt: "प्रॉम्प्ट",
		actions: "मॉडरेटर की कार्रवाइयाँ",
	},
	jumpLink: (url, channelId) => `${channelMention(channelId)} में [मैसेज पर जाएँ](${url})`,
	categoryUnknown: "नाम नहीं बताया गया",
	categoryLabel: (label, category) => `${label} (\`${category}\`)`,
	noCodes: "कोई नहीं",
	promptOmitted: "शामिल नहीं: इस सर्वर का लॉग प्रॉम्प्ट नहीं दिखाता (सेटिंग `modlog.includePrompts`)।",
	promptEmpty: "(कोई टेक्स्ट नहीं: इस टर्न में सिर्फ़ इमेज थीं)",
	footer: (caseId) => `केस ${caseId}`,
	actionLine: {
		delete: (moderatorId, at) => `🗑️ ${userMention(moderatorId)} ने ${since(at)} आउटपुट हटाया`,
		lock: (moderatorId, at) => `🔒 ${userMention(moderatorId)} ने ${since(at)} थ्रेड लॉक किया`,
		timeout: (moderatorId, at, minutes) =>
			`⏳ ${userMention(moderatorId)} ने ${since(at)} सदस्य को ${f.duration(minutes, "minute")} के लिए टाइम आउट किया`,
	},
	permission: { delete: "संदेश प्रबंधित करें", lock: "थ्रेड प्रबंधित करें", timeout: "सदस्यों को टाइम आउट करें" },
	auditReason: (caseId, username, userId) => `मॉडरेशन लॉग केस ${caseId}, ${username} (${userId}) द्वारा`,
	caseUnknown: "अब मेरे पास यह केस नहीं है (केस 30 दिन तक रखे जाते हैं), इसलिए रिपोर्ट करने या कार्रवाई करने के लिए कुछ नहीं है।",
	appealNotYours: "इस जवाब को गलती के रूप में सिर्फ़ वही सदस्य रिपोर्ट कर सकता है जिसके लिए यह था।",
	alreadyReported: "आप इसे पहले ही रिपोर्ट कर चुके हैं: यह मॉडरेटरों तक पहुँच गया है।",
	noModlog: "इस सर्वर में कोई मॉडरेशन लॉग चैनल नहीं है, इसलिए मैं रिपोर्ट किसी को नहीं भेज सकता। सीधे किसी मॉडरेटर से बात करें।",
	modlogUnreachable: "मैं इस सर्वर के मॉडरेशन लॉग चैनल में पोस्ट नहीं कर सका। सीधे किसी मॉडरेटर से बात करें।",
	appealSent: "धन्यवाद: मैंने यह केस समीक्षा के लिए सर्वर के मॉडरेटरों को भेज दिया है, आपके प्रॉम्प्ट के साथ, ताकि वे इसे परख सकें।",
	actionNotAllowed: (permission) => `इस कार्रवाई के लिए "${permission}" अनुमति चाहिए, जो आपके पास नहीं है।`,
	botLacks: (permission) => `मैं यह नहीं कर सका: वहाँ मेरे पास "${permission}" अनुमति नहीं है। मुझे यह अनुमति देकर फिर से कोशिश करें।`,
	outputDeleted: (count) => `आउटपुट हटा दिया (${f.number(count)} मैसेज)।`,
	outputAlreadyGone: "आउटपुट पहले ही हट चुका है।",
	noOutput: "इस केस में हटाने के लिए कोई आउटपुट नहीं है: कुछ भी पोस्ट होने से पहले ही टर्न रोक दिया गया था।",
	threadLocked: (threadId) => `${channelMention(threadId)} को लॉक और आर्काइव कर दिया।`,
	notAThread: "वह केस किसी थ्रेड में नहीं हुआ था, इसलिए लॉक करने के लिए कोई थ्रेड नहीं है।",
	threadGone: "वह थ्रेड अब मौजूद नहीं है।",
	timedOut: (userId, minutes) => `${userMention(userId)} को ${f.duration(minutes, "minute")} के लिए टाइम आउट किया।`,
	memberGone: "वह सदस्य अब इस सर्वर में नहीं है।",
} satisfies Catalogue["modlogMessages"];

const values = (list: readonly (string | number)[], kind: "and" | "or") =>
	f.list(
		list.map((value) => (typeof value === "number" ? f.plain(value) : value)),
		kind,
	);
const oneOf = (list: readonly (string | number)[]) => `${values(list, "or")} में से एक`;

const SETTING_HINTS: Record<SettingKey, string> = {
	model: "इमेज मॉडल",
	preset: "strict, standard या relaxed: सेफ़्टी, लोग और ब्लॉकलिस्ट एक साथ",
	"safety.harassment": "सेफ़्टी सीमा: उत्पीड़न",
	"safety.hateSpeech": "सेफ़्टी सीमा: नफ़रत भरी बातें",
	"safety.sexuallyExplicit": "सेफ़्टी सीमा: स्पष्ट यौन सामग्री",
	"safety.dangerousContent": "सेफ़्टी सीमा: खतरनाक सामग्री",
	people: "लोगों की इमेज: none, allow_adult, allow_all",
	"access.allowedRoles": "बॉट इस्तेमाल कर सकने वाले रोल (खाली = सभी)",
	"access.deniedRoles": "मना किए गए रोल",
	"access.threadTurns": "थ्रेड में टर्न कौन जोड़ सकता है: starter या anyone",
	"threads.visibility": "नए थ्रेड सार्वजनिक या निजी",
	"threads.autoArchiveMinutes": `थ्रेड का अपने आप आर्काइव: ${values(limits.autoArchiveMinutes, "and")}`,
	"threads.livePreview": "टर्न चलते समय टेक्स्ट, विचार और ड्राफ़्ट दिखाएँ: true या false",
	"limits.cooldownSeconds": "किसी सदस्य के दो टर्न के बीच सेकंड (0 = बंद)",
	"limits.memberDailyImages": "हर सदस्य की रोज़ की इमेज (0 = असीमित)",
	"limits.serverDailyImages": "हर सर्वर की रोज़ की इमेज (0 = असीमित)",
	"modlog.channelId": "मॉडरेशन लॉग चैनल",
	"modlog.includePrompts": "मॉडरेशन लॉग में प्रॉम्प्ट दिखे: true या false",
	blocklist: "इस दायरे की अपनी ब्लॉकलिस्ट एंट्री",
	ageRestrictedPreset: "उम्र-प्रतिबंधित चैनलों का प्रीसेट, या none",
};

const SETTING_EXPECTED: Record<SettingKey, string> = {
	model: "कोई मॉडल ID",
	preset: oneOf(limits.presets),
	"safety.harassment": oneOf(limits.thresholds),
	"safety.hateSpeech": oneOf(limits.thresholds),
	"safety.sexuallyExplicit": oneOf(limits.thresholds),
	"safety.dangerousContent": oneOf(limits.thresholds),
	people: oneOf(limits.peopleModes),
	"access.allowedRoles": `ज़्यादा से ज़्यादा ${f.number(limits.maxRoles)} रोल ID`,
	"access.deniedRoles": `ज़्यादा से ज़्यादा ${f.number(limits.maxRoles)} रोल ID`,
	"access.threadTurns": oneOf(limits.threadTurns),
	"threads.visibility": oneOf(limits.visibilities),
	"threads.autoArchiveMinutes": `${oneOf(limits.autoArchiveMinutes)} (मिनट)`,
	"threads.livePreview": "true या false",
	"limits.cooldownSeconds": `0 (बंद) से ${f.plain(limits.maxCooldownSeconds)} तक सेकंड की पूरी संख्या`,
	"limits.memberDailyImages": `0 (असीमित) से ${f.plain(limits.maxMemberDailyImages)} तक की पूरी संख्या`,
	"limits.serverDailyImages": `0 (असीमित) से ${f.plain(limits.maxServerDailyImages)} तक की पूरी संख्या`,
	"modlog.channelId": "कोई चैनल ID",
	"modlog.includePrompts": "true या false",
	blocklist: `ज़्यादा से ज़्यादा ${f.number(limits.maxBlocklistEntries)} शब्द या /पैटर्न/, हर एक के साथ चाहें तो वजह`,
	ageRestrictedPreset: oneOf(limits.ageRestrictedPresets),
};

const PATTERN_PROBLEMS = {
	syntax: "मान्य रेगुलर एक्सप्रेशन नहीं है",
	tooLong: `${f.number(MAX_PATTERN_LENGTH)} अक्षरों से लंबा है`,
	nestedQuantifier: "में दोहराव के अंदर दोहराया गया समूह है, जैसे `(a+)+`, जिससे मिलान अटक सकता है",
	matchesEverything: "खाली स्ट्रिंग से मेल खाता है, इसलिए यह हर प्रॉम्प्ट को रोक देगा",
	empty: "खाली है",
};

export const settingsMessages = {
	managersOnly:
		"मेरी सेटिंग सिर्फ़ **सर्वर प्रबंधित करें** अनुमति वाले सदस्य देख या बदल सकते हैं, क्योंकि इन्हीं से तय होता है कि यहाँ हर कोई क्या बना सकता है। अगर कुछ बदलना चाहिए, तो किसी मॉडरेटर से कहें।",
	serverOnly: "सेटिंग किसी सर्वर की होती हैं: उसके किसी चैनल में /settings इस्तेमाल करें।",
	notAServerChannel: "यह इस सर्वर का ऐसा चैनल नहीं है जिसे मैं देख सकूँ। कोई टेक्स्ट चैनल, फ़ोरम या थ्रेड चुनें।",
	serverScopeWithChannel:
		"आपने `scope:server` के साथ एक चैनल भी चुना है। सर्वर की वैल्यू हर चैनल पर लागू होती है: `channel` हटा दें, या `scope:channel` चुनें।",
	hint: (key) => SETTING_HINTS[key],
	scope: (scope) => (scope.kind === "guild" ? "पूरे सर्वर के लिए" : `${channelMention(scope.id)} के लिए`),
	set: (key, value, where) => `✅ ${where} ${inlineCode(key)} अब **${value}** है।`,
	presetApplied: (preset, where) =>
		`✅ ${where} अब प्रीसेट **${preset}** लागू है: यह सेफ़्टी सीमाएँ, लोग और प्रीसेट के ब्लॉकलिस्ट शब्द एक साथ तय करता है (इस दायरे में इनके लिए अलग से सेट की गई वैल्यू हटा दी गईं)।`,
	effectiveHere: (channelId, value, origin) => `ℹ️ ${channelMention(channelId)} में लागू वैल्यू **${value}** है (${origin})।`,
	reset: (key, where) => `↩️ ${where} ${inlineCode(key)} की अब अपनी वैल्यू नहीं है; यह फिर से ऊपर की सेटिंग लेगा।`,
	nothingToReset: (key, where) => `${where} ${inlineCode(key)} की कोई अपनी वैल्यू नहीं है; कुछ नहीं बदला।`,
	blocklistAdded: (pattern, where, count) =>
		`🚫 ${where} ब्लॉकलिस्ट में ${inlineCode(pattern)} जोड़ा (इस दायरे में ${f.number(count)} एंट्री)। इससे मेल खाने वाले प्रॉम्प्ट किसी भी मॉडल को बुलाने से पहले रोक दिए जाते हैं।`,
	blocklistRemoved: (pattern, where) => `${where} ब्लॉकलिस्ट से ${inlineCode(pattern)} हटाया।`,
	blocklistNotThere: (pattern, where) => `${inlineCode(pattern)} ${where} ब्लॉकलिस्ट में नहीं है; कुछ नहीं बदला।`,
	blocklistFromPreset: (preset) => ` यह **${preset}** प्रीसेट से आता है: प्रीसेट के शब्द हटाने के लिए कोई दूसरा प्रीसेट चुनें।`,
	errors: {
		unknownSetting: ({ key, known }) => `${inlineCode(key)} कोई सेटिंग नहीं है। सेटिंग ये हैं: ${f.list(known, "and")}।`,
		invalidValue: ({ key }) =>
			`यह वैल्यू ${inlineCode(key)} के लिए ठीक नहीं है। सही वैल्यू: ${SETTING_EXPECTED[key]}। कुछ नहीं बदला गया।`,
		modelNotAllowed: ({ model, allowed }) =>
			`${inlineCode(model)} उन मॉडलों में नहीं है जिनकी बॉट का ऑपरेटर अनुमति देता है: ${f.list(allowed, "and")}। कुछ नहीं बदला गया।`,
		thresholdTooPermissive: ({ key, threshold, mostPermissive }) =>
			`बॉट का ऑपरेटर ${mostPermissive} से ढीली कोई सेफ़्टी सीमा नहीं देता, इसलिए ${inlineCode(key)} ${threshold} नहीं हो सकता। ${mostPermissive} या उससे सख़्त चुनें। कुछ नहीं बदला गया।`,
		invalidPattern: ({ pattern, problem }) =>
			`पैटर्न ${inlineCode(pattern)} ${PATTERN_PROBLEMS[problem]}। कोई शब्द या वाक्यांश, या \`/regex/\` (ज़्यादा से ज़्यादा ${f.number(MAX_PATTERN_LENGTH)} अक्षर) इस्तेमाल करें। कुछ नहीं बदला गया।`,
		tooManyEntries: ({ key, max }) =>
			`${inlineCode(key)} में एक दायरे पर ज़्यादा से ज़्यादा ${f.number(max)} एंट्री हो सकती हैं। पहले कुछ हटाएँ। कुछ नहीं बदला गया।`,
	},
	view: {
		title: "इमेज बॉट की सेटिंग",
		description: (where) =>
			[
				`${channelMention(where.channelId)} के लिए लागू सेटिंग${where.threadId ? ` (${channelMention(where.threadId)} जैसे थ्रेड अपने पैरेंट चैनल की सेटिंग इस्तेमाल करते हैं)` : ""}।`,
				where.ageRestricted ? "Discord ने इस चैनल को उम्र-प्रतिबंधित चिह्नित किया है।" : "यह चैनल उम्र-प्रतिबंधित नहीं है।",
				"हर वैल्यू बताती है कि वह कहाँ से आई है: डिफ़ॉल्ट, सर्वर, चैनल (जो सर्वर से ऊपर है), या कोई प्रीसेट।",
			].join("\n"),
		sections: {
			model: "मॉडल",
			preset: "प्रीसेट",
			safety: "सेफ़्टी सीमाएँ",
			people: "लोग",
			access: "एक्सेस",
			threads: "थ्रेड",
			limits: "सीमाएँ (हर UTC दिन)",
			modlog: "मॉडरेशन लॉग",
			blocklist: "ब्लॉकलिस्ट",
		},
		emptyBlocklist: "कोई शब्द या पैटर्न नहीं।",
		more: (count) => `… और ${f.number(count)}`,
		footer:
			"बदलें: /settings set key value [scope] · पहले जैसा करें: /settings reset key [scope] · शब्द: /settings blocklist add",
	},
	origins: {
		default: "डिफ़ॉल्ट",
		server: "सर्वर",
		channel: "चैनल",
		preset: (preset) => `प्रीसेट ${preset}`,
		ageRestricted: (preset) => `उम्र-प्रतिबंधित चैनल: ${preset}`,
		capped: {
			operator: "बॉट के ऑपरेटर की सीमा",
			ageRestricted: "सिर्फ़ वयस्क: उम्र-प्रतिबंधित चैनल",
		},
	},
	values: {
		everyone: "सभी",
		noRoles: "कोई नहीं",
		off: "बंद",
		on: "चालू",
		unlimited: "असीमित",
		seconds: (seconds) => f.duration(seconds, "second"),
		imagesPerDay: (images) => `रोज़ ${f.number(images)}`,
		minutes: (minutes) =>
			`${f.duration(minutes, "minute")} (${minutes % 1_440 === 0 ? f.duration(minutes / 1_440, "day") : f.duration(minutes / 60, "hour")})`,
		entries: (count) => `${f.number(count)} एंट्री`,
		moreRoles: (count) => `+${f.number(count)} और`,
	},
} satisfies Catalogue["settingsMessages"];

const usd = (amount: number) => (amount > 0 && amount < 0.01 ? `<${f.usd(0.01, 2)}` : f.usd(amount, 2));

export const usageMessages = {
	dmOnly:
		"इमेज कोटा हर सर्वर के हिसाब से गिना जाता है: जिस सर्वर में आप इमेज बनाते हैं, उसके किसी चैनल में /usage इस्तेमाल करें। मेरे साथ DM में यहाँ दिखाने के लिए कुछ नहीं है।",
	allowance: ({ used, limit, remaining }) =>
		limit > 0
			? `${f.number(limit)} में से ${f.number(used)} (${f.number(remaining ?? 0)} बाकी)`
			: `${f.number(used)} (कोई दैनिक सीमा नहीं)`,
	member: (allowance) => `**आज आपकी इमेज:** ${allowance}`,
	server: (allowance) => `**आज यह सर्वर:** ${allowance}`,
	resets: (unixSeconds) =>
		`कोटा ${f.timestamp(unixSeconds, "R")}, 00:00 UTC पर रीसेट होता है (आपके समय के अनुसार ${f.timestamp(unixSeconds, "t")})। गिनती में अभी चल रहे टर्न की इमेज भी शामिल हैं।`,
	topUsers: "**आज सबसे ज़्यादा इस्तेमाल करने वाले**",
	topUser: (rank, userId, images, amount) =>
		`${f.number(rank)}. ${userMention(userId)}: ${f.number(images)} इमेज (${usd(amount)})`,
	noUsersYet: "आज अभी तक किसी ने इमेज नहीं बनाई।",
	cost: (amount, images) =>
		`**आज की अनुमानित लागत:** ${f.number(images)} इमेज के लिए ${usd(amount)} (Gemini के बताए इस्तेमाल और बॉट की कीमत सूची से; Google का बिल ही अंतिम है)।`,
} satisfies Catalogue["usageMessages"];
