// src/background/makeResults.ts: one model call per result, mapped back to the photo, drift-checked, composited, verified.
import type { ModelReply } from "../gemini/types.js";
import { MIN_DRIFT_IOU } from "./drift.js";
import { type PadPlan, padImage, unpadImage } from "./padToAspect.js";
import { decodeImage, encodeForModel, encodePng } from "./pixels.js";
import type { PixelWork } from "./pixelWorker.js";
import type { BackgroundJob, Mask, RgbImage } from "./types.js";

/** One image call: the padded photo (JPEG) in the plan's aspect ratio with an instruction; the model's answer. */
export type CallModel = (input: { jpeg: Buffer; plan: PadPlan; instruction: string }) => Promise<ModelReply>;

/** How one result ended: an image to post, a model answer without one (blocked, refused, failed), or a rejection. */
export type ResultOutcome =
	| { kind: "image"; png: Buffer; attempts: number; driftIou?: number; verified: boolean; usage?: ModelReply["usage"] }
	| { kind: "noImage"; reply: Exclude<ModelReply, { kind: "parts" }> }
	| { kind: "drifted"; driftIou: number; attempts: number }
	| { kind: "tooLarge"; bytes: number };

/** Discord's per-file upload limit: a larger lossless PNG could only be posted re-encoded, which would change the product. */
export const MAX_RESULT_BYTES = 10 * 1_024 * 1_024;

/** The instruction for one result: change only what the mask replaces, keep the rest where and as it is. */
export function resultInstruction(prompt: string, mode: BackgroundJob["mode"]): string {
	const keep =
		mode === "foreground"
			? "Replace only the main subject of this photo, as described below. Keep the background exactly as it is."
			: mode === "people"
				? "Keep every person in this photo exactly as they are and replace everything around them, as described below."
				: "Replace only the background of this product photo, as described below. Keep the product exactly as it is: its shape, colours, label, logo and text.";
	return [
		keep,
		"Keep the same framing: do not crop, zoom, rotate or move anything that stays; keep its position and scale.",
		"Where the product meets a surface, add a natural contact shadow.",
		`New scene: ${prompt}`,
	].join("\n");
}

/** The first image of a reply, decoded and mapped back onto the photo's pixels. */
async function answerImage(
	reply: Extract<ModelReply, { kind: "parts" }>,
	plan: PadPlan,
	size: RgbImage,
): Promise<RgbImage | undefined> {
	const part = reply.parts.find((candidate) => candidate.kind === "image");
	if (part?.kind !== "image") return undefined;
	const decoded = await decodeImage(part.data);
	return unpadImage({ width: decoded.width, height: decoded.height, data: decoded.data }, plan, size);
}

/** Asks for one result (retried once when the model moved the product) and turns it into a verified PNG. */
async function makeOne(
	call: CallModel,
	pixels: Pick<PixelWork, "driftIou" | "composite" | "mismatched">,
	input: {
		image: RgbImage;
		keep: Mask;
		plan: PadPlan;
		jpeg: Buffer;
		instruction: string;
		keepProduct: boolean;
	},
): Promise<ResultOutcome> {
	let lastIou = 0;
	for (let attempt = 1; attempt <= 2; attempt++) {
		const reply = await call({ jpeg: input.jpeg, plan: input.plan, instruction: input.instruction });
		if (reply.kind !== "parts") return { kind: "noImage", reply };
		const answer = await answerImage(reply, input.plan, input.image);
		if (!answer) return { kind: "noImage", reply: { kind: "failed", reason: "NO_IMAGE" } };
		if (!input.keepProduct) {
			const png = await encodePng(answer);
			if (png.length > MAX_RESULT_BYTES) return { kind: "tooLarge", bytes: png.length };
			return { kind: "image", png, attempts: attempt, verified: false, ...(reply.usage ? { usage: reply.usage } : {}) };
		}
		lastIou = await pixels.driftIou(input.image, answer, input.keep);
		if (lastIou < MIN_DRIFT_IOU) continue;
		const png = await encodePng(await pixels.composite(input.image, answer, input.keep));
		if (png.length > MAX_RESULT_BYTES) return { kind: "tooLarge", bytes: png.length };
		// The proof is on the bytes that will be posted, decoded again.
		const mismatched = await pixels.mismatched(await decodeImage(png), input.image, input.keep);
		if (mismatched > 0) throw new Error(`composited product differs in ${mismatched} pixels`);
		return {
			kind: "image",
			png,
			attempts: attempt,
			driftIou: lastIou,
			verified: true,
			...(reply.usage ? { usage: reply.usage } : {}),
		};
	}
	return { kind: "drifted", driftIou: lastIou, attempts: 2 };
}

/**
 * Makes `job.count` results of `image` with `prompt`, all calls started at once (the Gemini client's concurrency
 * caps how many run), each the photo's exact size; with keepProduct, drift-checked, composited through `keep` and
 * verified, all on `pixels`' thread.
 */
export async function makeResults(
	call: CallModel,
	pixels: Pick<PixelWork, "driftIou" | "composite" | "mismatched">,
	input: {
		image: RgbImage;
		keep: Mask;
		plan: PadPlan;
		prompt: string;
		job: Pick<BackgroundJob, "count" | "keepProduct" | "mode">;
	},
): Promise<ResultOutcome[]> {
	const jpeg = await encodeForModel(await padImage(input.image, input.plan));
	const shared = {
		image: input.image,
		keep: input.keep,
		plan: input.plan,
		jpeg,
		instruction: resultInstruction(input.prompt, input.job.mode),
		keepProduct: input.job.keepProduct,
	};
	return Promise.all(Array.from({ length: input.job.count }, () => makeOne(call, pixels, shared)));
}
