// src/http/readiness.ts: whether this process can take turns now: the gateway connected and the store answering.

/** One dependency's state: ok, or why not (shown in /readyz and logged when it changes). */
export type CheckResult = { ok: true } | { ok: false; reason: string };
export type ReadinessCheck = () => CheckResult | Promise<CheckResult>;

export type Readiness = { ready: boolean; checks: Record<string, string>; reasons: string[] };

/** A check answers within this, or counts as failed: a hung dependency must not hang the probe. */
export const CHECK_TIMEOUT_MS = 2_000;

async function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<CheckResult>((resolve) => {
		timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
	});
	try {
		return await Promise.race([Promise.resolve().then(check), late]);
	} catch (err) {
		return { ok: false, reason: err instanceof Error ? err.constructor.name : "failed" };
	} finally {
		clearTimeout(timer);
	}
}

/** Runs every check at once; ready when all pass. Re-run on every probe, so recovery needs no restart. */
export async function checkReadiness(
	checks: Record<string, ReadinessCheck>,
	timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
	const entries = await Promise.all(
		Object.entries(checks).map(async ([name, check]) => [name, await withTimeout(check, timeoutMs)] as const),
	);
	const reasons = entries.flatMap(([name, result]) => (result.ok ? [] : [`${name}: ${result.reason}`]));
	return {
		ready: reasons.length === 0,
		checks: Object.fromEntries(entries.map(([name, result]) => [name, result.ok ? "ok" : result.reason])),
		reasons,
	};
}

/** The store answers a read: Redis connected (the client fails at once while it reconnects), SQLite open. */
export function storeCheck(
	keyv: { get(key: string): Promise<unknown> },
	isUnavailable: (err: unknown) => boolean,
): ReadinessCheck {
	return async () => {
		try {
			await keyv.get("readyz");
			return { ok: true };
		} catch (err) {
			return { ok: false, reason: isUnavailable(err) ? "unreachable" : `failing (${(err as Error).constructor.name})` };
		}
	};
}
