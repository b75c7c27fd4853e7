// src/gemini/buildRequest.ts: turns plain history and options into generateContent parameters.
import type { Content, GenerateContentParameters, Part, SafetySetting } from "@google/genai";
import { Modality } from "@google/genai";
import { capabilitiesOf } from "./models.js";
import type { ContentPart, RequestOptions, RequestTurn } from "./types.js";

function toPart(part: ContentPart): Part {
	// Image bytes must go in as base64 strings: the SDK serialises a Buffer as junk.
	const base: Part =
		part.kind === "text"
			? { text: part.text }
			: { inlineData: { mimeType: part.mimeType, data: part.data.toString("base64") } };
	return part.thoughtSignature ? { ...base, thoughtSignature: part.thoughtSignature } : base;
}

/**
 * Builds the generateContent request for a conversation: every turn in order, image modality, aspect and size, and
 * thought summaries when a preview wants them.
 */
export function buildRequest(turns: RequestTurn[], options: RequestOptions): GenerateContentParameters {
	const capabilities = capabilitiesOf(options.model);
	const contents: Content[] = turns.map((turn) => ({ role: turn.role, parts: turn.parts.map(toPart) }));
	const imageConfig: { aspectRatio?: string; imageSize?: string; personGeneration?: string } = {};
	if (options.aspect) imageConfig.aspectRatio = options.aspect;
	if (options.size && capabilities.imageSizes.includes(options.size)) imageConfig.imageSize = options.size;
	if (options.personGeneration) imageConfig.personGeneration = options.personGeneration;
	return {
		model: options.model,
		contents,
		config: {
			responseModalities: options.output === "image" ? [Modality.IMAGE] : [Modality.TEXT, Modality.IMAGE],
			...(Object.keys(imageConfig).length > 0 ? { imageConfig } : {}),
			// The names match the SDK's HarmCategory and HarmBlockThreshold enums, which are string enums.
			...(options.safetySettings ? { safetySettings: options.safetySettings as SafetySetting[] } : {}),
			...(options.includeThoughts && capabilities.thoughtPreviews ? { thinkingConfig: { includeThoughts: true } } : {}),
		},
	};
}
