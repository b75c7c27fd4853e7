import { ApiError } from "@google/genai";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { TurnInterrupted } from "../../../src/conversation/lifecycle.js";
import { english } from "../../../src/discord/i18n/catalogue.js";
import { describeError } from "../../../src/discord/routing/describeError.js";
import { type UserInputCode, type UserInputDetails, UserInputError } from "../../../src/errors.js";
import { GeminiGaveUp } from "../../../src/gemini/errors.js";
import { type PolicyDenialCode, type PolicyDenialDetails, PolicyDenied } from "../../../src/moderation/policyErrors.js";

/** These tests read the English catalogue. */
const t = english;

const MODEL = "gemini-test-image-model";
const REF = /^[0-9a-f]{8}$/;
/** Put in every error's message that can carry one: the member must never see it. */
const SECRET = "internal detail sk-0123456789";

type Expected = { text: string[]; level: "info" | "warn" | "error"; kind: string; showsRef: boolean };

/** The member line holds every expected fragment, never the error's message or stack, and the ref only where it says. */
function expectDescribed(err: unknown, expected: Expected): void {
	const described = describeError(err, MODEL, t);
	expect(described.ref).toMatch(REF);
	expect(described.level).toBe(expected.level);
	expect(described.kind).toBe(expected.kind);
	for (const fragment of expected.text) expect(described.text).toContain(fragment);
	if (expected.showsRef) expect(described.text).toContain(`\`${described.ref}\``);
	else expect(described.text).not.toContain(described.ref);
	if (err instanceof Error) {
		expect(described.text).not.toContain(err.message);
		if (err.stack) expect(described.text).not.toContain(err.stack);
	}
	expect(described.text).not.toContain(SECRET);
	expect(described.text).not.toMatch(/\n\s+at /);
}

const inputCases: { [Code in UserInputCode]: { details: UserInputDetails[Code]; text: string[] } } = {
	tooManyImages: { details: { max: 3, got: 5 }, text: ["You attached 5 images", "at most 3 per turn"] },
	imageTooLarge: { details: { name: "cat.png", maxMb: 10 }, text: ["`cat.png`", "larger than 10 MB"] },
	notAnImage: { details: { name: "notes.txt" }, text: ["`notes.txt` is not an image", "PNG, JPEG"] },
	imageUnreadable: { details: { name: "broken.jpg" }, text: ["`broken.jpg`", "damaged or too large to decode"] },
	imageDownloadFailed: { details: { name: "far.webp" }, text: ["could not download `far.webp`"] },
	imageDownloadTimeout: { details: { name: "slow.gif", seconds: 15 }, text: ["`slow.gif`", "longer than 15 s"] },
	promptEmpty: { details: {}, text: ["the prompt is empty"] },
	promptTooLong: { details: { max: 2_000, got: 2_345 }, text: ["2345 characters", "the limit is 2000"] },
	sizeUnsupported: {
		details: { size: "4K", model: "flash-image", sizes: ["1K", "2K"] },
		text: ["flash-image does not make 4K images", "1K, 2K"],
	},
	aspectUnsupported: { details: { aspect: "21:9", model: "flash-image" }, text: ["flash-image", "aspect ratio 21:9"] },
	imagePixels: {
		details: { name: "huge.png", width: 9000, height: 5000, minEdge: 64, maxEdge: 4096, maxMegapixels: 12 },
		text: ["`huge.png` is 9000×5000 px", "4096 px"],
	},
	maskAspect: {
		details: { imageWidth: 400, imageHeight: 300, maskWidth: 300, maskHeight: 300 },
		text: ["300×300", "400×300"],
	},
	maskUniform: { details: { keepsAll: true }, text: ["all white"] },
	maskExpired: { details: {}, text: ["expired"] },
	optionOutOfRange: { details: { option: "count", min: 1, max: 4, got: 9 }, text: ["`count` must be between 1 and 4"] },
};

const RESETS_AT = "2030-01-02T00:00:00.000Z";
const policyCases: { [Code in PolicyDenialCode]: { details: PolicyDenialDetails[Code]; text: string[] } } = {
	deniedRole: { details: { roleId: "111" }, text: ["<@&111>"] },
	notAllowedRole: { details: { allowedRoles: ["222", "333"] }, text: ["<@&222> or <@&333>"] },
	threadStarterOnly: { details: { starterId: "444" }, text: ["<@444>", "/imagine"] },
	blocklisted: {
		details: { matched: "forbidden words", pattern: "forbidden", reason: "Keep it friendly." },
		text: ['"forbidden words"', "Keep it friendly.", "Nothing was sent to Gemini"],
	},
	cooldown: { details: { secondsLeft: 7, cooldownSeconds: 30 }, text: ["every 30 s", "again in 7 s"] },
	memberQuota: {
		details: { limit: 20, used: 20, requested: 1, resetsAt: RESETS_AT },
		text: ["your 20 images", `<t:${Date.parse(RESETS_AT) / 1_000}:R>`],
	},
	serverQuota: {
		details: { limit: 500, used: 499, requested: 2, resetsAt: RESETS_AT },
		text: ["its 500 images", `<t:${Date.parse(RESETS_AT) / 1_000}:R>`],
	},
};

/** An ApiError as @google/genai throws it: the status, and the response's JSON body as the message. */
function apiError(status: number, details: object[] = []): ApiError {
	const body = { error: { code: status, message: SECRET, status: "SOME_STATUS", details } };
	return new ApiError({ message: JSON.stringify(body), status });
}

const retryInfo = (retryDelay: string) => ({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay });

/** A DiscordAPIError as @discordjs/rest throws it for a failed request. */
function discordError(code: number, status: number, message: string): DiscordAPIError {
	return new DiscordAPIError(
		{ code, message },
		code,
		status,
		"POST",
		"https://discord.com/api/v10/channels/1/threads",
		{
			body: { name: SECRET },
		},
	);
}

const TURN_PERMISSIONS = "Send Messages, Attach Files, Create Public Threads and Send Messages in Threads";

describe("describeError", () => {
	it.each(Object.entries(inputCases))("renders UserInputError %s with its details", (code, { details, text }) => {
		const err = new UserInputError(code as UserInputCode, details as never);
		expectDescribed(err, { text, level: "info", kind: code, showsRef: false });
	});

	it.each(Object.entries(policyCases))("renders PolicyDenied %s with its details", (code, { details, text }) => {
		const err = new PolicyDenied(code as PolicyDenialCode, details as never);
		expectDescribed(err, { text, level: "info", kind: `policy:${code}`, showsRef: false });
	});

	it.each<[string, unknown, Expected]>([
		[
			"GeminiGaveUp deadline",
			new GeminiGaveUp("deadline", { seconds: 90 }, { cause: new Error(SECRET) }),
			{ text: ["did not answer in time", "I waited 90 s"], level: "warn", kind: "gemini:deadline", showsRef: false },
		],
		[
			"GeminiGaveUp quotaExhausted with a wait",
			new GeminiGaveUp("quotaExhausted", { retryAfterSeconds: 600 }, { cause: apiError(429) }),
			{ text: ["in about 10 min"], level: "warn", kind: "gemini:quotaExhausted", showsRef: false },
		],
		[
			"GeminiGaveUp quotaExhausted without a wait",
			new GeminiGaveUp("quotaExhausted", {}),
			{ text: ["try again later"], level: "warn", kind: "gemini:quotaExhausted", showsRef: false },
		],
		[
			"TurnInterrupted",
			new TurnInterrupted(),
			{ text: ["I am restarting", "Send it again"], level: "info", kind: "interrupted", showsRef: false },
		],
		[
			"ApiError 429 with RetryInfo",
			apiError(429, [{ "@type": "type.googleapis.com/google.rpc.QuotaFailure" }, retryInfo("37s")]),
			{ text: ["quota", "try again in about 37 s"], level: "warn", kind: "geminiQuota", showsRef: false },
		],
		[
			"ApiError 429 with a fractional RetryInfo",
			apiError(429, [retryInfo("12.2s")]),
			{ text: ["try again in about 13 s"], level: "warn", kind: "geminiQuota", showsRef: false },
		],
		[
			"ApiError 429 without RetryInfo",
			apiError(429),
			{ text: ["quota", "try again in a minute"], level: "warn", kind: "geminiQuota", showsRef: false },
		],
		[
			"ApiError 429 whose message is not JSON",
			new ApiError({ message: SECRET, status: 429 }),
			{ text: ["try again in a minute"], level: "warn", kind: "geminiQuota", showsRef: false },
		],
		[
			"ApiError 500",
			apiError(500),
			{ text: ["overloaded or unavailable"], level: "warn", kind: "geminiUnavailable", showsRef: false },
		],
		[
			"ApiError 503",
			apiError(503),
			{ text: ["overloaded or unavailable"], level: "warn", kind: "geminiUnavailable", showsRef: false },
		],
		[
			"ApiError 401",
			apiError(401),
			{ text: ["API key was refused"], level: "error", kind: "geminiAuth", showsRef: true },
		],
		[
			"ApiError 403",
			apiError(403),
			{ text: ["API key was refused"], level: "error", kind: "geminiAuth", showsRef: true },
		],
		[
			"ApiError 404",
			apiError(404),
			{ text: [`\`${MODEL}\` is not available`], level: "error", kind: "geminiModelMissing", showsRef: false },
		],
		[
			"ApiError 400",
			apiError(400),
			{ text: ["rejected this request as invalid"], level: "error", kind: "geminiRejected", showsRef: true },
		],
		[
			"a TimeoutError DOMException",
			new DOMException(SECRET, "TimeoutError"),
			{ text: ["took too long to answer"], level: "warn", kind: "geminiTimeout", showsRef: false },
		],
		[
			"an Error named TimeoutError",
			Object.assign(new Error(SECRET), { name: "TimeoutError" }),
			{ text: ["took too long to answer"], level: "warn", kind: "geminiTimeout", showsRef: false },
		],
		[
			"DiscordAPIError 50013 Missing Permissions",
			discordError(50013, 403, "Missing Permissions"),
			{ text: [TURN_PERMISSIONS], level: "warn", kind: "discordPermissions", showsRef: false },
		],
		[
			"DiscordAPIError 50001 Missing Access",
			discordError(50001, 403, "Missing Access"),
			{ text: [TURN_PERMISSIONS], level: "warn", kind: "discordPermissions", showsRef: false },
		],
		[
			"another DiscordAPIError",
			discordError(10003, 404, "Unknown Channel"),
			{ text: ["Something went wrong on my side"], level: "error", kind: "unexpected", showsRef: true },
		],
		[
			"a plain Error",
			new Error(SECRET),
			{ text: ["Something went wrong on my side"], level: "error", kind: "unexpected", showsRef: true },
		],
		[
			"a thrown string",
			SECRET,
			{ text: ["Something went wrong on my side"], level: "error", kind: "unexpected", showsRef: true },
		],
		[
			"a thrown object",
			{ message: SECRET },
			{ text: ["Something went wrong on my side"], level: "error", kind: "unexpected", showsRef: true },
		],
		[
			"undefined",
			undefined,
			{ text: ["Something went wrong on my side"], level: "error", kind: "unexpected", showsRef: true },
		],
	])("describes %s", (_, err, expected) => {
		expectDescribed(err, expected);
	});

	it("gives each error its own ref", () => {
		const refs = new Set(Array.from({ length: 20 }, () => describeError(new Error(SECRET), MODEL, t).ref));
		expect(refs.size).toBe(20);
	});
});
