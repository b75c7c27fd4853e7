import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { KNOWN_MODELS } from "../../src/gemini/models.js";
import { moderationEnvSchema, parseModerationConfig } from "../../src/moderation/config.js";

describe("parseModerationConfig", () => {
	it("defaults to every known model, BLOCK_ONLY_HIGH and the documented limits", () => {
		const config = parseModerationConfig({});
		expect(config.defaultModel).toBe("gemini-3.1-flash-image");
		expect(config.allowedModels[0]).toBe("gemini-3.1-flash-image");
		expect([...config.allowedModels].sort()).toEqual(Object.keys(KNOWN_MODELS).sort());
		expect(config.safetyMostPermissive).toBe("BLOCK_ONLY_HIGH");
		expect(config.defaultLimits).toEqual({ cooldownSeconds: 0, memberDailyImages: 25, serverDailyImages: 250 });
	});

	it("always allows GEMINI_MODEL, first, even when ALLOWED_MODELS leaves it out", () => {
		const config = parseModerationConfig({
			GEMINI_MODEL: "models/my-image-model",
			ALLOWED_MODELS: " gemini-3-pro-image , models/gemini-2.5-flash-image,,",
		});
		expect(config.defaultModel).toBe("my-image-model");
		expect(config.allowedModels).toEqual(["my-image-model", "gemini-3-pro-image", "gemini-2.5-flash-image"]);
	});

	it("reads the operator's bound and limits, and treats an empty variable as unset rather than 0 (unlimited)", () => {
		const config = parseModerationConfig({
			SAFETY_MOST_PERMISSIVE: "OFF",
			DEFAULT_COOLDOWN_SECONDS: "0",
			DEFAULT_MEMBER_DAILY_IMAGES: "",
			DEFAULT_SERVER_DAILY_IMAGES: "1000",
		});
		expect(config.safetyMostPermissive).toBe("OFF");
		expect(config.defaultLimits).toEqual({ cooldownSeconds: 0, memberDailyImages: 25, serverDailyImages: 1000 });
	});

	it("names every bad variable in one ZodError", () => {
		let error: unknown;
		try {
			parseModerationConfig({
				SAFETY_MOST_PERMISSIVE: "BLOCK_SOME",
				DEFAULT_MEMBER_DAILY_IMAGES: "-1",
				ALLOWED_MODELS: "a b",
			});
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(ZodError);
		const paths = (error as ZodError).issues.map((issue) => issue.path.join("."));
		expect(paths).toEqual(
			expect.arrayContaining(["SAFETY_MOST_PERMISSIVE", "DEFAULT_MEMBER_DAILY_IMAGES", "ALLOWED_MODELS.0"]),
		);
	});

	it("exposes a z.object that src/config.ts can merge", () => {
		expect(Object.keys(moderationEnvSchema.shape)).toEqual([
			"GEMINI_MODEL",
			"ALLOWED_MODELS",
			"SAFETY_MOST_PERMISSIVE",
			"DEFAULT_COOLDOWN_SECONDS",
			"DEFAULT_MEMBER_DAILY_IMAGES",
			"DEFAULT_SERVER_DAILY_IMAGES",
		]);
	});
});
