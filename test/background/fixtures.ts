// test/background/fixtures.ts: product photos made with sharp, with the product's exact coverage known per pixel.
import sharp from "sharp";
import type { Mask, RgbImage } from "../../src/background/types.js";

export type Fixture = {
	name: string;
	image: RgbImage;
	png: Buffer;
	/** The product's coverage of each pixel, 0..1 (anti-aliased edges are fractions). */
	coverage: Float32Array;
	/** The product's own colours (RGB), valid where coverage > 0. */
	product: Uint8Array;
	/** Ground truth: the pixels the product covers at least half of. */
	truth: Mask;
};

/** A small deterministic generator (mulberry32), so fixtures are the same on every run. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

type Background = (x: number, y: number, size: number) => [number, number, number];
type Shadow = { cx: number; cy: number; rx: number; ry: number; depth: number };

const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

/** The product drawn alone (RGBA, anti-aliased by librsvg) from SVG shapes in a 100×100 box scaled to `size`. */
async function renderProduct(shapes: string, size: number): Promise<{ product: Uint8Array; coverage: Float32Array }> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">${shapes}</svg>`;
	const rgba = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
	const pixels = size * size;
	const product = new Uint8Array(pixels * 3);
	const coverage = new Float32Array(pixels);
	for (let i = 0; i < pixels; i++) {
		product[i * 3] = rgba[i * 4] as number;
		product[i * 3 + 1] = rgba[i * 4 + 1] as number;
		product[i * 3 + 2] = rgba[i * 4 + 2] as number;
		coverage[i] = (rgba[i * 4 + 3] as number) / 255;
	}
	return { product, coverage };
}

async function build(
	name: string,
	size: number,
	background: Background,
	shapes: string,
	options: { shadow?: Shadow; noise?: number; seed?: number } = {},
): Promise<Fixture> {
	const { product, coverage } = await renderProduct(shapes, size);
	const next = random(options.seed ?? 7);
	const data = new Uint8Array(size * size * 3);
	const truth = new Uint8Array(size * size);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const i = y * size + x;
			let [r, g, b] = background(x / size, y / size, size);
			const { shadow } = options;
			if (shadow) {
				const dx = (x / size - shadow.cx) / shadow.rx;
				const dy = (y / size - shadow.cy) / shadow.ry;
				const k = 1 - shadow.depth * Math.exp(-(dx * dx + dy * dy) * 2);
				r *= k;
				g *= k;
				b *= k;
			}
			const a = coverage[i] as number;
			truth[i] = a >= 0.5 ? 1 : 0;
			const noise = options.noise ?? 1.5;
			const grain = () => (next() + next() + next() - 1.5) * 2 * noise;
			data[i * 3] = clamp(a * (product[i * 3] as number) + (1 - a) * r + grain());
			data[i * 3 + 1] = clamp(a * (product[i * 3 + 1] as number) + (1 - a) * g + grain());
			data[i * 3 + 2] = clamp(a * (product[i * 3 + 2] as number) + (1 - a) * b + grain());
		}
	}
	const image: RgbImage = { width: size, height: size, data };
	const png = await sharp(data, { raw: { width: size, height: size, channels: 3 } })
		.png()
		.toBuffer();
	return { name, image, png, coverage, product, truth: { width: size, height: size, data: truth } };
}

const BOTTLE = `
	<rect x="40" y="14" width="20" height="14" rx="3" fill="#7a1010"/>
	<rect x="30" y="26" width="40" height="56" rx="9" fill="#b42828"/>
	<rect x="33" y="44" width="34" height="20" fill="#efe3c8"/>
	<rect x="37" y="49" width="26" height="3" fill="#202020"/>
	<rect x="37" y="56" width="18" height="2.5" fill="#3060a0"/>`;
const FRUIT = `
	<circle cx="50" cy="52" r="24" fill="#f2c230"/>
	<path d="M50 28 C 58 14, 72 14, 76 20 C 68 26, 58 28, 50 28 Z" fill="#3c8a2e"/>`;
/** A mug whose handle leaves a hole the background shows through. */
const MUG = `
	<rect x="26" y="30" width="38" height="46" rx="5" fill="#f4f4f8"/>
	<rect x="26" y="44" width="38" height="8" fill="#2a52a8"/>
	<path fill-rule="evenodd" fill="#e8e8ee" d="M62 38 h8 a12 12 0 0 1 0 28 h-8 v-6 h7 a7 7 0 0 0 0 -16 h-7 z"/>`;
const BOX = `<rect x="28" y="30" width="44" height="40" rx="2" fill="#a9b0c4"/><rect x="28" y="30" width="44" height="6" fill="#b7bdd0"/>`;

const wood: Background = (x, y) => {
	const grain = Math.sin(y * 90 + 4 * Math.sin(x * 7)) * 0.5 + 0.5;
	const fine = Math.sin(y * 420 + x * 13) * 0.5 + 0.5;
	return [120 + 40 * grain + 10 * fine, 78 + 26 * grain + 6 * fine, 44 + 14 * grain + 4 * fine];
};

/** Each fixture, made at `size` px square. */
const FIXTURES = {
	studio: (size: number) =>
		build("studio", size, () => [242, 242, 240], BOTTLE, {
			shadow: { cx: 0.52, cy: 0.84, rx: 0.26, ry: 0.05, depth: 0.35 },
		}),
	gradient: (size: number) =>
		build("gradient", size, (x, y) => [60 + 80 * y, 110 + 70 * y + 10 * x, 190 - 60 * y], FRUIT),
	wood: (size: number) =>
		build("wood", size, wood, MUG, { noise: 2.5, shadow: { cx: 0.47, cy: 0.77, rx: 0.2, ry: 0.04, depth: 0.3 } }),
	lowContrast: (size: number) => build("lowContrast", size, () => [176, 178, 182], BOX, { noise: 2 }),
	mugHole: (size: number) =>
		build("mugHole", size, () => [200, 214, 222], MUG, {
			shadow: { cx: 0.5, cy: 0.78, rx: 0.24, ry: 0.04, depth: 0.25 },
		}),
} satisfies Record<string, (size: number) => Promise<Fixture>>;
export type FixtureName = keyof typeof FIXTURES;

/** The fixture set at `size` px square: studio with a soft shadow, gradient, textured wood, low contrast, a mug's hole. */
export async function fixtures(size = 384): Promise<Fixture[]> {
	return Promise.all(Object.values(FIXTURES).map((make) => make(size)));
}

/** One fixture at `size` px square (a 2048² set takes seconds to make). */
export function fixture(name: FixtureName, size = 384): Promise<Fixture> {
	return FIXTURES[name](size);
}
