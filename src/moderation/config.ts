// src/moderation/config.ts: the environment variables the moderation layer adds, for src/config.ts to merge.
import { z } from "zod";
import { bareModelId, DEFAULT_MODEL, KNOWN_MODELS } from "../gemini/models.js";
import { withoutBlankValues } from "../withoutBlankValues.js";
import { SAFETY_THRESHOLDS, type SafetyThreshold } from "./settings.js";

const modelList = z
	.string()
	.optional()
	.transform((value) =>
		(value ?? "")
			.split(",")
			.map((id) => bareModelId(id.trim()))
			.filter((id) => id.length > 0),
	)
	.pipe(z.array(z.string().regex(/^[\w.-]{1,100}$/, "must list model ids such as gemini-3-pro-image")));

// Parsed after withoutBlankValues: an empty `NAME=` is unset here, never coerced to 0 (which means unlimited).
const count = (max: number, fallback: number) => z.coerce.number().int().min(0).max(max).default(fallback);

/**
 * The moderation variables, each with its default:
 * - ALLOWED_MODELS: comma-separated model ids servers may pick; default every model in src/gemini/models.ts.
 *   GEMINI_MODEL (the default model) is always allowed.
 * - SAFETY_MOST_PERMISSIVE: the loosest HarmBlockThreshold any server may choose; default BLOCK_ONLY_HIGH, so
 *   BLOCK_NONE and OFF need the operator's consent.
 * - DEFAULT_COOLDOWN_SECONDS (0: off, so quick iterations in a thread are not refused; the thread's queue already
 *   runs them one at a time), DEFAULT_MEMBER_DAILY_IMAGES (25), DEFAULT_SERVER_DAILY_IMAGES (250): the limits of
 *   a server that set none; 0 = unlimited. 250 images a day is about $17 on the default model.
 * GEMINI_MODEL (default DEFAULT_MODEL, without a "models/" prefix) is read here, and src/config.ts takes it from
 * here, so the schema parses on its own. Parse the environment through withoutBlankValues first.
 */
export const moderationEnvSchema = z.object({
	GEMINI_MODEL: z
		.string()
		.trim()
		.transform(bareModelId)
		.pipe(z.string().min(1, "must name a model such as gemini-3-pro-image"))
		.default(DEFAULT_MODEL),
	ALLOWED_MODELS: modelList,
	SAFETY_MOST_PERMISSIVE: z
		.enum(SAFETY_THRESHOLDS, { error: `must be one of ${SAFETY_THRESHOLDS.join(", ")}` })
		.default("BLOCK_ONLY_HIGH"),
	DEFAULT_COOLDOWN_SECONDS: count(86_400, 0),
	DEFAULT_MEMBER_DAILY_IMAGES: count(1_000_000, 25),
	DEFAULT_SERVER_DAILY_IMAGES: count(1_000_000, 250),
});

export type ModerationEnv = z.infer<typeof moderationEnvSchema>;

export type ModerationConfig = {
	/** The model a server gets until it picks another (GEMINI_MODEL). */
	defaultModel: string;
	/** Models a server may pick, default first. */
	allowedModels: string[];
	safetyMostPermissive: SafetyThreshold;
	defaultLimits: { cooldownSeconds: number; memberDailyImages: number; serverDailyImages: number };
};

/** Turns parsed moderation variables into a ModerationConfig (for src/config.ts, which parses the whole env). */
export function toModerationConfig(env: ModerationEnv): ModerationConfig {
	const listed = env.ALLOWED_MODELS.length > 0 ? env.ALLOWED_MODELS : Object.keys(KNOWN_MODELS);
	return {
		defaultModel: env.GEMINI_MODEL,
		allowedModels: [...new Set([env.GEMINI_MODEL, ...listed])],
		safetyMostPermissive: env.SAFETY_MOST_PERMISSIVE,
		defaultLimits: {
			cooldownSeconds: env.DEFAULT_COOLDOWN_SECONDS,
			memberDailyImages: env.DEFAULT_MEMBER_DAILY_IMAGES,
			serverDailyImages: env.DEFAULT_SERVER_DAILY_IMAGES,
		},
	};
}

/** Parses the moderation variables of `env` (blank ones are unset); throws a ZodError naming every problem. */
export function parseModerationConfig(env: Record<string, string | undefined>): ModerationConfig {
	return toModerationConfig(moderationEnvSchema.parse(withoutBlankValues(env)));
}
