// src/background/distance.ts: exact Euclidean distance transform (Felzenszwalb and Huttenlocher), linear time.

const INF = 1e20;

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

/**
 * For every pixel, the Euclidean distance to the nearest pixel where `isFeature` holds (0 on those pixels);
 * Infinity everywhere when there is none.
 */
export function distanceTo(width: number, height: number, isFeature: (index: number) => boolean): Float32Array {
	const size = Math.max(width, height);
	const f = new Float64Array(size);
	const d = new Float64Array(size);
	const v = new Int32Array(size);
	const z = new Float64Array(size + 1);
	const grid = new Float64Array(width * height);
	for (let i = 0; i < grid.length; i++) grid[i] = isFeature(i) ? 0 : INF;
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
