import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { UserInputError } from "../../src/errors.js";
import { downloadImage } from "../../src/images/downloadImage.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server | undefined;

async function serve(handler: Handler): Promise<string> {
	server = createServer(handler);
	await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/attachments/1/2/cat.png`;
}

afterEach(async () => {
	const current = server;
	server = undefined;
	if (!current) return;
	current.closeAllConnections();
	await new Promise<void>((resolve) => current.close(() => resolve()));
});

async function errorOf(promise: Promise<unknown>): Promise<UserInputError> {
	const err = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(err).toBeInstanceOf(UserInputError);
	return err as UserInputError;
}

/** Resolves once the server sees the client hang up on `response`. */
const closed = (response: ServerResponse) => new Promise<void>((resolve) => response.on("close", resolve));

describe("downloadImage", () => {
	it("downloads the body", async () => {
		const body = Buffer.from(Array.from({ length: 5_000 }, (_, index) => index % 256));
		const url = await serve((_request, response) => {
			response.writeHead(200, { "content-type": "image/png", "content-length": body.length });
			response.end(body);
		});
		const data = await downloadImage(url, "cat.png");
		expect(data.equals(body)).toBe(true);
	});

	it("refuses a declared Content-Length over maxBytes without reading the body", async () => {
		let hungUp: Promise<void> | undefined;
		let bytesWritten = 0;
		const url = await serve((_request, response) => {
			hungUp = closed(response);
			// Declares 50 MB, sends 1 KB, and never finishes: reading the whole body would hang until the timeout.
			response.writeHead(200, { "content-type": "image/png", "content-length": 50 * 1_024 * 1_024 });
			response.write(Buffer.alloc(1_024));
			bytesWritten += 1_024;
		});
		const err = await errorOf(downloadImage(url, "huge.png", { maxBytes: 1_024 * 1_024, timeoutMs: 10_000 }));
		expect(err.code).toBe("imageTooLarge");
		expect(err.details).toEqual({ name: "huge.png", maxMb: 1 });
		await hungUp;
		expect(bytesWritten).toBe(1_024);
	});

	it("refuses a chunked body without Content-Length once it passes maxBytes", async () => {
		let hungUp: Promise<void> | undefined;
		let chunksSent = 0;
		const url = await serve((_request, response) => {
			hungUp = closed(response);
			response.writeHead(200, { "content-type": "image/png" });
			// An endless chunked body: 4 KB at a time until the client goes away.
			const timer = setInterval(() => {
				chunksSent++;
				response.write(Buffer.alloc(4_096, 1));
			}, 1);
			response.on("close", () => clearInterval(timer));
		});
		const err = await errorOf(downloadImage(url, "stream.png", { maxBytes: 64 * 1_024, timeoutMs: 10_000 }));
		expect(err.code).toBe("imageTooLarge");
		await hungUp;
		// 64 KB is 16 chunks; the client stops soon after, not at the timeout.
		expect(chunksSent).toBeLessThan(1_000);
	});

	it("times out on a server that never answers", async () => {
		const url = await serve(() => {
			// Holds the request open and never replies.
		});
		const err = await errorOf(downloadImage(url, "slow.png", { timeoutMs: 150 }));
		expect(err.code).toBe("imageDownloadTimeout");
		expect(err.details).toMatchObject({ name: "slow.png" });
	});

	it("times out on a body that stalls half-way", async () => {
		const url = await serve((_request, response) => {
			response.writeHead(200, { "content-type": "image/png", "content-length": 10_000 });
			response.write(Buffer.alloc(1_000));
		});
		const err = await errorOf(downloadImage(url, "stall.png", { timeoutMs: 150 }));
		expect(err.code).toBe("imageDownloadTimeout");
	});

	it.each([404, 403, 500])("reports HTTP %i as imageDownloadFailed", async (status) => {
		const url = await serve((_request, response) => {
			response.writeHead(status, { "content-type": "text/plain" });
			response.end("nope");
		});
		const err = await errorOf(downloadImage(url, "gone.png"));
		expect(err.code).toBe("imageDownloadFailed");
		expect(err.details).toEqual({ name: "gone.png" });
	});

	it("reports a refused connection as imageDownloadFailed", async () => {
		const url = await serve(() => {});
		const current = server;
		server = undefined;
		await new Promise<void>((resolve) => current?.close(() => resolve()));
		const err = await errorOf(downloadImage(url, "nowhere.png", { timeoutMs: 5_000 }));
		expect(err.code).toBe("imageDownloadFailed");
	});
});
