// src/discord/i18n/hi/refusals.ts: इनपुट, नीति और सेफ़्टी की वजह से मना करने वाले संदेश (हिन्दी, "आप")।
import type { PresetReason } from "../../../moderation/settings.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { roleMention, unixSecondsOf, userMention, withoutFinalStop } from "../markup.js";

const f = formattersFor("hi");

export const NOT_KEPT = "यह टर्न बातचीत में नहीं जोड़ा गया, इसलिए थ्रेड अपनी पिछली इमेज से ही आगे बढ़ेगा।";

export const userInputMessages = {
	tooManyImages: ({ max, got }) =>
		`आपने ${f.number(got)} इमेज अटैच की हैं; यह मॉडल एक टर्न में ज़्यादा से ज़्यादा ${f.number(max)} इमेज लेता है। कम इमेज अटैच करके फिर से कोशिश करें।`,
	imageTooLarge: ({ name, maxMb }) => `\`${name}\` ${f.number(maxMb)} MB से बड़ी है। कोई छोटी इमेज भेजें।`,
	notAnImage: ({ name }) => `\`${name}\` ऐसी इमेज नहीं है जिसे मैं पढ़ सकूँ। PNG, JPEG, WebP, GIF, HEIC या AVIF फ़ाइल भेजें।`,
	imageUnreadable: ({ name }) =>
		`\`${name}\` इमेज जैसी लगती है, लेकिन यह खराब है या डिकोड करने के लिए बहुत बड़ी है। इसे फिर से एक्सपोर्ट करके देखें।`,
	imageDownloadFailed: ({ name }) => `मैं Discord से \`${name}\` डाउनलोड नहीं कर सका। इसे फिर से अटैच करें।`,
	imageDownloadTimeout: ({ name, seconds }) =>
		`\`${name}\` को डाउनलोड होने में ${f.duration(seconds, "second")} से ज़्यादा लगे। फिर से कोशिश करें, या कोई छोटी फ़ाइल भेजें।`,
	promptEmpty: () => "बताइए कि क्या बनाना या बदलना है: प्रॉम्प्ट खाली है।",
	promptTooLong: ({ max, got }) =>
		`आपका प्रॉम्प्ट ${f.number(got)} अक्षरों का है; सीमा ${f.number(max)} है। इसे छोटा करके फिर से कोशिश करें।`,
	sizeUnsupported: ({ size, model, sizes }) =>
		sizes.length > 0
			? `${model} ${size} साइज़ की इमेज नहीं बनाता; यह ${f.list(sizes, "or")} लेता है।`
			: `${model} में साइज़ का विकल्प नहीं है; \`size\` हटा दें।`,
	aspectUnsupported: ({ aspect, model }) => `${model} ${aspect} आस्पेक्ट रेशियो नहीं लेता।`,
	imagePixels: ({ name, width, height, minEdge, maxEdge, maxMegapixels }) =>
		`\`${name}\` ${f.plain(width)}×${f.plain(height)} px की है; /background हर तरफ़ ${f.plain(minEdge)} से ${f.plain(maxEdge)} px और ज़्यादा से ज़्यादा ${f.number(maxMegapixels)} मेगापिक्सल की फ़ोटो लेता है (नतीजे फ़ोटो के ही साइज़ के होते हैं)। इसका साइज़ बदलकर फिर से कोशिश करें।`,
	maskAspect: ({ imageWidth, imageHeight, maskWidth, maskHeight }) =>
		`मास्क ${f.plain(maskWidth)}×${f.plain(maskHeight)} px का है, लेकिन फ़ोटो ${f.plain(imageWidth)}×${f.plain(imageHeight)} px की है: मास्क का आकार फ़ोटो जैसा होना चाहिए (उसी आस्पेक्ट रेशियो वाला कोई भी साइज़)। सफ़ेद = रखें, काला = बदलें।`,
	maskUniform: ({ keepsAll }) =>
		keepsAll
			? "मास्क पूरा सफ़ेद है, इसलिए सब कुछ वैसा ही रहेगा और कुछ नहीं बदलेगा। जो बदलना है उसे काला रंगें।"
			: "मास्क पूरा काला है, इसलिए फ़ोटो का कुछ भी नहीं बचेगा। जो रखना है उसे सफ़ेद रंगें।",
	maskExpired: () =>
		"इस मास्क प्रीव्यू की अवधि खत्म हो गई है या इसे पहले ही इस्तेमाल किया जा चुका है (प्रीव्यू एक घंटे तक रहते हैं)। /background फिर से चलाएँ।",
	optionOutOfRange: ({ option, min, max, got }) =>
		`\`${option}\` ${f.number(min)} और ${f.number(max)} के बीच होना चाहिए; आपने ${f.number(got)} दिया।`,
} satisfies Catalogue["userInputMessages"];

const resetTime = (iso: string) =>
	`${f.timestamp(unixSecondsOf(iso), "R")} और मिलेंगी (कोटा हर दिन 00:00 UTC पर रीसेट होता है)`;

export const policyMessages = {
	deniedRole: ({ roleId }) => `इस सर्वर के मॉडरेटर ${roleMention(roleId)} रोल को इमेज बॉट इस्तेमाल करने की अनुमति नहीं देते।`,
	notAllowedRole: ({ allowedRoles }) =>
		`यहाँ सिर्फ़ ${f.list(allowedRoles.map(roleMention), "or")} रोल वाले सदस्य ही इमेज बॉट इस्तेमाल कर सकते हैं।`,
	threadStarterOnly: ({ starterId }) =>
		`इस सर्वर में सिर्फ़ थ्रेड शुरू करने वाला सदस्य (${userMention(starterId)}) ही उसमें टर्न जोड़ सकता है। /imagine से अपना थ्रेड शुरू करें।`,
	blocklisted: ({ matched, reason, presetReason }) => {
		const why = blocklistReason({ reason, presetReason });
		return `आपके प्रॉम्प्ट में "${matched}" है, जिसकी इस सर्वर के मॉडरेटर अनुमति नहीं देते${why ? `: ${withoutFinalStop(why)}` : ""}। Gemini को कुछ नहीं भेजा गया।`;
	},
	cooldown: ({ secondsLeft, cooldownSeconds }) =>
		`थोड़ा रुकिए: यह सर्वर हर ${f.duration(cooldownSeconds, "second")} में एक टर्न की अनुमति देता है। ${f.duration(secondsLeft, "second")} बाद फिर से कोशिश करें।`,
	memberQuota: ({ limit, resetsAt }) => `आप आज की अपनी ${f.number(limit)} इमेज इस्तेमाल कर चुके हैं। ${resetTime(resetsAt)}।`,
	serverQuota: ({ limit, resetsAt }) =>
		`यह सर्वर आज की अपनी ${f.number(limit)} इमेज इस्तेमाल कर चुका है। ${resetTime(resetsAt)}।`,
} satisfies Catalogue["policyMessages"];

const PRESET_REASON_TEXT: Record<PresetReason, string> = {
	sexualContent: "यह सर्वर यौन सामग्री की अनुमति नहीं देता।",
	graphicViolence: "यह सर्वर वीभत्स हिंसा की अनुमति नहीं देता।",
};

export const blocklistReason: Catalogue["blocklistReason"] = (entry) =>
	entry.reason ?? (entry.presetReason ? PRESET_REASON_TEXT[entry.presetReason] : undefined);

export const CATEGORY_LABELS = {
	prohibited: "प्रतिबंधित सामग्री (बाल सुरक्षा)",
	sexual: "यौन सामग्री",
	dangerous: "खतरनाक सामग्री",
	hate: "नफ़रत",
	harassment: "उत्पीड़न",
	celebrity: "किसी असली, मशहूर व्यक्ति का फ़ोटो जैसा चित्रण",
	people: "लोग या चेहरे, जिनकी इस अनुरोध की सेटिंग अनुमति नहीं देती",
	child: "बच्चे, जिनकी इस अनुरोध की सेटिंग अनुमति नहीं देती",
	civic: "नागरिक अखंडता",
	other: "ऐसी सुरक्षा समस्या जिसका नाम Google नहीं बताता",
} satisfies Catalogue["CATEGORY_LABELS"];

const BLOCK_DETAILS: Record<string, string> = {
	BLOCKLIST: "इसमें Google की ब्लॉकलिस्ट के शब्द हैं",
	SPII: "इसमें संवेदनशील निजी जानकारी हो सकती है",
	RECITATION: "नतीजा ऐसी मौजूदा सामग्री से बहुत मिलता-जुलता था जिसे दोबारा बनाने की अनुमति नहीं है",
	IMAGE_RECITATION: "इमेज ऐसी मौजूदा सामग्री से बहुत मिलती-जुलती थी जिसे दोबारा बनाने की अनुमति नहीं है",
	PROHIBITED_CONTENT: "इसमें प्रतिबंधित सामग्री हो सकती है",
	IMAGE_PROHIBITED_CONTENT: "इमेज में प्रतिबंधित सामग्री हो सकती है",
};

export const blockedMessage: Catalogue["blockedMessage"] = (stage, reason, category) => {
	const because = category ? `${CATEGORY_LABELS[category]} की वजह से ` : "";
	const detail = BLOCK_DETAILS[reason] ? ` (${BLOCK_DETAILS[reason]})` : "";
	const head =
		stage === "prompt"
			? `🚫 Gemini के सेफ़्टी फ़िल्टर ने ${because}यह प्रॉम्प्ट ब्लॉक कर दिया${detail}।`
			: `🚫 Gemini ने नतीजा बनाया, लेकिन उसके सेफ़्टी फ़िल्टर ने ${because}उसे रोक लिया${detail}।`;
	return `${head} अनुरोध को दूसरे शब्दों में लिखकर फिर से कोशिश करें। ${NOT_KEPT}`;
};

export const failureMessages = {
	NO_IMAGE: `Gemini ने इमेज बनाए बिना काम खत्म कर दिया। फिर से कोशिश करें, या इमेज के बारे में और साफ़-साफ़ बताएँ। ${NOT_KEPT}`,
	IMAGE_OTHER: `Gemini यह इमेज नहीं बना सका (उसने कोई और वजह नहीं बताई)। फिर से कोशिश करें या दूसरे शब्दों में लिखें। ${NOT_KEPT}`,
	MAX_TOKENS: `इमेज बनाने से पहले ही Gemini की आउटपुट सीमा खत्म हो गई। एक टर्न में कम चीज़ें माँगें। ${NOT_KEPT}`,
	OTHER: `Gemini बिना इमेज के रुक गया और उसने वजह नहीं बताई। फिर से कोशिश करें। ${NOT_KEPT}`,
	EMPTY: `Gemini ने कुछ भी नहीं लौटाया। थोड़ी देर में फिर से कोशिश करें। ${NOT_KEPT}`,
} satisfies Catalogue["failureMessages"];
