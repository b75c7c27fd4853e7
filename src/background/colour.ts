// src/background/colour.ts: sRGB to CIE L*a*b* (D65) and ΔE76, for drift and edge-error measurements.

const LINEAR = Float64Array.from({ length: 256 }, (_, value) => {
	const c = value / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

const f = (t: number) => (t > 216 / 24_389 ? Math.cbrt(t) : ((24_389 / 27) * t + 16) / 116);

/** L*a*b* of one RGB pixel (bytes), written to `out` at `at`..`at + 2`. */
export function labInto(r: number, g: number, b: number, out: Float32Array | Float64Array, at: number): void {
	const lr = LINEAR[r] as number;
	const lg = LINEAR[g] as number;
	const lb = LINEAR[b] as number;
	const x = f((0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047);
	const y = f(0.2126 * lr + 0.7152 * lg + 0.0722 * lb);
	const z = f((0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883);
	out[at] = 116 * y - 16;
	out[at + 1] = 500 * (x - y);
	out[at + 2] = 200 * (y - z);
}

/** L*a*b* of RGB pixels (3 floats per pixel). */
export function toLab(rgb: Uint8Array): Float32Array {
	const lab = new Float32Array(rgb.length);
	for (let i = 0; i < rgb.length; i += 3) labInto(rgb[i] as number, rgb[i + 1] as number, rgb[i + 2] as number, lab, i);
	return lab;
}

/** ΔE76 between pixel `i` of two L*a*b* arrays. */
export function deltaE(a: Float32Array, b: Float32Array, i: number): number {
	return Math.hypot(
		(a[i * 3] as number) - (b[i * 3] as number),
		(a[i * 3 + 1] as number) - (b[i * 3 + 1] as number),
		(a[i * 3 + 2] as number) - (b[i * 3 + 2] as number),
	);
}
