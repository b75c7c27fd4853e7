// src/background/distance.ts: Euclidean distance transforms: exact (Felzenszwalb and Huttenlocher), or capped and local.

const INF = 1e20;
/** Up to this cap the local transform (2·cap + 1 reads a pixel) beats the exact one's two passes of parabolas. */
const LOCAL_MAX_PX = 8;

/** 1-D squared distance transform of `f` (length n) into `d`, with scratch arrays `v` and `z`. */
function transform1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
	const intersection = (q: number, p: number) =>
		((f[q] as number) + q * q - ((f[p] as number) + p * p)) / (2 * q - 2 * p);
	let k = 0;
	v[0] = 0;
	z[0] = -INF;
	z[1] = INF;
	for (let q = 1; q < n; q++) {
		let s = intersection(q, v[k] as number);
		// z[0] is -INF, so this stops at k = 0 at the latest.
		while (s <= (z[k] as number)) {
			k--;
			s = intersection(q, v[k] as number);
		}
		k++;
		v[k] = q;
		z[k] = s;
		z[k + 1] = INF;
	}
	k = 0;
	for (let q = 0; q < n; q++) {
		while ((z[k + 1] as number) < q) k++;
		const p = v[k] as number;
		d[q] = (q - p) * (q - p) + (f[p] as number);
	}
}

function exactDistance(width: number, height: number, data: Uint8Array, feature: number): Float32Array {
	const size = Math.max(width, height);
	const f = new Float64Array(size);
	const d = new Float64Array(size);
	const v = new Int32Array(size);
	const z = new Float64Array(size + 1);
	const grid = new Float64Array(width * height);
	for (let i = 0; i < grid.length; i++) grid[i] = data[i] === feature ? 0 : INF;
	for (let x = 0; x < width; x++) {
		for (let y = 0; y < height; y++) f[y] = grid[y * width + x] as number;
		transform1d(f, height, d, v, z);
		for (let y = 0; y < height; y++) grid[y * width + x] = d[y] as number;
	}
	const out = new Float32Array(width * height);
	for (let y = 0; y < height; y++) {
		const row = y * width;
		for (let x = 0; x < width; x++) f[x] = grid[row + x] as number;
		transform1d(f, width, d, v, z);
		for (let x = 0; x < width; x++) {
			const squared = d[x] as number;
			out[row + x] = squared >= INF / 2 ? Number.POSITIVE_INFINITY : Math.sqrt(squared);
		}
	}
	return out;
}

/**
 * Exact up to `maxPx`: each column's distance to its nearest feature (two row-order sweeps, cache-friendly), then per
 * pixel the least dx² + column² over |dx| ≤ ⌈maxPx⌉ (a feature within `maxPx` is at most that many columns away).
 */
function localDistance(width: number, height: number, data: Uint8Array, feature: number, maxPx: number): Float32Array {
	const cap = Math.ceil(maxPx);
	const far = cap + 1;
	const column = new Uint8Array(width * height);
	const run = new Uint8Array(width).fill(far);
	for (let y = 0; y < height; y++) {
		const row = y * width;
		for (let x = 0; x < width; x++) {
			const value = data[row + x] === feature ? 0 : Math.min(far, (run[x] as number) + 1);
			run[x] = value;
			column[row + x] = value;
		}
	}
	run.fill(far);
	for (let y = height - 1; y >= 0; y--) {
		const row = y * width;
		for (let x = 0; x < width; x++) {
			const value = Math.min(column[row + x] as number, Math.min(far, (run[x] as number) + 1));
			run[x] = value;
			column[row + x] = value;
		}
	}
	const limit = maxPx * maxPx;
	const out = new Float32Array(width * height);
	// Per row, the first column at or after each x whose own distance is within the cap: most pixels have none in reach.
	const nextNear = new Int32Array(width + 1);
	for (let y = 0; y < height; y++) {
		const row = y * width;
		nextNear[width] = width + cap + 1;
		for (let x = width - 1; x >= 0; x--)
			nextNear[x] = (column[row + x] as number) <= cap ? x : (nextNear[x + 1] as number);
		for (let x = 0; x < width; x++) {
			const own = column[row + x] as number;
			if (own === 0) continue;
			const from = Math.max(0, x - cap);
			const to = Math.min(width - 1, x + cap);
			if ((nextNear[from] as number) > to) {
				out[row + x] = Number.POSITIVE_INFINITY;
				continue;
			}
			let best = INF;
			for (let xx = nextNear[from] as number; xx <= to; xx++) {
				const dy = column[row + xx] as number;
				if (dy > cap) continue;
				const squared = (xx - x) * (xx - x) + dy * dy;
				if (squared < best) best = squared;
			}
			out[row + x] = best <= limit ? Math.sqrt(best) : Number.POSITIVE_INFINITY;
		}
	}
	return out;
}

/**
 * For every pixel of a `width` × `height` grid of bytes, the Euclidean distance to the nearest one equal to `feature`
 * (0 on those); Infinity where there is none, and where it is farther than `maxPx` (pass the least cap a caller
 * reads: up to 8 px a local pass does it, several times faster than the exact transform).
 */
export function distanceToValue(
	width: number,
	height: number,
	data: Uint8Array,
	feature: number,
	maxPx = Number.POSITIVE_INFINITY,
): Float32Array {
	if (maxPx <= LOCAL_MAX_PX) return localDistance(width, height, data, feature, Math.max(0, maxPx));
	return exactDistance(width, height, data, feature);
}

/** distanceToValue for the pixels where `isFeature` holds. */
export function distanceTo(
	width: number,
	height: number,
	isFeature: (index: number) => boolean,
	maxPx = Number.POSITIVE_INFINITY,
): Float32Array {
	const features = new Uint8Array(width * height);
	for (let i = 0; i < features.length; i++) features[i] = isFeature(i) ? 1 : 0;
	return distanceToValue(width, height, features, 1, maxPx);
}
