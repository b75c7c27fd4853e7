// test/http/authenticate.test.ts: bearer tokens and client ids.
import { describe, expect, it } from "vitest";
import { clientIdOf, createAuthenticator } from "../../src/http/api/authenticate.js";

const first = "first-token-0123456789abcdef";
const second = "second-token-0123456789abcdef";

describe("createAuthenticator", () => {
	const auth = createAuthenticator([first, second]);

	it("names the client of each configured token, and no one else", () => {
		expect(auth.clientOf(`Bearer ${first}`)).toBe(clientIdOf(first));
		expect(auth.clientOf(`bearer  ${second} `)).toBe(clientIdOf(second));
		for (const header of [
			undefined,
			"",
			"Bearer",
			`Basic ${first}`,
			`Bearer ${first}x`,
			`Bearer ${first.slice(0, -1)}`,
			first,
		]) {
			expect(auth.clientOf(header), String(header)).toBeUndefined();
		}
	});

	it("client ids are short, stable, distinct and reveal nothing of the token", () => {
		expect(clientIdOf(first)).toMatch(/^[0-9a-f]{16}$/);
		expect(clientIdOf(first)).toBe(clientIdOf(first));
		expect(clientIdOf(first)).not.toBe(clientIdOf(second));
		expect(first).not.toContain(clientIdOf(first));
	});
});
