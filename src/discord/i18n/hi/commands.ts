// src/discord/i18n/hi/commands.ts: कमांड और विकल्पों के विवरण, और चुनावों के नाम (हिन्दी)।
import { DEFAULT_JOB, MAX_RESULTS } from "../../../background/types.js";
import type { Catalogue } from "../catalogue.js";
import { settingKeyChoices } from "../commandTexts.js";
import { settingsMessages } from "./moderation.js";

const scope = "server, या channel (इसकी वैल्यू सर्वर से ऊपर है); डिफ़ॉल्ट: server, जब तक आप कोई चैनल न चुनें";
const scopeChannel = "scope:channel के साथ, कौन-सा चैनल (डिफ़ॉल्ट: यही; थ्रेड का मतलब उसका पैरेंट चैनल)";
const image = "शुरुआत के लिए या इस्तेमाल करने के लिए इमेज";

export const commands = {
	imagine: {
		description: "Gemini से इमेज बनाएँ या एडिट करें; थ्रेड ही बातचीत बन जाता है",
		options: {
			prompt: "क्या बनाना या बदलना है",
			image,
			image2: image,
			image3: image,
			aspect: "आस्पेक्ट रेशियो (डिफ़ॉल्ट: चौकोर, या इनपुट इमेज जैसा)",
			output: "सिर्फ़ इमेज, या इमेज और टेक्स्ट (डिफ़ॉल्ट)",
			size: "इमेज का साइज़, जहाँ मॉडल इसे लेता हो",
		},
		choices: { output: { image: "सिर्फ़ इमेज", image_and_text: "इमेज और टेक्स्ट" } },
	},
	background: {
		description: "प्रोडक्ट फ़ोटो को नए बैकग्राउंड पर रखें; प्रोडक्ट पिक्सेल-दर-पिक्सेल वैसा ही रहता है",
		options: {
			image: "प्रोडक्ट की फ़ोटो (ज़्यादा से ज़्यादा 10 MB)",
			prompt: "नया बैकग्राउंड, जैसे संगमरमर के काउंटर पर, सुबह की हल्की रोशनी",
			mask: "क्या बदलेगा: बैकग्राउंड (डिफ़ॉल्ट), फ़ोरग्राउंड, या लोगों के अलावा सब कुछ",
			mask_image: "आपका अपना मास्क: सफ़ेद = रखें, काला = बदलें (ज़्यादा से ज़्यादा 10 MB)",
			dilation: "बदले जाने वाले हिस्से को चौड़ाई के इतने हिस्से से बढ़ाएँ (0 से 1, डिफ़ॉल्ट 0)",
			count: `कितने नतीजे (1 से ${MAX_RESULTS}, डिफ़ॉल्ट ${DEFAULT_JOB.count})`,
			keep_product: "false: मूल प्रोडक्ट को वापस कंपोज़िट न करें (कलात्मक एडिट के लिए)",
		},
		choices: { mask: { background: "बैकग्राउंड", foreground: "फ़ोरग्राउंड", people: "लोगों के अलावा सब कुछ" } },
	},
	undo: { description: "इस थ्रेड की इमेज बातचीत से आखिरी टर्न हटाएँ" },
	forget: { description: "इस थ्रेड की इमेज बातचीत की हिस्ट्री मिटाएँ" },
	settings: {
		description: "देखें या बदलें कि इमेज बॉट यहाँ कैसे काम करता है (सर्वर प्रबंधित करें)",
		options: {
			view: "इस चैनल की लागू सेटिंग, और हर वैल्यू कहाँ से आई",
			"view channel": "किसी दूसरे चैनल की सेटिंग दिखाएँ (थ्रेड अपने पैरेंट चैनल की दिखाता है)",
			set: "सर्वर या किसी एक चैनल के लिए एक सेटिंग बदलें",
			"set key": "सेटिंग",
			"set value": "नई वैल्यू (रोल या चैनल के लिए उन्हें मेंशन करें)",
			"set scope": scope,
			"set channel": scopeChannel,
			reset: "इस दायरे में किसी सेटिंग की वैल्यू हटाएँ, ताकि वह फिर से ऊपर की सेटिंग ले",
			"reset key": "सेटिंग",
			"reset scope": scope,
			"reset channel": scopeChannel,
			blocklist: "शब्द या /पैटर्न/ जिन्हें किसी भी मॉडल कॉल से पहले रोका जाता है",
			"blocklist add": "किसी शब्द, वाक्यांश या /regex/ वाले प्रॉम्प्ट रोकें",
			"blocklist add pattern": "कोई शब्द या वाक्यांश (पूरे शब्द, कोई भी केस), या /regex/",
			"blocklist add reason": "जिस सदस्य का प्रॉम्प्ट रुका, उसे दिखाया जाता है",
			"blocklist add scope": scope,
			"blocklist add channel": scopeChannel,
			"blocklist remove": "ब्लॉकलिस्ट से कोई शब्द या /regex/ हटाएँ",
			"blocklist remove pattern": "एंट्री, जैसे वह जोड़ी गई थी",
			"blocklist remove scope": scope,
			"blocklist remove channel": scopeChannel,
		},
		choices: {
			key: settingKeyChoices(settingsMessages.hint),
			// Messages quote these values (`scope:server`), so they stay as typed.
			scope: { server: "server", channel: "channel" },
		},
	},
	usage: { description: "आज आपकी इमेज, आपका और सर्वर का बचा कोटा, और वे कब रीसेट होंगे" },
	help: { description: "इस बॉट से इमेज बनाने और एडिट करने का तरीका" },
	"Edit image": { name: "इमेज एडिट करें" },
} satisfies Catalogue["commands"];
