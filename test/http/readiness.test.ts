// test/http/readiness.test.ts: readiness is every check passing, re-run each time; a hung or throwing check fails it.
import { describe, expect, it } from "vitest";
import { checkReadiness, storeCheck } from "../../src/http/readiness.js";

describe("checkReadiness", () => {
	it("is ready when every check passes, and says which failed and why otherwise", async () => {
		let storeUp = false;
		const checks = {
			gateway: () => ({ ok: true as const }),
			store: () => (storeUp ? { ok: true as const } : { ok: false as const, reason: "unreachable" }),
			hung: () => new Promise<never>(() => {}),
			broken: () => {
				throw new TypeError("oops");
			},
		};
		const down = await checkReadiness(checks, 20);
		expect(down).toEqual({
			ready: false,
			checks: { gateway: "ok", store: "unreachable", hung: "no answer within 20 ms", broken: "TypeError" },
			reasons: ["store: unreachable", "hung: no answer within 20 ms", "broken: TypeError"],
		});
		storeUp = true;
		const { hung: _hung, broken: _broken, ...healthy } = checks;
		expect(await checkReadiness(healthy, 20)).toEqual({
			ready: true,
			checks: { gateway: "ok", store: "ok" },
			reasons: [],
		});
	});

	it("storeCheck reads from the store and names an unreachable one", async () => {
		const offline = Object.assign(new Error("The client is offline"), { offline: true });
		const check = storeCheck(
			{
				get: async () => {
					throw offline;
				},
			},
			(err) => err === offline,
		);
		expect(await check()).toEqual({ ok: false, reason: "unreachable" });
		expect(await storeCheck({ get: async () => undefined }, () => false)()).toEqual({ ok: true });
		expect(
			await storeCheck(
				{
					get: async () => {
						throw new RangeError("x");
					},
				},
				() => false,
			)(),
		).toEqual({
			ok: false,
			reason: "failing (RangeError)",
		});
	});
});
