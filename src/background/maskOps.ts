// src/background/maskOps.ts: operations on keep-masks: grow, shrink, count and clean parts, compare.
import { distanceTo } from "./distance.js";
import type { Mask } from "./types.js";

/** The share of pixels kept. */
export function coverage(mask: Mask): number {
	let kept = 0;
	for (const value of mask.data) kept += value;
	return kept / mask.data.length;
}

/** Intersection over union of the kept areas of two masks of one size (1 when both are empty). */
export function iou(a: Mask, b: Mask): number {
	let both = 0;
	let either = 0;
	for (let i = 0; i < a.data.length; i++) {
		const x = a.data[i] as number;
		const y = b.data[i] as number;
		both += x & y;
		either += x | y;
	}
	return either === 0 ? 1 : both / either;
}

export const invert = (mask: Mask): Mask => ({ ...mask, data: mask.data.map((value) => 1 - value) });

/** Shrinks the kept area by `radius` px (Euclidean): the replaced area grows into it. */
export function shrink(mask: Mask, radius: number): Mask {
	if (radius <= 0) return mask;
	const toReplaced = distanceTo(mask.width, mask.height, (i) => mask.data[i] === 0);
	return { ...mask, data: mask.data.map((value, i) => (value === 1 && (toReplaced[i] as number) > radius ? 1 : 0)) };
}

/** Grows the kept area by `radius` px (Euclidean). */
export function grow(mask: Mask, radius: number): Mask {
	if (radius <= 0) return mask;
	const toKept = distanceTo(mask.width, mask.height, (i) => mask.data[i] === 1);
	return { ...mask, data: mask.data.map((value, i) => (value === 1 || (toKept[i] as number) <= radius ? 1 : 0)) };
}

/** Labels 4-connected regions of pixels equal to `value`; returns labels (0 = other) and each region's size and border contact. */
export function components(
	mask: Mask,
	value: 0 | 1,
): { labels: Int32Array; sizes: number[]; touchesBorder: boolean[] } {
	const { width, height, data } = mask;
	const labels = new Int32Array(width * height);
	const sizes: number[] = [0];
	const touchesBorder: boolean[] = [false];
	const stack = new Int32Array(width * height);
	for (let start = 0; start < data.length; start++) {
		if (data[start] !== value || labels[start] !== 0) continue;
		const label = sizes.length;
		let size = 0;
		let border = false;
		let top = 0;
		stack[top++] = start;
		labels[start] = label;
		while (top > 0) {
			const i = stack[--top] as number;
			size++;
			const x = i % width;
			const y = (i - x) / width;
			if (x === 0 || y === 0 || x === width - 1 || y === height - 1) border = true;
			const visit = (j: number) => {
				if (data[j] === value && labels[j] === 0) {
					labels[j] = label;
					stack[top++] = j;
				}
			};
			if (x > 0) visit(i - 1);
			if (x < width - 1) visit(i + 1);
			if (y > 0) visit(i - width);
			if (y < height - 1) visit(i + width);
		}
		sizes.push(size);
		touchesBorder.push(border);
	}
	return { labels, sizes, touchesBorder };
}

/**
 * Drops kept specks smaller than `minPart` pixels and fills enclosed replaced holes smaller than `maxHole` pixels;
 * larger holes (a mug's handle) stay replaced.
 */
export function clean(mask: Mask, minPart: number, maxHole: number): Mask {
	const data = new Uint8Array(mask.data);
	const parts = components(mask, 1);
	for (let i = 0; i < data.length; i++)
		if (data[i] === 1 && (parts.sizes[parts.labels[i] as number] as number) < minPart) data[i] = 0;
	const cleaned = { ...mask, data };
	const holes = components(cleaned, 0);
	for (let i = 0; i < data.length; i++) {
		const label = holes.labels[i] as number;
		if (data[i] === 0 && !holes.touchesBorder[label] && (holes.sizes[label] as number) < maxHole) data[i] = 1;
	}
	return cleaned;
}

/** Kept parts of at least `minShare` of the image: what a member would call separate objects. */
export function significantParts(mask: Mask, minShare = 0.002): number {
	const minimum = minShare * mask.data.length;
	return components(mask, 1).sizes.filter((size) => size >= minimum).length;
}

/** The share of the image's outermost pixels that are kept (a product cut off by the frame touches a little). */
export function borderContact(mask: Mask): number {
	const { width, height, data } = mask;
	let kept = 0;
	let total = 0;
	for (let x = 0; x < width; x++) {
		kept += (data[x] as number) + (data[(height - 1) * width + x] as number);
		total += 2;
	}
	for (let y = 1; y < height - 1; y++) {
		kept += (data[y * width] as number) + (data[y * width + width - 1] as number);
		total += 2;
	}
	return kept / total;
}
