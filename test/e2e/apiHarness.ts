// test/e2e/apiHarness.ts: the real bot with HTTP_PORT and API tokens, against the fakes, and a small client for its API.
import { createServer } from "node:net";
import { type Harness, startHarness } from "./harness.js";

/** A port free right now on 127.0.0.1, for HTTP_PORT (0 means "off" to the bot, so the test picks one). */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (!address || typeof address === "string") throw new Error("no port");
	return address.port;
}

/** Tokens the API harness configures; each test that counts requests uses its own. */
export const TOKENS = Array.from({ length: 8 }, (_, index) => `test-token-${index}-${"x".repeat(24)}`);

export type ApiHarness = Harness & {
	base: string;
	/** POSTs JSON with a bearer token (undefined: none) and returns the raw response. */
	post(
		path: string,
		body: unknown,
		options?: { token?: string | null; headers?: Record<string, string> },
	): Promise<Response>;
};

/** Starts the bot with HTTP_PORT and HTTP_API_TOKENS (TOKENS) plus `env`. */
export async function startApiHarness(
	options: { env?: Record<string, string>; store?: "sqlite" | "redis"; logLines?: string[] } = {},
): Promise<ApiHarness> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const h = await startHarness({
		...options,
		env: { HTTP_PORT: String(port), HTTP_API_TOKENS: TOKENS.join(","), HTTP_API_RATE_PER_MINUTE: "0", ...options.env },
	});
	return Object.assign(h, {
		base,
		post(
			path: string,
			body: unknown,
			{ token = TOKENS[0], headers = {} }: { token?: string | null; headers?: Record<string, string> } = {},
		) {
			return fetch(`${base}${path}`, {
				method: "POST",
				headers: {
					"content-type": "application/json",
					...(token ? { authorization: `Bearer ${token}` } : {}),
					...headers,
				},
				body: typeof body === "string" ? body : JSON.stringify(body),
			});
		},
	});
}
