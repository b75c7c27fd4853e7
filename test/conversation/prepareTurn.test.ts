import { describe, expect, it } from "vitest";
import { type AttachmentInfo, checkTurnInput, MAX_PROMPT_CHARS } from "../../src/conversation/prepareTurn.js";
import type { TurnOptions } from "../../src/conversation/types.js";
import { type UserInputCode, UserInputError } from "../../src/errors.js";
import { MAX_INPUT_IMAGE_BYTES } from "../../src/images/downloadImage.js";

const attachment = (index: number, size = 100_000): AttachmentInfo => ({
	url: `https://cdn.example.test/attachments/${index}.png`,
	name: `image-${index}.png`,
	size,
});
const attachments = (count: number) => Array.from({ length: count }, (_, index) => attachment(index));

type Input = Parameters<typeof checkTurnInput>[0];
const input = (overrides: Partial<Input> = {}): Input => ({
	text: "a banana in space",
	attachments: [],
	options: { output: "image_and_text" },
	model: "gemini-3.1-flash-image",
	...overrides,
});

function errorOf(value: Input): UserInputError {
	try {
		checkTurnInput(value);
	} catch (err) {
		expect(err).toBeInstanceOf(UserInputError);
		return err as UserInputError;
	}
	throw new Error("checkTurnInput accepted the input");
}

const withOptions = (options: Partial<TurnOptions>, model: string) =>
	input({ model, options: { output: "image_and_text", ...options } });

describe("checkTurnInput", () => {
	it.each<[string, Input, UserInputCode, unknown]>([
		["an empty prompt without images", input({ text: "   \n " }), "promptEmpty", {}],
		[
			"an over-long prompt",
			input({ text: "x".repeat(MAX_PROMPT_CHARS + 1) }),
			"promptTooLong",
			{ max: MAX_PROMPT_CHARS, got: MAX_PROMPT_CHARS + 1 },
		],
		[
			"four images for gemini-2.5-flash-image",
			input({ model: "gemini-2.5-flash-image", attachments: attachments(4) }),
			"tooManyImages",
			{ max: 3, got: 4 },
		],
		[
			"fifteen images for gemini-3.1-flash-image",
			input({ attachments: attachments(15) }),
			"tooManyImages",
			{ max: 14, got: 15 },
		],
		[
			"a declared size over the cap",
			input({ attachments: [attachment(0), { ...attachment(1, MAX_INPUT_IMAGE_BYTES + 1), name: "huge.png" }] }),
			"imageTooLarge",
			{ name: "huge.png", maxMb: MAX_INPUT_IMAGE_BYTES / 1_024 / 1_024 },
		],
		[
			"size 512 on gemini-3-pro-image",
			withOptions({ size: "512" }, "gemini-3-pro-image"),
			"sizeUnsupported",
			{ size: "512", model: "gemini-3-pro-image", sizes: ["1K", "2K", "4K"] },
		],
		[
			"size 1K on gemini-2.5-flash-image",
			withOptions({ size: "1K" }, "gemini-2.5-flash-image"),
			"sizeUnsupported",
			{ size: "1K", model: "gemini-2.5-flash-image", sizes: [] },
		],
		[
			"aspect 1:4 on gemini-3-pro-image",
			withOptions({ aspect: "1:4" }, "gemini-3-pro-image"),
			"aspectUnsupported",
			{ aspect: "1:4", model: "gemini-3-pro-image" },
		],
	])("refuses %s", (_label, value, code, details) => {
		const error = errorOf(value);
		expect(error.code).toBe(code);
		expect(error.details).toEqual(details);
	});

	it.each<[string, Input]>([
		["a prompt", input()],
		["images without a prompt", input({ text: "", attachments: attachments(1) })],
		[
			"three images for gemini-2.5-flash-image",
			input({ model: "gemini-2.5-flash-image", attachments: attachments(3) }),
		],
		["a prompt of exactly the maximum length", input({ text: "x".repeat(MAX_PROMPT_CHARS) })],
		["an image of exactly the size cap", input({ attachments: [attachment(0, MAX_INPUT_IMAGE_BYTES)] })],
		["aspect 1:4 on gemini-3.1-flash-image", withOptions({ aspect: "1:4" }, "gemini-3.1-flash-image")],
		["size 512 on gemini-3.1-flash-image", withOptions({ size: "512" }, "gemini-3.1-flash-image")],
		["size 4K on gemini-3-pro-image", withOptions({ size: "4K", aspect: "21:9" }, "gemini-3-pro-image")],
	])("accepts %s", (_label, value) => {
		expect(() => checkTurnInput(value)).not.toThrow();
	});
});
