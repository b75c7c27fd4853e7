// src/gemini/streamReply.ts: folds a generateContentStream's chunks into the response one generateContent call gives, and what to preview meanwhile.
import { GenerateContentResponse, type Part } from "@google/genai";
import type { LiftedImages } from "./liftImages.js";

/** What a turn can show while its answer streams in. Thought parts are shown here and nowhere else. */
export type StreamPreview = {
	/** The answer's own text so far, thought parts left out. */
	text: string;
	/** The latest thought summary, when thoughts were asked for. */
	thought?: string;
	/** The latest draft image the model showed among its thoughts; `drafts` counts them. */
	draft?: { data: Buffer; mimeType: string };
	drafts: number;
};

const isText = (part: Part): boolean => typeof part.text === "string" && !part.inlineData;

/**
 * Accumulates the chunks of one streamed call. Consecutive text pieces of one kind (thought or answer) join into
 * one part, as the unstreamed answer carries them; a thought signature stays on the part it came on (a piece with a
 * signature joins a part without one; two signatures never share a part). Images arrive whole, one per part.
 */
export class StreamReply {
	/** `lifted`: the image data taken out of the events before the SDK parsed them, put back here. */
	constructor(private readonly lifted?: LiftedImages) {}

	private readonly parts: Part[] = [];
	private last: GenerateContentResponse | undefined;
	private candidate: { finishReason?: unknown; finishMessage?: string; safetyRatings?: unknown } = {};
	private promptFeedback: GenerateContentResponse["promptFeedback"];
	private draft: StreamPreview["draft"];
	private drafts = 0;

	/** Adds one chunk; true when it changed what the preview shows. */
	add(chunk: GenerateContentResponse): boolean {
		this.last = chunk;
		if (chunk.promptFeedback) this.promptFeedback = chunk.promptFeedback;
		const candidate = chunk.candidates?.[0];
		if (!candidate) return false;
		if (candidate.finishReason !== undefined) this.candidate.finishReason = candidate.finishReason;
		if (candidate.finishMessage !== undefined) this.candidate.finishMessage = candidate.finishMessage;
		if (candidate.safetyRatings !== undefined) this.candidate.safetyRatings = candidate.safetyRatings;
		let changed = false;
		for (const given of candidate.content?.parts ?? []) {
			const data = given.inlineData?.data;
			const part =
				data && this.lifted
					? { ...given, inlineData: { ...given.inlineData, data: this.lifted.restore(data) } }
					: given;
			changed ||= part.thought === true || (isText(part) && Boolean(part.text));
			const previous = this.parts.at(-1);
			const joins =
				previous !== undefined &&
				isText(previous) &&
				isText(part) &&
				Boolean(previous.thought) === Boolean(part.thought) &&
				!(previous.thoughtSignature && part.thoughtSignature);
			if (previous && joins) {
				previous.text = `${previous.text ?? ""}${part.text ?? ""}`;
				if (part.thoughtSignature) previous.thoughtSignature = part.thoughtSignature;
			} else {
				this.parts.push({ ...part });
			}
			if (part.thought && part.inlineData?.data) {
				this.draft = { data: Buffer.from(part.inlineData.data, "base64"), mimeType: part.inlineData.mimeType ?? "" };
				this.drafts++;
			}
		}
		return changed;
	}

	/** True once the stream said how it ended: a finish reason, or a blocked prompt. A drop mid-way never is. */
	get complete(): boolean {
		return this.candidate.finishReason !== undefined || Boolean(this.promptFeedback?.blockReason);
	}

	preview(): StreamPreview {
		const text = this.parts
			.filter((part) => isText(part) && !part.thought)
			.map((part) => part.text)
			.join("");
		const thought = this.parts.findLast((part) => isText(part) && part.thought)?.text;
		return { text, ...(thought ? { thought } : {}), ...(this.draft ? { draft: this.draft } : {}), drafts: this.drafts };
	}

	/** The whole answer, shaped as generateContent returns it. */
	response(): GenerateContentResponse {
		const response = new GenerateContentResponse();
		const seen = this.parts.length > 0 || this.candidate.finishReason !== undefined;
		Object.assign(response, {
			...(seen ? { candidates: [{ content: { role: "model", parts: this.parts }, index: 0, ...this.candidate }] } : {}),
			...(this.promptFeedback ? { promptFeedback: this.promptFeedback } : {}),
			...(this.last?.usageMetadata ? { usageMetadata: this.last.usageMetadata } : {}),
			...(this.last?.modelVersion ? { modelVersion: this.last.modelVersion } : {}),
			...(this.last?.responseId ? { responseId: this.last.responseId } : {}),
		});
		return response;
	}
}
