// src/http/api/validationProblem.ts: a body that failed its schema, as a 400 with the most specific code there is.
import { z } from "zod";
import type { ModelCapabilities } from "../../gemini/models.js";
import { apiMessages } from "./apiMessages.js";
import type { ApiProblem } from "./describeApiError.js";

type Issue = z.core.$ZodIssue;

const problem = (error: string, message: string, details?: Record<string, unknown>): ApiProblem => ({
	status: 400,
	body: { error, message, ...(details ? { details } : {}) },
	level: "info",
});

/** The code of one issue: a field the model limits gets its own, everything else is invalid_request. */
function specific(issue: Issue, model: ModelCapabilities): ApiProblem | undefined {
	const [field, index, inner] = issue.path;
	if (field === "aspectRatio") {
		return problem("unsupported_aspect_ratio", apiMessages.unsupportedValue("aspectRatio", model.aspectRatios), {
			accepted: model.aspectRatios,
		});
	}
	if (field === "size") {
		return problem("unsupported_size", apiMessages.unsupportedValue("size", model.imageSizes), {
			accepted: model.imageSizes,
		});
	}
	if (field === "prompt" && issue.code === "too_big") {
		return problem("prompt_too_long", `The prompt is longer than ${issue.maximum} characters.`, {
			max: Number(issue.maximum),
		});
	}
	if (field === "images" && index === undefined && issue.code === "too_big") {
		return problem("too_many_images", `This model takes at most ${model.maxInputImages} images per turn.`, {
			max: model.maxInputImages,
		});
	}
	if (field === "images" && inner === "data") {
		return problem("invalid_image_data", `images[${String(index)}].data must be the image file in base64.`);
	}
	if (field === "images" && inner === "mimeType") {
		return problem("unsupported_image_type", `images[${String(index)}].mimeType: ${issue.message}`);
	}
	return undefined;
}

/** Turns a validation failure (a ZodError from the route's schema) into the API's 400. */
export function validationProblem(error: unknown, model: ModelCapabilities): ApiProblem {
	const issues = error instanceof z.ZodError ? error.issues : [];
	for (const issue of issues) {
		const found = specific(issue, model);
		if (found) return found;
	}
	const described = issues
		.slice(0, 5)
		.map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
		.join("; ");
	return problem("invalid_request", apiMessages.invalidRequest(described || "send a JSON object body"));
}
