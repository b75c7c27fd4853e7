// src/discord/i18n/hi/turns.ts: टर्न की प्रगति, नतीजे, बटन और मोडल के संदेश (हिन्दी)।
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { backgroundMessages } from "./background.js";
import { NOT_KEPT } from "./refusals.js";

const f = formattersFor("hi");
const at = (retryAtMs: number) => f.timestamp(Math.ceil(retryAtMs / 1_000), "R");
const version = (number: number) => `v${f.plain(number)}`;

export const labels = {
	reroll: "फिर से बनाएँ",
	undo: "पूर्ववत करें",
	edit: "एडिट करें",
	info: "जानकारी",
	delete: "हटाएँ",
	cancel: "रद्द करें",
	useMask: "यह मास्क इस्तेमाल करें",
	reportMistake: "गलती की रिपोर्ट करें",
	deleteOutput: "आउटपुट हटाएँ",
	lockThread: "थ्रेड लॉक करें",
	timeoutMember: (minutes) => `सदस्य को टाइम आउट करें (${f.duration(minutes, "minute")})`,
	clearHistory: "हिस्ट्री मिटाएँ",
	keepHistory: "रहने दें",
	editImageTitle: "इमेज एडिट करें",
	editThisImageTitle: "यह इमेज एडिट करें",
	instructionLabel: "क्या बदलना है?",
	instructionPlaceholder: "कार को पीला कर दो",
	untitledThread: "इमेज बातचीत",
} satisfies Catalogue["labels"];

export const auditReasons = {
	imagine: "/imagine",
	background: "/background",
	editImage: "इमेज एडिट करें",
	branch: "इमेज बातचीत की शाखा",
} satisfies Catalogue["auditReasons"];

/** Discord के हिन्दी इंटरफ़ेस में अनुमतियों के नाम। */
export const TURN_PERMISSION_NAMES = "संदेश भेजें, फ़ाइलें अटैच करें, सार्वजनिक थ्रेड बनाएँ और थ्रेड में संदेश भेजें";

export const messages = {
	refusedHint: `कोई इमेज नहीं बनी। अगर आपको इमेज चाहिए थी, तो साफ़-साफ़ माँगें, जैसे "… की इमेज बनाओ"। ${NOT_KEPT}`,
	truncated: "⚠️ Gemini अपनी आउटपुट सीमा तक पहुँच गया, इसलिए यह जवाब अधूरा हो सकता है।",
	imagesDropped: (kept) =>
		`ℹ️ यह थ्रेड अब इतना लंबा हो गया है कि मॉडल इसे एक साथ नहीं देख सकता: सबसे पुरानी इमेज उसके संदर्भ से बाहर हो गई हैं (वह अब भी सारा टेक्स्ट पढ़ता है, और ज़्यादा से ज़्यादा ${f.number(kept)} इमेज रखता है)।`,
	firstFrameOnly: (names) =>
		`ℹ️ ${f.list(names.map(inlineCode), "and")} ${f.plural(names.length, { one: "एनिमेटेड है", other: "एनिमेटेड हैं" })}; मैंने पहला फ़्रेम इस्तेमाल किया।`,
	progressThinking: (summary) => `-# 💭 सोच रहा है: ${summary}`,
	progressDraft: (draft) => `-# 🖌️ ड्राफ़्ट ${f.number(draft)}: बीच में बना एक स्केच, अंतिम इमेज नहीं।`,
	progressWorking: (seconds) => `⏳ काम चल रहा है… ${f.duration(seconds, "second")}`,
	progressQuotaWait: (retryAt) =>
		`⏳ Gemini का कोटा फ़िलहाल खत्म हो गया है: यह टर्न कतार में अपनी जगह बनाए रखेगा और ${at(retryAt)} फिर से कोशिश करेगा।`,
	progressGlobalCap: (position) =>
		`⏳ Gemini में खाली जगह का इंतज़ार है (यह बॉट अपने सभी सर्वरों में एक ही सीमा साझा करता है): कतार में नंबर ${f.number(position)}; आगे वाले पूरे होते ही यह शुरू होगा।`,
	progressGlobalRate: (retryAt) =>
		`⏳ इस मिनट के लिए इस बॉट के Gemini अनुरोध खत्म हो गए हैं: यह टर्न कतार में अपनी जगह बनाए रखेगा और ${at(retryAt)} शुरू होगा।`,
	progressRetry: (retryAt) => `⏳ Gemini ने ठीक से जवाब नहीं दिया; ${at(retryAt)} फिर से कोशिश होगी।`,
	queued: (userId, position) =>
		`⏳ ${userMention(userId)}, इस थ्रेड में आपका टर्न कतार में नंबर ${f.number(position)} पर है; आगे वाले पूरे होते ही यह शुरू होगा।`,
	cancelled: "रद्द कर दिया: वह टर्न रुक गया, और बातचीत में कुछ नहीं जोड़ा गया।",
	notQueuedAnymore: "वह टर्न अब न इंतज़ार में है, न चल रहा है (वह पूरा हो गया, या बॉट रीस्टार्ट हुआ)।",
	cancelNotYours: "इस टर्न को सिर्फ़ वही सदस्य रद्द कर सकता है जिसने इसे माँगा था।",
	uploadedVersions: (versions) =>
		`-# आपकी इमेज ${f.list(versions.map(version), "and")} ${f.plural(versions.length, { one: "है", other: "हैं" })}।`,
	staleButton: (latestVersions) =>
		`वह नतीजा अब इस थ्रेड का सबसे नया टर्न नहीं है${latestVersions ? ` (सबसे नया ${latestVersions} है)` : ""}, इसलिए "${labels.reroll}", "${labels.undo}" और "${labels.edit}" अब उस पर लागू नहीं होते। उस पर वापस जाने के लिए उस मैसेज का जवाब दें: मैं उससे एक नया थ्रेड शुरू कर दूँगा। "${labels.info}" और "${labels.delete}" अब भी काम करते हैं।`,
	resultCard: (card) =>
		[
			`**नतीजा ${card.versions || "(कोई इमेज नहीं)"}** · टर्न ${f.number(card.turn)}`,
			`**प्रॉम्प्ट:** ${card.prompt || "(सिर्फ़ इमेज)"}`,
			`**मॉडल:** \`${card.model}\` (${card.modelLabel})`,
			`**किससे बना:** ${card.parent !== undefined ? version(card.parent) : "किसी से नहीं (नई इमेज)"}${card.inputs.length > 0 ? `; इनपुट ${f.list(card.inputs, "and")}` : ""}`,
			...(card.branchOf ? [`**मूल थ्रेड:** ${channelMention(card.branchOf)}`] : []),
			`**किसने माँगा:** ${userMention(card.requesterId)}, ${f.timestamp(card.at, "f")}`,
			`**समय लगा:** ${f.duration(card.seconds, "second", 1)}`,
			card.tokens
				? `**टोकन:** ${f.number(card.tokens.in)} इनपुट, ${f.number(card.tokens.out)} आउटपुट; अनुमानित लागत ${f.usd(card.usd, 3)}`
				: `**अनुमानित लागत:** ${f.usd(card.usd, 3)}`,
			...(card.background ? [backgroundMessages.infoLine(card.background)] : []),
			"-# Gemini की बनाई हर इमेज पर Google एक अदृश्य SynthID वॉटरमार्क लगाता है।",
		].join("\n"),
	notInHistory: "वह नतीजा अब इस थ्रेड की बातचीत में नहीं है (उसे पूर्ववत किया गया, फिर से बनाया गया या मिटा दिया गया)।",
	undone: (userId, removed, current) =>
		`↩️ ${userMention(userId)} ने पिछला टर्न पूर्ववत किया${removed ? ` (${removed})` : ""}। ${current ? `बातचीत ${current} से आगे बढ़ेगी।` : "बातचीत अपनी शुरुआत पर लौट आई है।"}`,
	nothingToUndo: "इस थ्रेड में पूर्ववत करने के लिए कुछ नहीं है।",
	deleteNotAllowed: 'इस नतीजे को सिर्फ़ वही सदस्य हटा सकता है जिसने इसे माँगा था, या "संदेश प्रबंधित करें" अनुमति वाला कोई व्यक्ति।',
	deleted: `हटा दिया। बातचीत की हिस्ट्री नहीं बदली: किसी टर्न को उससे निकालने के लिए "${labels.undo}" इस्तेमाल करें।`,
	forgetConfirm: "इस थ्रेड की पूरी इमेज बातचीत मिटा दें? मैसेज बने रहेंगे, लेकिन मैं उन्हें भूल जाऊँगा।",
	forgotten: (userId) => `🧹 ${userMention(userId)} ने इस थ्रेड की हिस्ट्री मिटा दी; अगला मैसेज नए सिरे से शुरू होगा।`,
	forgetKept: "हिस्ट्री रहने दी।",
	historyCleared: "हिस्ट्री मिटा दी गई।",
	editNoImages: "उस मैसेज में एडिट करने के लिए कोई इमेज नहीं है।",
	editStarted: (threadId) => `🧵 ${channelMention(threadId)} में एडिट हो रहा है।`,
	edited: (userId, instruction) => `✏️ ${userMention(userId)}: ${instruction}`,
	branched: (threadId, from) => `⑂ ${from ? `${from} से ` : ""}${channelMention(threadId)} में नई शाखा बनाई।`,
	branchedFrom: (threadId, from) => `⑂ ${channelMention(threadId)}${from ? ` के ${from}` : ""} से यह शाखा बनाई गई।`,
	notAConversation: "यह मेरे इमेज थ्रेड में से नहीं है। कोई थ्रेड शुरू करने के लिए किसी टेक्स्ट चैनल में /imagine इस्तेमाल करें।",
	threadStarted: (threadId) => `🧵 ${channelMention(threadId)} में काम चल रहा है। एडिट करते रहने के लिए वहीं जवाब दें।`,
	turnAcknowledged: "🎨 अभी करता हूँ।",
	geminiQuota: (seconds) =>
		`⏳ इस बॉट का Gemini कोटा अभी खत्म हो गया है${seconds ? `; लगभग ${f.duration(seconds, "second")} बाद फिर से कोशिश करें` : "; एक मिनट बाद फिर से कोशिश करें"}।`,
	geminiQuotaExhausted: (retryAfterSeconds) =>
		`⏳ इस बॉट का Gemini कोटा खत्म हो गया है${retryAfterSeconds ? `; यह लगभग ${f.wait(retryAfterSeconds)} बाद फिर से अनुरोध लेगा` : "; बाद में फिर से कोशिश करें"}। ${NOT_KEPT}`,
	geminiUnavailable: "Gemini पर अभी बहुत लोड है या वह उपलब्ध नहीं है (मैंने दोबारा कोशिश की)। एक मिनट बाद फिर से कोशिश करें।",
	geminiTimeout: "Gemini ने जवाब देने में बहुत देर लगाई (मैंने दोबारा कोशिश की)। फिर से कोशिश करें, हो सके तो आसान अनुरोध के साथ।",
	geminiDeadline: (seconds) =>
		`⌛ Gemini ने समय पर जवाब नहीं दिया (मैंने दोबारा कोशिशों समेत ${f.wait(seconds)} इंतज़ार किया)। फिर से कोशिश करें, हो सके तो आसान अनुरोध के साथ। ${NOT_KEPT}`,
	turnInterrupted: `⚠️ मैं रीस्टार्ट हो रहा हूँ, इसलिए यह टर्न पूरा होने से पहले रुक गया। एक मिनट बाद इसे फिर से भेजें। ${NOT_KEPT}`,
	aboutYourMessage: (text, url) => `${text}\n-# आपके मैसेज के बारे में ${url}`,
	restarting: "मैं अभी रीस्टार्ट हो रहा हूँ और नए टर्न नहीं ले रहा। एक मिनट बाद इसे फिर से भेजें।",
	storeUnavailable:
		"मैं अभी अपने स्टोरेज तक नहीं पहुँच पा रहा (वह बंद है या रीस्टार्ट हो रहा है), इसलिए यह टर्न नहीं ले सकता। कुछ भी खोया नहीं है: एक मिनट बाद इसे फिर से भेजें।",
	interruptedByCrash: (userId) =>
		`⚠️ ${userMention(userId)}, यहाँ आपके पिछले टर्न पर काम करते समय मैं रुक गया, इसलिए वह पूरा नहीं हुआ। बातचीत उस टर्न से पहले जैसी है: इसे फिर से भेजें।`,
	geminiRejected: (ref) =>
		`Gemini ने इस अनुरोध को अमान्य बताकर ठुकरा दिया। अगर ऐसा होता रहे, तो बॉट के ऑपरेटर को बताएँ (रेफ़ \`${ref}\`)।`,
	geminiAuth: (ref) => `बॉट की Gemini API कुंजी अस्वीकार कर दी गई। बॉट के ऑपरेटर को बताएँ (रेफ़ \`${ref}\`)।`,
	geminiModelMissing: (model) => `मॉडल \`${model}\` उपलब्ध नहीं है। बॉट के ऑपरेटर से GEMINI_MODEL जाँचने को कहें।`,
	missingPermissions: (what) => `मेरे पास यहाँ एक अनुमति नहीं है: ${what}। किसी मॉडरेटर से यह अनुमति देने को कहें।`,
	unexpected: (ref) =>
		`मेरी तरफ़ से कुछ गड़बड़ हो गई। फिर से कोशिश करें; अगर ऐसा होता रहे, तो बॉट के ऑपरेटर को बताएँ (रेफ़ \`${ref}\`)।`,
	notInConversation: "यह कमांड किसी टेक्स्ट चैनल में, मेरे किसी इमेज थ्रेड में, या मेरे साथ DM में काम करता है।",
	help: [
		"**Nano Banana threads**: Google Gemini के साथ इमेज पर बातचीत।",
		'• `/imagine prompt:<text>`: इमेज के साथ एक थ्रेड शुरू करता है। उस थ्रेड में बस लिखें कि क्या बदलना है ("प्लेट को सुनहरा कर दो"), और फ़ोटो इस्तेमाल करने के लिए उन्हें अटैच करें।',
		"• विकल्प: `image`, `image2`, `image3` (जिन फ़ोटो से शुरू करना है), `aspect` (1:1, 16:9, …), `output` (सिर्फ़ इमेज, या इमेज और टेक्स्ट), `size` (512, 1K, 2K, 4K, जहाँ मॉडल इसे लेता हो)।",
		"• मेरे साथ DM में पूरा DM एक ही बातचीत है।",
		"• `/background image:<photo> prompt:<scene>`: किसी प्रोडक्ट फ़ोटो के लिए नए बैकग्राउंड, और प्रोडक्ट पिक्सेल-दर-पिक्सेल वैसा ही रहता है (`mask`, `mask_image`, `dilation`, `count`, `keep_product`)।",
		"• Gemini की बनाई हर इमेज में Google का एक अदृश्य SynthID वॉटरमार्क होता है।",
	].join("\n"),
} satisfies Catalogue["messages"];
