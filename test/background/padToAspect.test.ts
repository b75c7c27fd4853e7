// test/background/padToAspect.test.ts: the padded frame maps the model's answer back onto the photo pixel for pixel.
import { describe, expect, it } from "vitest";
import { padImage, planPadding, unpadImage } from "../../src/background/padToAspect.js";
import { capabilitiesOf } from "../../src/gemini/models.js";

const ratios = capabilitiesOf("gemini-3.1-flash-image").aspectRatios;

describe("planPadding", () => {
	it.each([
		[300, 200, "3:2", 300, 200],
		[1000, 1000, "1:1", 1000, 1000],
		[1000, 760, "4:3", 1013, 760],
		[400, 1700, "1:4", 425, 1700],
	])("%i×%i pads to %s (%i×%i)", (width, height, aspect, paddedWidth, paddedHeight) => {
		const plan = planPadding(width, height, ratios);
		expect([plan.aspect, plan.width, plan.height]).toEqual([aspect, paddedWidth, paddedHeight]);
	});

	it("pads by extending the edge and crops the answer back to the exact input size and pixels", async () => {
		const width = 90;
		const height = 70;
		const data = Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 31) % 256);
		const plan = planPadding(width, height, ratios);
		const padded = await padImage({ width, height, data }, plan);
		expect([padded.width, padded.height]).toEqual([plan.width, plan.height]);
		const back = await unpadImage(padded, plan, { width, height });
		expect([back.width, back.height]).toEqual([width, height]);
		expect(Buffer.from(back.data).equals(Buffer.from(data))).toBe(true);
	});
});
