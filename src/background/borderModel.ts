// src/background/borderModel.ts: a background colour model fitted to the photo's border: a smooth surface per channel.

/** Terms of the surface: 1, x, y, x², y², xy over coordinates scaled to -1..1 (a gradient or a vignette fits). */
const TERMS = 6;

export type BorderModel = {
	/** Surface coefficients, TERMS per channel. */
	coefficients: Float64Array;
	/** Robust spread of the border's colours around the surface (RGB distance; texture makes it large). */
	sigma: number;
	width: number;
	height: number;
};

function terms(x: number, y: number, out: Float64Array): void {
	out[0] = 1;
	out[1] = x;
	out[2] = y;
	out[3] = x * x;
	out[4] = y * y;
	out[5] = x * y;
}

/** Solves the TERMS×TERMS system `a`·x = b in place (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array, b: Float64Array): Float64Array {
	const n = TERMS;
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let row = col + 1; row < n; row++) {
			if (Math.abs(a[row * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = row;
		}
		for (let k = 0; k < n; k++) {
			const t = a[col * n + k] as number;
			a[col * n + k] = a[pivot * n + k] as number;
			a[pivot * n + k] = t;
		}
		const t = b[col] as number;
		b[col] = b[pivot] as number;
		b[pivot] = t;
		const diagonal = (a[col * n + col] as number) || 1e-9;
		for (let row = 0; row < n; row++) {
			if (row === col) continue;
			const factor = (a[row * n + col] as number) / diagonal;
			if (factor === 0) continue;
			for (let k = col; k < n; k++) a[row * n + k] = (a[row * n + k] as number) - factor * (a[col * n + k] as number);
			b[row] = (b[row] as number) - factor * (b[col] as number);
		}
	}
	return b.map((value, i) => value / ((a[i * n + i] as number) || 1e-9));
}

/** The model's colour at pixel (x, y), written into `out` (3 values). */
export function predict(model: BorderModel, x: number, y: number, out: Float64Array, scratch: Float64Array): void {
	terms((2 * x) / (model.width - 1 || 1) - 1, (2 * y) / (model.height - 1 || 1) - 1, scratch);
	for (let channel = 0; channel < 3; channel++) {
		let value = 0;
		for (let k = 0; k < TERMS; k++)
			value += (model.coefficients[channel * TERMS + k] as number) * (scratch[k] as number);
		out[channel] = value;
	}
}

/** The RGB distance between pixel (x, y), at byte `i`, and the model's colour there. */
function residualAt(
	model: BorderModel,
	rgb: Uint8Array,
	x: number,
	y: number,
	i: number,
	predicted: Float64Array,
	scratch: Float64Array,
): number {
	predict(model, x, y, predicted, scratch);
	const dr = (rgb[i] as number) - (predicted[0] as number);
	const dg = (rgb[i + 1] as number) - (predicted[1] as number);
	const db = (rgb[i + 2] as number) - (predicted[2] as number);
	return Math.sqrt(dr * dr + dg * dg + db * db);
}

/**
 * Fits the surface to pixels in a strip `strip` px wide along the edges, twice: the second fit leaves out pixels far
 * from the first (a product touching the frame, a dark corner), so they do not bend the model.
 */
export function fitBorderModel(rgb: Uint8Array, width: number, height: number, strip: number): BorderModel {
	const samples: number[] = [];
	const step = Math.max(1, Math.floor(Math.sqrt((2 * (width + height) * strip) / 40_000)));
	// Rows inside the frame are sampled in the strips' columns only (a walk over every pixel would cost more than the fit).
	const stripColumns: number[] = [];
	for (let x = 0; x < width; x += step) if (x < strip || x >= width - strip) stripColumns.push(x);
	for (let y = 0; y < height; y += step) {
		if (y < strip || y >= height - strip) for (let x = 0; x < width; x += step) samples.push(x, y);
		else for (const x of stripColumns) samples.push(x, y);
	}
	let model: BorderModel = { coefficients: new Float64Array(3 * TERMS), sigma: 0, width, height };
	let keep = (_residual: number) => true;
	const t = new Float64Array(TERMS);
	const predicted = new Float64Array(3);
	for (let round = 0; round < 2; round++) {
		const normal = new Float64Array(TERMS * TERMS);
		const right = [new Float64Array(TERMS), new Float64Array(TERMS), new Float64Array(TERMS)];
		for (let s = 0; s < samples.length; s += 2) {
			const x = samples[s] as number;
			const y = samples[s + 1] as number;
			const i = (y * width + x) * 3;
			if (round > 0) {
				if (!keep(residualAt(model, rgb, x, y, i, predicted, t))) continue;
			}
			terms((2 * x) / (width - 1 || 1) - 1, (2 * y) / (height - 1 || 1) - 1, t);
			for (let j = 0; j < TERMS; j++) {
				for (let k = 0; k < TERMS; k++)
					normal[j * TERMS + k] = (normal[j * TERMS + k] as number) + (t[j] as number) * (t[k] as number);
				for (let channel = 0; channel < 3; channel++) {
					const r = right[channel] as Float64Array;
					r[j] = (r[j] as number) + (t[j] as number) * (rgb[i + channel] as number);
				}
			}
		}
		const coefficients = new Float64Array(3 * TERMS);
		for (let channel = 0; channel < 3; channel++) {
			coefficients.set(solve(new Float64Array(normal), right[channel] as Float64Array), channel * TERMS);
		}
		model = { ...model, coefficients };
		const residuals = new Float64Array(samples.length / 2);
		for (let s = 0; s < samples.length; s += 2) {
			const x = samples[s] as number;
			const y = samples[s + 1] as number;
			residuals[s / 2] = residualAt(model, rgb, x, y, (y * width + x) * 3, predicted, t);
		}
		// A typed array sorts numerically, without a comparator call per comparison.
		residuals.sort();
		// The median of a 3-D Gaussian's norm is about 1.54 σ; report σ per channel.
		const sigma = (residuals[Math.floor(residuals.length / 2)] ?? 0) / 1.54;
		model = { ...model, sigma };
		const cut = Math.max(4 * sigma, 10);
		keep = (residual) => residual <= cut;
	}
	return model;
}
