// src/background/chooseMask.ts: which mask a job uses (the member's, the photo's alpha, else computed) and how sure it is.
import { borderContact, coverage, invert, iou, significantParts } from "./maskOps.js";
import type { PixelWork } from "./pixelWorker.js";
import type { Segmenter, SegmentTarget } from "./segmenter.js";
import type { BackgroundJob, Mask, MaskSource, RgbImage } from "./types.js";

/** Bounds of a believable product mask: share of the image kept, separate parts, agreement of two sources. */
export const CONFIDENCE = {
	minCoverage: 0.02,
	maxCoverage: 0.9,
	maxParts: 6,
	maxBorderContact: 0.35,
	minAgreement: 0.9,
};

export type Doubt = "coverage" | "parts" | "border" | "disagreement" | "segmenterFailed";

/** The reasons a computed mask is not believable on its own (empty when it is). */
export function doubtsAbout(mask: Mask): Doubt[] {
	const doubts: Doubt[] = [];
	const share = coverage(mask);
	if (share < CONFIDENCE.minCoverage || share > CONFIDENCE.maxCoverage) doubts.push("coverage");
	const parts = significantParts(mask);
	if (parts === 0 || parts > CONFIDENCE.maxParts) doubts.push("parts");
	if (borderContact(mask) > CONFIDENCE.maxBorderContact) doubts.push("border");
	return doubts;
}

/** The subject mask a job starts from, where it came from, and the doubts that ask the member to confirm it. */
export type ChosenMask = { subject: Mask; source: MaskSource; doubts: Doubt[]; agreement?: number };

/**
 * Computes the subject with the first segmenter that handles the target; when its mask is in doubt and a second one
 * exists, runs that too: the second's mask is used when it has no doubts of its own and agrees with the first
 * (IoU ≥ minAgreement); otherwise the member is shown the more believable one to confirm.
 */
export async function computeMask(
	image: RgbImage,
	target: SegmentTarget,
	segmenters: readonly Segmenter[],
): Promise<ChosenMask> {
	const usable = segmenters.filter((segmenter) => segmenter.handles(target));
	const [first, second] = usable;
	if (!first) throw new Error("no segmenter handles this target");
	const tryRun = async (segmenter: Segmenter) => segmenter.segment(image, target).catch(() => undefined);
	const primary = await tryRun(first);
	const primaryDoubts = primary ? doubtsAbout(primary) : (["segmenterFailed"] as Doubt[]);
	if (primary && primaryDoubts.length === 0) return { subject: primary, source: first.source, doubts: [] };
	const secondary = second ? await tryRun(second) : undefined;
	if (!secondary || !second) {
		if (!primary) throw new Error("no segmenter produced a mask");
		return { subject: primary, source: first.source, doubts: primaryDoubts };
	}
	const secondaryDoubts = doubtsAbout(secondary);
	const agreement = primary ? iou(primary, secondary) : undefined;
	if (secondaryDoubts.length === 0 && (agreement ?? 0) >= CONFIDENCE.minAgreement) {
		return { subject: secondary, source: second.source, doubts: [], agreement: agreement ?? 0 };
	}
	const pick =
		secondaryDoubts.length <= primaryDoubts.length || !primary
			? { mask: secondary, segmenter: second, doubts: secondaryDoubts }
			: { mask: primary, segmenter: first, doubts: primaryDoubts };
	return {
		subject: pick.mask,
		source: pick.segmenter.source,
		doubts: [...new Set<Doubt>([...pick.doubts, "disagreement"])],
		...(agreement === undefined ? {} : { agreement }),
	};
}

/**
 * The keep-mask a job composites through: the subject for `background` and `people`, everything but it for
 * `foreground`; then shrunk by `dilation` × the image width (on `pixels`' thread), so the replaced area grows into
 * the kept one.
 */
export async function keepMaskOf(
	subject: Mask,
	job: Pick<BackgroundJob, "mode" | "dilation">,
	fromUser: boolean,
	pixels: Pick<PixelWork, "shrink">,
): Promise<Mask> {
	// The member's mask already says what to keep; `mask:` names what a computed mask finds.
	const keep = !fromUser && job.mode === "foreground" ? invert(subject) : subject;
	const radius = Math.round(job.dilation * subject.width);
	return radius > 0 ? pixels.shrink(keep, radius) : keep;
}
