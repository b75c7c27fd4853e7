// src/background/padToAspect.ts: pads a photo to an aspect ratio the model takes, so its answer maps back pixel for pixel.
import sharp from "sharp";
import type { AspectRatio } from "../gemini/models.js";
import { resizeRgb } from "./pixels.js";
import type { RgbImage } from "./types.js";

/** The padded frame: its ratio, size, and where the photo sits in it. */
export type PadPlan = { aspect: AspectRatio; width: number; height: number; left: number; top: number };

const ratioOf = (aspect: AspectRatio) => {
	const [w = 1, h = 1] = aspect.split(":").map(Number);
	return w / h;
};

/** The ratio among `ratios` that needs the least padding around a `width` × `height` photo, centred. */
export function planPadding(width: number, height: number, ratios: readonly AspectRatio[]): PadPlan {
	let best: PadPlan | undefined;
	for (const aspect of ratios) {
		const ratio = ratioOf(aspect);
		const paddedWidth = Math.max(width, Math.round(height * ratio));
		const paddedHeight = Math.max(height, Math.round(width / ratio));
		const plan = ratio >= width / height ? { w: paddedWidth, h: height } : { w: width, h: paddedHeight };
		if (!best || plan.w * plan.h < best.width * best.height) {
			best = {
				aspect,
				width: plan.w,
				height: plan.h,
				left: Math.floor((plan.w - width) / 2),
				top: Math.floor((plan.h - height) / 2),
			};
		}
	}
	return best ?? { aspect: "1:1", width, height, left: 0, top: 0 };
}

/** The photo in its padded frame, the margins filled by extending its edge pixels outward. */
export async function padImage(image: RgbImage, plan: PadPlan): Promise<RgbImage> {
	if (plan.width === image.width && plan.height === image.height) return image;
	const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
		.extend({
			left: plan.left,
			top: plan.top,
			right: plan.width - image.width - plan.left,
			bottom: plan.height - image.height - plan.top,
			extendWith: "copy",
		})
		.raw()
		.toBuffer();
	return { width: plan.width, height: plan.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** The model's answer (any size, the plan's ratio) scaled to the padded frame and cropped back to the photo's size. */
export async function unpadImage(
	output: RgbImage,
	plan: PadPlan,
	size: { width: number; height: number },
): Promise<RgbImage> {
	const framed = await resizeRgb(output, plan.width, plan.height);
	if (plan.width === size.width && plan.height === size.height) return framed;
	const data = await sharp(framed.data, { raw: { width: plan.width, height: plan.height, channels: 3 } })
		.extract({ left: plan.left, top: plan.top, width: size.width, height: size.height })
		.raw()
		.toBuffer();
	return { ...size, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
