// src/discord/i18n/hi/index.ts: the Hindi catalogue.
import type { Catalogue } from "../catalogue.js";
import { backgroundMessages } from "./background.js";
import { commands } from "./commands.js";
import { modlogMessages, settingsMessages, usageMessages } from "./moderation.js";
import {
	blockedMessage,
	blocklistReason,
	CATEGORY_LABELS,
	failureMessages,
	policyMessages,
	userInputMessages,
} from "./refusals.js";
import { auditReasons, labels, messages, TURN_PERMISSION_NAMES } from "./turns.js";

export const hi = {
	userInputMessages,
	policyMessages,
	blocklistReason,
	CATEGORY_LABELS,
	blockedMessage,
	failureMessages,
	labels,
	auditReasons,
	TURN_PERMISSION_NAMES,
	messages,
	modlogMessages,
	settingsMessages,
	usageMessages,
	backgroundMessages,
	commands,
} satisfies Catalogue;
