// src/moderation/checkPolicy.ts: the one check every path runs before any download or model call.
import { matchBlocklist } from "./matchBlocklist.js";
import type { PolicyDenial } from "./policyErrors.js";
import type { Quotas, Reservation } from "./quotas.js";
import type { Settings } from "./settings.js";

export type PolicyMember = {
	id: string;
	roleIds: readonly string[];
	/** Holds Manage Server: passes the role rules, the thread-starter rule and the cooldown (not blocklist, not quotas). */
	isManager: boolean;
};

export type PolicyRequest = {
	guildId: string;
	/** The channel's effective settings (settingsStore.resolveSettings(...).settings). */
	settings: Settings;
	member: PolicyMember;
	/** The member's text for this turn; only checked, never returned. */
	prompt: string;
	/** Set for a turn in an existing conversation thread: who started that thread. */
	thread?: { starterId: string };
	/** Images this turn may produce (1 for a Gemini turn, `count` for /background); held against the daily quotas. */
	images: number;
};

/** Allowed turns hold a reservation: commit it with the images produced, or release it if the turn fails. */
export type PolicyDecision = { allowed: true; reservation: Reservation } | ({ allowed: false } & PolicyDenial);

function checkAccess({ settings, member, prompt, thread }: PolicyRequest): PolicyDenial | undefined {
	const { allowedRoles, deniedRoles, threadTurns } = settings.access;
	if (!member.isManager) {
		const denied = deniedRoles.find((roleId) => member.roleIds.includes(roleId));
		if (denied) return { code: "deniedRole", details: { roleId: denied } };
		if (allowedRoles.length > 0 && !allowedRoles.some((roleId) => member.roleIds.includes(roleId))) {
			return { code: "notAllowedRole", details: { allowedRoles: [...allowedRoles] } };
		}
		if (thread && threadTurns === "starter" && thread.starterId !== member.id) {
			return { code: "threadStarterOnly", details: { starterId: thread.starterId } };
		}
	}
	const match = matchBlocklist(prompt, settings.blocklist);
	if (match) {
		const { pattern, reason, presetReason } = match.entry;
		return {
			code: "blocklisted",
			details: {
				matched: match.matched,
				pattern,
				...(reason ? { reason } : {}),
				...(presetReason ? { presetReason } : {}),
			},
		};
	}
	return undefined;
}

/**
 * Decides whether a member may run this turn, in this order: denied role, allowed roles, thread starter only,
 * blocklist, then (through `quotas.reserve`) cooldown, member quota, server quota. An allowed turn comes back with
 * its images reserved; a refused one with a code and the details a member needs (which role, which words, seconds
 * left, when the quota resets). Nothing is reserved for a refused turn.
 */
export async function checkPolicy(
	deps: { quotas: Pick<Quotas, "reserve"> },
	request: PolicyRequest,
): Promise<PolicyDecision> {
	const denial = checkAccess(request);
	if (denial) return { allowed: false, ...denial };
	const { limits, model } = request.settings;
	const reserved = await deps.quotas.reserve({
		guildId: request.guildId,
		userId: request.member.id,
		images: request.images,
		limits: request.member.isManager ? { ...limits, cooldownSeconds: 0 } : limits,
		model,
	});
	if (reserved.ok) return { allowed: true, reservation: reserved.reservation };
	const { ok: _ok, ...quotaDenial } = reserved;
	return { allowed: false, ...quotaDenial };
}
