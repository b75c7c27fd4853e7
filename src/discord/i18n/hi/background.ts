// src/discord/i18n/hi/background.ts: /background: मास्क प्रीव्यू, हर नतीजे का हाल और जानकारी कार्ड की लाइन (हिन्दी)।
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { userMention } from "../markup.js";

const f = formattersFor("hi");
const result = (index: number) => `नतीजा ${f.number(index)}`;
const because = (category?: string) => (category ? `${category} की वजह से ` : "");

const sources: Record<string, string> = {
	user: "आपका मास्क",
	alpha: "फ़ोटो की पारदर्शिता",
	classical: "यहीं गणना की गई (बैकग्राउंड रंग मॉडल और GrabCut)",
	gemini: "Gemini से गणना की गई (एक सादे रंग पर अलग करके)",
};

export const backgroundMessages = {
	sources,
	doubts: {
		coverage: "यह फ़ोटो का बहुत कम या बहुत ज़्यादा हिस्सा रखता है",
		parts: "इसमें कोई साफ़ वस्तु नहीं है या बहुत सारे अलग-अलग हिस्से हैं",
		border: "यह फ़ोटो के किनारों के साथ-साथ चलता है",
		disagreement: "प्रोडक्ट ढूँढने के दो तरीके आपस में मेल नहीं खाते",
		segmenterFailed: "प्रोडक्ट ढूँढने का पहला तरीका काम नहीं आया",
	},
	preview: (userId, source, doubts) =>
		`${userMention(userId)}, मुझे इस मास्क पर पूरा भरोसा नहीं है (${f.list(doubts, "and")})। रंगा हुआ हिस्सा बदला जाएगा; बाकी पिक्सेल-दर-पिक्सेल वैसा ही रहेगा। मास्क: ${source}। इसे इस्तेमाल करें, या रद्द करके अपनी \`mask_image\` अटैच करें (सफ़ेद = रखें, काला = बदलें)। अभी तक कुछ भी बनाया या गिना नहीं गया है।`,
	previewNotYours: "इस मास्क की पुष्टि या इसे रद्द सिर्फ़ वही सदस्य कर सकता है जिसने /background चलाया था।",
	previewExpired: "इस मास्क प्रीव्यू की अवधि खत्म हो गई है (प्रीव्यू एक घंटे तक रहते हैं)। /background फिर से चलाएँ।",
	previewCancelled: "रद्द कर दिया: कुछ भी बनाया या गिना नहीं गया।",
	heading: (userId, title) => `🖼️ ${userMention(userId)}: ${title}`,
	verified: (count, source) =>
		`-# ✅ ${count === 1 ? "इस नतीजे" : `सभी ${f.number(count)} नतीजों`} में प्रोडक्ट के पिक्सेल आपकी फ़ोटो जैसे ही होने की पुष्टि हुई · मास्क: ${source}`,
	notComposited: (source) =>
		`-# 🎨 keep_product:false: मॉडल ने जैसी इमेज बनाई, वैसी ही; कंपोज़िट नहीं की गई (मास्क: ${source})।`,
	resultBlocked: (index, stage, category) =>
		stage === "prompt"
			? `🚫 ${result(index)}: Gemini के सेफ़्टी फ़िल्टर ने ${because(category)}अनुरोध ब्लॉक कर दिया। प्रॉम्प्ट को दूसरे शब्दों में लिखकर फिर से कोशिश करें।`
			: `🚫 ${result(index)}: Gemini ने इसे बनाया, लेकिन उसके सेफ़्टी फ़िल्टर ने ${because(category)}इसे रोक लिया; यह न पोस्ट होगा, न गिना जाएगा।`,
	resultRefused: (index, text) =>
		`${result(index)}: Gemini ने इमेज की जगह टेक्स्ट में जवाब दिया: “${text.length > 300 ? `${text.slice(0, 300)}…` : text}”`,
	resultFailed: (index) => `${result(index)}: Gemini ने इमेज बनाए बिना काम खत्म कर दिया; इसे गिना नहीं गया।`,
	resultDrifted: (index, iou) =>
		`${result(index)}: मॉडल ने प्रोडक्ट को खिसका दिया या उसका आकार बदल दिया (दोनों बार उसका सिर्फ़ ${f.percent(iou, 1)} हिस्सा अपनी जगह पर रहा), इसलिए मैंने इसे पोस्ट नहीं किया। फिर से कोशिश करें, या ऐसा दृश्य बताएँ जो प्रोडक्ट की जगह से मेल खाए।`,
	resultTooLarge: (index, mb) =>
		`${result(index)}: लॉसलेस PNG के रूप में यह ${f.decimal(mb, 1)} MB का है, जो Discord की 10 MB प्रति फ़ाइल की सीमा से ज़्यादा है, और इसे दोबारा एन्कोड करने से प्रोडक्ट बदल जाएगा। कोई छोटी फ़ोटो भेजें।`,
	infoLine: (background) =>
		background.keepProduct
			? `**बैकग्राउंड बदला गया:** मास्क: ${sources[background.source] ?? background.source}; ${background.verified ? "प्रोडक्ट के पिक्सेल मूल जैसे ही होने की पुष्टि हुई" : "प्रोडक्ट के पिक्सेल की पुष्टि नहीं हुई"}`
			: `**बैकग्राउंड बदला गया:** मास्क: ${sources[background.source] ?? background.source}; keep_product:false, कंपोज़िट नहीं किया गया`,
} satisfies Catalogue["backgroundMessages"];
