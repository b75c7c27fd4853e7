// src/images/downloadImage.ts: fetches an attachment with a byte cap enforced while streaming, and a timeout.
import { UserInputError } from "../errors.js";

export const MAX_INPUT_IMAGE_BYTES = 20 * 1_024 * 1_024;
export const DOWNLOAD_TIMEOUT_MS = 20_000;

/** Downloads `url`, refusing before or during the read once the body passes `maxBytes`; `name` is only for messages. */
export async function downloadImage(
	url: string,
	name: string,
	{ maxBytes = MAX_INPUT_IMAGE_BYTES, timeoutMs = DOWNLOAD_TIMEOUT_MS }: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<Buffer> {
	const tooLarge = () => new UserInputError("imageTooLarge", { name, maxMb: Math.round(maxBytes / 1_024 / 1_024) });
	const signal = AbortSignal.timeout(timeoutMs);
	try {
		const response = await fetch(url, { signal, redirect: "follow" });
		if (!response.ok || !response.body) throw new UserInputError("imageDownloadFailed", { name });
		if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
			await response.body.cancel();
			throw tooLarge();
		}
		const chunks: Uint8Array[] = [];
		let received = 0;
		for await (const chunk of response.body) {
			received += chunk.byteLength;
			if (received > maxBytes) {
				// Leaving the loop early cancels the stream, so the rest of the body is never read.
				throw tooLarge();
			}
			chunks.push(chunk);
		}
		return Buffer.concat(chunks);
	} catch (err) {
		if (err instanceof UserInputError) throw err;
		if (signal.aborted)
			throw new UserInputError("imageDownloadTimeout", { name, seconds: Math.round(timeoutMs / 1_000) });
		throw new UserInputError("imageDownloadFailed", { name });
	}
}
