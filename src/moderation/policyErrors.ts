// src/moderation/policyErrors.ts: why the policy check refused a turn, as codes with the numbers a member needs.
import { CodedError } from "../errors.js";
import type { PresetReason } from "./settings.js";
export type PolicyDenialDetails = {
	/** The member holds a role the settings deny. */
	deniedRole: { roleId: string };
	/** The settings allow only some roles and the member holds none of them. */
	notAllowedRole: { allowedRoles: string[] };
	/** Only the thread's starter may add turns to it. */
	threadStarterOnly: { starterId: string };
	/**
	 * `matched`: the words that matched (at most 40 characters, never the whole prompt); `reason`: the moderators';
	 * `presetReason`: why a preset's own word is refused.
	 */
	blocklisted: { matched: string; pattern: string; reason?: string; presetReason?: PresetReason };
	cooldown: { secondsLeft: number; cooldownSeconds: number };
	/** `resetsAt`: ISO 8601, the next 00:00 UTC. */
	memberQuota: { limit: number; used: number; requested: number; resetsAt: string };
	serverQuota: { limit: number; used: number; requested: number; resetsAt: string };
};
export type PolicyDenialCode = keyof PolicyDenialDetails;

/** One refusal: its code and the details that go with that code. */
export type PolicyDenial = {
	[Code in PolicyDenialCode]: { code: Code; details: PolicyDenialDetails[Code] };
}[PolicyDenialCode];

/** A refused turn, for paths that would rather throw than return the denial; its code keys a message for members. */
export class PolicyDenied<Code extends PolicyDenialCode = PolicyDenialCode> extends CodedError<
	PolicyDenialDetails,
	Code
> {
	/** Wraps a denial returned by checkPolicy. */
	static from(denial: PolicyDenial): PolicyDenied {
		return new PolicyDenied(denial.code, denial.details);
	}
}
