// test/gemini/liftImages.test.ts: base64 images kept out of the SDK's JSON work, in the request and in answer events, and put back exactly.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LiftedImages, liftRequestImages, requestBody } from "../../src/gemini/liftImages.js";

const image = randomBytes(3_000).toString("base64");
const event = (data: string, space = "") =>
	`data: {"candidates":[{"content":{"parts":[{"text":"hi","thoughtSignature":"c2ln"},` +
	`{"inlineData":{"mimeType":"image/png",${space}"data"${space}:${space}"${data}"}}]}}]}\r\n\r\n`;

describe("LiftedImages", () => {
	it("swaps a long data value for a short stand-in that parses as JSON, and restores it exactly", () => {
		for (const space of ["", " ", "\n  "]) {
			const lifted = new LiftedImages();
			const out = lifted.lift(Buffer.from(event(image, space)));
			expect(out.length).toBeLessThan(300);
			const parsed = JSON.parse(out.toString().slice("data: ".length)) as {
				candidates: { content: { parts: { text?: string; inlineData?: { data: string; mimeType: string } }[] } }[];
			};
			const parts = parsed.candidates[0]?.content.parts ?? [];
			expect(parts[0]).toEqual({ text: "hi", thoughtSignature: "c2ln" });
			expect(parts[1]?.inlineData?.mimeType).toBe("image/png");
			expect(lifted.restore(parts[1]?.inlineData?.data ?? "")).toBe(image);
		}
	});

	it("lifts every image in a run of events, each to its own stand-in", () => {
		const other = randomBytes(2_000).toString("base64");
		const lifted = new LiftedImages();
		const out = lifted.lift(Buffer.from(event(image) + event(other)));
		const stand = [...out.toString().matchAll(/"data":"([^"]+)"/g)].map((match) => JSON.parse(`"${match[1]}"`));
		expect(stand.map((value) => lifted.restore(value))).toEqual([image, other]);
	});

	it("leaves short values, escaped values and everything else byte for byte", () => {
		const lifted = new LiftedImages();
		const short = Buffer.from(event("AAAA"));
		expect(lifted.lift(short)).toBe(short);
		const escaped = Buffer.from(event(`${image.slice(0, 2_000)}\\/${image.slice(2_000)}`));
		expect(lifted.lift(escaped).equals(escaped)).toBe(true);
		const quoted = Buffer.from(`data: {"text":"say \\"data\\": \\"${image}\\""}\n\n`);
		expect(lifted.lift(quoted).equals(quoted)).toBe(true);
		expect(lifted.restore("plain text")).toBe("plain text");
	});
});

describe("liftRequestImages and requestBody", () => {
	it("sends the same body the SDK would have, while the SDK stringifies only stand-ins", () => {
		const second = randomBytes(5_000).toString("base64");
		const request = {
			model: "gemini-3.1-flash-image",
			contents: [
				{
					role: "user",
					parts: [
						{ inlineData: { mimeType: "image/png", data: image } },
						{ text: 'make it \u0000blue, "data":"\u0000image:0"' },
					],
				},
				{ role: "model", parts: [{ inlineData: { mimeType: "image/png", data: second }, thoughtSignature: "c2ln" }] },
				{ role: "user", parts: [{ inlineData: { mimeType: "image/png", data: "AAAA" } }, { text: "now red" }] },
			],
		};
		const { request: slim, images } = liftRequestImages(request);
		expect(images).toEqual([image, second]);
		const stringified = JSON.stringify(slim);
		expect(stringified.length).toBeLessThan(600);
		expect(requestBody(stringified, images)).toBe(JSON.stringify(request));
		// The original request is left as it was.
		expect(request.contents[0]?.parts[0]?.inlineData?.data).toBe(image);
	});

	it("leaves a request without images alone", () => {
		const request = { model: "m", contents: [{ role: "user", parts: [{ text: "hello" }] }] };
		const { images } = liftRequestImages(request);
		expect(images).toEqual([]);
		expect(requestBody(JSON.stringify(request), images)).toBe(JSON.stringify(request));
	});
});
