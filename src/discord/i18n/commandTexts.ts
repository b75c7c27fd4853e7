// src/discord/i18n/commandTexts.ts: the English descriptions and choice names of every command, by command and option path.
import { DEFAULT_JOB, MAX_RESULTS } from "../../background/types.js";
import { SETTING_KEYS, type SettingKey } from "../../moderation/validateSetting.js";
import { settingsMessages } from "../messages.js";

/** @see https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure */
export const MAX_CHOICE_NAME = 100;

/** A /settings key choice: the key itself (what the command receives) and what it is, in the catalogue's words. */
export const settingKeyChoices = (hint: (key: SettingKey) => string) =>
	Object.fromEntries(SETTING_KEYS.map((key) => [key, `${key} — ${hint(key)}`])) as Record<SettingKey, string>;

const scope = "server, or channel (its value beats the server's); default: server unless you pick a channel";
const scopeChannel = "With scope:channel, which channel (default: this one; a thread means its parent)";
const image = "An image to start from or use";

/**
 * What each command and option says in Discord's command picker. `options` is keyed by the option's path below the
 * command ("blocklist add pattern"), `choices` by option name, then by choice value. Command and option names are
 * not translated: they are the contract's, and every message quotes them (`/imagine prompt:`, `scope:channel`).
 * A context-menu command has a `name` instead: its name is the label members read.
 */
export const commandTexts = {
	imagine: {
		description: "Make or edit an image with Gemini; the thread becomes the conversation",
		options: {
			prompt: "What to make or change",
			image,
			image2: image,
			image3: image,
			aspect: "Aspect ratio (default: square, or the input image's)",
			output: "Image only, or image and text (default)",
			size: "Image size, where the model takes it",
		},
		choices: { output: { image: "image", image_and_text: "image_and_text" } },
	},
	background: {
		description: "Put a product photo on a new background; the product stays pixel for pixel",
		options: {
			image: "The product photo (at most 10 MB)",
			prompt: "The new background, e.g. on a marble countertop, soft morning light",
			mask: "What is replaced: background (default), foreground, or everything but people",
			mask_image: "Your own mask: white = keep, black = replace (at most 10 MB)",
			dilation: "Grow the replaced area by this fraction of the width (0 to 1, default 0)",
			count: `How many results (1 to ${MAX_RESULTS}, default ${DEFAULT_JOB.count})`,
			keep_product: "false: skip compositing the original product back (artistic edits)",
		},
		choices: { mask: { background: "background", foreground: "foreground", people: "people" } },
	},
	undo: { description: "Take the last turn out of this thread's image conversation" },
	forget: { description: "Clear this thread's image conversation history" },
	settings: {
		description: "View or change how the image bot behaves here (Manage Server)",
		options: {
			view: "The effective settings of this channel, and where each value comes from",
			"view channel": "Show another channel's settings (a thread shows its parent's)",
			set: "Change one setting for the server or for one channel",
			"set key": "The setting",
			"set value": "The new value (for roles or channels, mention them)",
			"set scope": scope,
			"set channel": scopeChannel,
			reset: "Remove a setting's value at this scope, so it inherits again",
			"reset key": "The setting",
			"reset scope": scope,
			"reset channel": scopeChannel,
			blocklist: "Words or /patterns/ refused before any model call",
			"blocklist add": "Refuse prompts containing a word, phrase or /regex/",
			"blocklist add pattern": "A word or phrase (whole words, any case), or /regex/",
			"blocklist add reason": "Shown to the member whose prompt is refused",
			"blocklist add scope": scope,
			"blocklist add channel": scopeChannel,
			"blocklist remove": "Take a word or /regex/ off the blocklist",
			"blocklist remove pattern": "The entry as it was added",
			"blocklist remove scope": scope,
			"blocklist remove channel": scopeChannel,
		},
		choices: {
			key: settingKeyChoices(settingsMessages.hint),
			scope: { server: "server", channel: "channel" },
		},
	},
	usage: { description: "Your images today, what is left of your quota and the server's, and when they reset" },
	help: { description: "How to make and edit images with this bot" },
	"Edit image": { name: "Edit image" },
};
