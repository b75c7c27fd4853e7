// src/background/maskOps.ts: operations on keep-masks: grow, shrink, count and clean parts, compare.
import { distanceToValue } from "./distance.js";
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
	const toReplaced = distanceToValue(mask.width, mask.height, mask.data, 0, radius);
	return { ...mask, data: mask.data.map((value, i) => (value === 1 && (toReplaced[i] as number) > radius ? 1 : 0)) };
}

/** Grows the kept area by `radius` px (Euclidean). */
export function grow(mask: Mask, radius: number): Mask {
	if (radius <= 0) return mask;
	const toKept = distanceToValue(mask.width, mask.height, mask.data, 1, radius);
	return { ...mask, data: mask.data.map((value, i) => (value === 1 || (toKept[i] as number) <= radius ? 1 : 0)) };
}

/**
 * Labels 4-connected regions of pixels equal to `value`, numbered in the order their first pixel comes in raster order;
 * returns labels (0 = other) and each region's size and border contact. Two raster passes with union-find.
 */
export function components(
	mask: Mask,
	value: 0 | 1,
): { labels: Int32Array; sizes: number[]; touchesBorder: boolean[] } {
	const { width, height, data } = mask;
	const labels = new Int32Array(width * height);
	let parent = new Int32Array(1_024);
	let next = 1;
	const find = (label: number) => {
		let root = label;
		while (parent[root] !== root) root = parent[root] as number;
		for (let at = label; parent[at] !== root; ) {
			const up = parent[at] as number;
			parent[at] = root;
			at = up;
		}
		return root;
	};
	for (let y = 0; y < height; y++) {
		const row = y * width;
		for (let x = 0; x < width; x++) {
			const i = row + x;
			if (data[i] !== value) continue;
			const left = x > 0 ? (labels[i - 1] as number) : 0;
			const up = y > 0 ? (labels[i - width] as number) : 0;
			if (left === 0 && up === 0) {
				if (next === parent.length) {
					const grown = new Int32Array(parent.length * 2);
					grown.set(parent);
					parent = grown;
				}
				parent[next] = next;
				labels[i] = next++;
				continue;
			}
			labels[i] = left || up;
			if (left !== 0 && up !== 0 && left !== up) {
				const a = find(left);
				const b = find(up);
				if (a < b) parent[b] = a;
				else if (b < a) parent[a] = b;
			}
		}
	}
	const final = new Int32Array(next);
	const sizes: number[] = [0];
	const touchesBorder: boolean[] = [false];
	for (let y = 0; y < height; y++) {
		const row = y * width;
		const edgeRow = y === 0 || y === height - 1;
		for (let x = 0; x < width; x++) {
			const i = row + x;
			const provisional = labels[i] as number;
			if (provisional === 0) continue;
			const root = find(provisional);
			let label = final[root] as number;
			if (label === 0) {
				label = sizes.length;
				final[root] = label;
				sizes.push(0);
				touchesBorder.push(false);
			}
			labels[i] = label;
			sizes[label] = (sizes[label] as number) + 1;
			if (edgeRow || x === 0 || x === width - 1) touchesBorder[label] = true;
		}
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
