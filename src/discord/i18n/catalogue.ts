// src/discord/i18n/catalogue.ts: the English catalogue (what messages.ts exports) and the type every other locale satisfies.
import {
	auditReasons,
	backgroundMessages,
	blockedMessage,
	blocklistReason,
	CATEGORY_LABELS,
	failureMessages,
	labels,
	messages,
	modlogMessages,
	policyMessages,
	settingsMessages,
	TURN_PERMISSION_NAMES,
	usageMessages,
	userInputMessages,
} from "../messages.js";
import { commandTexts } from "./commandTexts.js";

/** English, as members read it today; its shape is the contract the other locales are checked against. */
export const english = {
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
	commands: commandTexts,
};

/** A type with every literal string widened to `string`, keeping keys, nesting and each function's parameters. */
export type Widen<T> = T extends string
	? string
	: T extends (...args: infer Parameters) => infer Result
		? (...args: Parameters) => Widen<Result>
		: T extends object
			? { readonly [Key in keyof T]: Widen<T[Key]> }
			: T;

/**
 * A complete catalogue: every key English has, each text a string or a function of English's parameters. A locale
 * written `satisfies Catalogue` fails the type check when it misses a key or keeps one English dropped; the table
 * test (test/discord/i18n/catalogue.test.ts) checks that it shows every value it is given.
 */
export type Catalogue = Widen<typeof english>;
