// src/background/grabCut.ts: OpenCV's GrabCut (@techstark/opencv-js, Apache-2.0), loaded once, lazily, on first use.
import { createRequire } from "node:module";

/** The labels GrabCut reads and writes (cv.GC_BGD, GC_FGD, GC_PR_BGD, GC_PR_FGD). */
export const GC = { background: 0, foreground: 1, probableBackground: 2, probableForeground: 3 } as const;

type CvMat = { data: Uint8Array; delete(): void };
type OpenCv = {
	Mat: new (rows?: number, cols?: number, type?: number) => CvMat;
	Rect: new (x: number, y: number, width: number, height: number) => unknown;
	CV_8UC1: number;
	CV_8UC3: number;
	GC_INIT_WITH_MASK: number;
	matFromArray(rows: number, cols: number, type: number, array: ArrayLike<number>): CvMat;
	grabCut(
		image: CvMat,
		mask: CvMat,
		rect: unknown,
		background: CvMat,
		foreground: CvMat,
		iterations: number,
		mode: number,
	): void;
	onRuntimeInitialized?: () => void;
};

let loading: Promise<{ cv: OpenCv }> | undefined;

/** The OpenCV module (a 10 MB single-file WASM build, shipped in the package: nothing is downloaded). */
export function loadOpenCv(): Promise<{ cv: OpenCv }> {
	// The module is a thenable that resolves to itself: awaiting or resolving with it never settles, so it travels boxed.
	loading ??= new Promise<{ cv: OpenCv }>((resolve, reject) => {
		try {
			const cv = createRequire(import.meta.url)("@techstark/opencv-js") as OpenCv;
			if (typeof cv.Mat === "function") resolve({ cv });
			else cv.onRuntimeInitialized = () => resolve({ cv });
		} catch (err) {
			reject(err);
		}
	});
	return loading;
}

/**
 * Runs GrabCut on RGB pixels with `labels` (GC values, one per pixel) as its start, for `iterations` rounds, and
 * returns the labels it settled on.
 */
export async function grabCut(
	rgb: Uint8Array,
	width: number,
	height: number,
	labels: Uint8Array,
	iterations: number,
): Promise<Uint8Array> {
	const { cv } = await loadOpenCv();
	const image = cv.matFromArray(height, width, cv.CV_8UC3, rgb);
	const mask = cv.matFromArray(height, width, cv.CV_8UC1, labels);
	const background = new cv.Mat();
	const foreground = new cv.Mat();
	try {
		cv.grabCut(image, mask, new cv.Rect(0, 0, width, height), background, foreground, iterations, cv.GC_INIT_WITH_MASK);
		return new Uint8Array(mask.data);
	} finally {
		image.delete();
		mask.delete();
		background.delete();
		foreground.delete();
	}
}
