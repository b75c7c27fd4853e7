import { Modality } from "@google/genai";
import { describe, expect, it } from "vitest";
import { buildRequest } from "../../src/gemini/buildRequest.js";
import type { RequestTurn } from "../../src/gemini/types.js";

const imageBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250]);
const generated = Buffer.from("generated image bytes");

const turns: RequestTurn[] = [
	{
		role: "user",
		parts: [
			{ kind: "image", data: imageBytes, mimeType: "image/png" },
			{ kind: "text", text: "make it a banana" },
		],
	},
	{
		role: "model",
		parts: [
			{ kind: "text", text: "Here you go", thoughtSignature: "c2lnLXRleHQ=" },
			{ kind: "image", data: generated, mimeType: "image/png", thoughtSignature: "c2lnLWltYWdl/+==" },
		],
	},
	{ role: "user", parts: [{ kind: "text", text: "now yellow" }] },
];

describe("buildRequest", () => {
	it("asks for thoughts only when a preview wants them and the model returns them", () => {
		const ask = (model: string, includeThoughts?: boolean) =>
			buildRequest(turns, { model, output: "image", ...(includeThoughts ? { includeThoughts } : {}) }).config
				?.thinkingConfig;
		expect(ask("gemini-3.1-flash-image", true)).toEqual({ includeThoughts: true });
		expect(ask("gemini-3-pro-image", true)).toEqual({ includeThoughts: true });
		expect(ask("gemini-3.1-flash-image")).toBeUndefined();
		expect(ask("gemini-2.5-flash-image", true)).toBeUndefined();
		expect(ask("some-future-image-model", true)).toBeUndefined();
	});

	it("sends image bytes as base64 strings, never Buffers", () => {
		const request = buildRequest(turns, { model: "gemini-3.1-flash-image", output: "image_and_text" });
		const contents = request.contents as { role: string; parts: { inlineData?: { data?: unknown } }[] }[];
		const data = contents[0]?.parts[0]?.inlineData?.data;
		expect(typeof data).toBe("string");
		expect(Buffer.isBuffer(data)).toBe(false);
		expect(data).toBe(imageBytes.toString("base64"));
		expect(contents[1]?.parts[1]?.inlineData).toEqual({ mimeType: "image/png", data: generated.toString("base64") });
	});

	it("keeps each part's thoughtSignature verbatim and adds none where there was none", () => {
		const request = buildRequest(turns, { model: "gemini-3.1-flash-image", output: "image_and_text" });
		const contents = request.contents as { parts: { thoughtSignature?: string }[] }[];
		expect(contents[1]?.parts.map((part) => part.thoughtSignature)).toEqual(["c2lnLXRleHQ=", "c2lnLWltYWdl/+=="]);
		expect(contents[0]?.parts.every((part) => !("thoughtSignature" in part))).toBe(true);
		expect(contents[2]?.parts.every((part) => !("thoughtSignature" in part))).toBe(true);
	});

	it("keeps roles and parts in order", () => {
		const request = buildRequest(turns, { model: "gemini-3.1-flash-image", output: "image_and_text" });
		const contents = request.contents as { role: string; parts: { text?: string; inlineData?: unknown }[] }[];
		expect(contents.map((content) => content.role)).toEqual(["user", "model", "user"]);
		expect(contents[0]?.parts.map((part) => (part.text ? "text" : "image"))).toEqual(["image", "text"]);
		expect(contents[1]?.parts.map((part) => (part.text ? "text" : "image"))).toEqual(["text", "image"]);
		expect(contents[2]?.parts[0]?.text).toBe("now yellow");
		expect(request.model).toBe("gemini-3.1-flash-image");
	});

	it.each([
		["image", [Modality.IMAGE]],
		["image_and_text", [Modality.TEXT, Modality.IMAGE]],
	] as const)("asks for %s output with responseModalities %j", (output, modalities) => {
		const request = buildRequest(turns, { model: "gemini-3.1-flash-image", output });
		expect(request.config?.responseModalities).toEqual(modalities);
	});

	it("sets imageConfig aspectRatio and imageSize", () => {
		const request = buildRequest(turns, {
			model: "gemini-3.1-flash-image",
			output: "image",
			aspect: "16:9",
			size: "2K",
		});
		expect(request.config?.imageConfig).toEqual({ aspectRatio: "16:9", imageSize: "2K" });
	});

	it("omits imageSize for gemini-2.5-flash-image, which takes none", () => {
		const request = buildRequest(turns, {
			model: "gemini-2.5-flash-image",
			output: "image",
			aspect: "3:4",
			size: "2K",
		});
		expect(request.config?.imageConfig).toEqual({ aspectRatio: "3:4" });
	});

	it("sends no imageConfig when neither aspect nor size is set", () => {
		const request = buildRequest(turns, { model: "gemini-3.1-flash-image", output: "image" });
		expect(request.config).not.toHaveProperty("imageConfig");
	});

	it("never sets candidateCount (image models reject more than one)", () => {
		const request = buildRequest(turns, {
			model: "gemini-3-pro-image",
			output: "image_and_text",
			aspect: "1:1",
			size: "4K",
		});
		expect(request.config).not.toHaveProperty("candidateCount");
		expect(JSON.stringify(request)).not.toContain("candidateCount");
	});
});
