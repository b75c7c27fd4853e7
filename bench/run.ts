// bench/run.ts: speed and memory of the hot paths, printed as figures (`npm run bench`); nothing is asserted.
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { planHistory } from "../src/conversation/historyBudget.js";
import type { Exchange } from "../src/conversation/types.js";
import { splitMessage } from "../src/discord/turns/splitMessage.js";
import { capabilitiesOf } from "../src/gemini/models.js";
import { fitForUpload } from "../src/images/fitForUpload.js";
import { normalizeImage } from "../src/images/normalizeImage.js";

async function measure(name: string, runs: number, task: () => Promise<unknown> | unknown): Promise<void> {
	await task();
	const rssBefore = process.memoryUsage().rss;
	const started = performance.now();
	for (let run = 0; run < runs; run++) await task();
	const ms = (performance.now() - started) / runs;
	const rssMb = (process.memoryUsage().rss - rssBefore) / 1_048_576;
	console.log(
		`${name.padEnd(48)} ${ms.toFixed(2).padStart(9)} ms/op   rss ${rssMb >= 0 ? "+" : ""}${rssMb.toFixed(1)} MB`,
	);
}

const noise = (width: number, height: number) =>
	sharp(Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))), {
		raw: { width, height, channels: 3 },
	});

const photo = await noise(4_000, 3_000).jpeg({ quality: 92 }).toBuffer();
const bigPng = await noise(2_048, 2_048).png().toBuffer();
console.log(
	`inputs: 12 MP JPEG ${(photo.length / 1e6).toFixed(1)} MB, 4 MP noisy PNG ${(bigPng.length / 1e6).toFixed(1)} MB`,
);

await measure("normalizeImage 12 MP JPEG -> 2048 px", 5, () => normalizeImage(photo, "photo.jpg"));
await measure("fitForUpload 4 MP PNG into 2 MB", 3, () => fitForUpload(bigPng, "image/png", 2 * 1_048_576));

const exchanges: Exchange[] = Array.from({ length: 500 }, (_, index) => ({
	turn: index + 1,
	user: [{ kind: "text", text: `turn ${index} `.repeat(40) }],
	model: [
		{
			kind: "image",
			image: { sha256: `${index}`, mimeType: "image/png", bytes: 1_500_000 },
			version: index + 1,
			thoughtSignature: "s",
		},
	],
	requesterId: "1",
	modelId: "gemini-3.1-flash-image",
	options: { output: "image_and_text" },
	at: new Date(0).toISOString(),
	ms: 1_000,
	messageIds: [],
}));
await measure("planHistory over 500 exchanges", 200, () =>
	planHistory(exchanges, { textLength: 200, imageBytes: [1_000_000] }, capabilitiesOf("gemini-3.1-flash-image")),
);
const longText = "A sentence of model output that goes on. ".repeat(2_000);
await measure("splitMessage 80 kB of text", 200, () => splitMessage(longText));
