// src/conversation/admit.ts: the policy admission a turn must hold before anything reaches Gemini, and its settlement.
import { checkPolicy } from "../moderation/checkPolicy.js";
import type { PolicyDenial } from "../moderation/policyErrors.js";
import type { Quotas, Reservation } from "../moderation/quotas.js";
import type { Settings } from "../moderation/settings.js";
import type { ChannelContext } from "../moderation/settingsStore.js";

/** Quota bucket for DMs: they belong to no server, so they share the operator's default limits. */
export const DM_GUILD_ID = "dm";

declare const admitted: unique symbol;

/**
 * A turn the policy allowed: the settings it runs under and the images it holds against the quotas. Only admit()
 * makes one, and runTurn() requires one, so no path reaches Gemini around the server's settings.
 */
export type Admission = {
	readonly [admitted]: true;
	readonly guildId: string;
	/** Undefined in a DM. */
	readonly context: ChannelContext | undefined;
	readonly settings: Settings;
	readonly reservation: Reservation;
};

/**
 * Where a turn happens, as the policy sees it: a server channel (a thread counts as its parent), a DM, or an HTTP
 * API client (one bearer token), whose quota bucket is its own and whose limits the operator sets.
 */
export type TurnPlace =
	| { kind: "guild"; context: ChannelContext }
	| { kind: "dm"; channelId: string }
	| { kind: "api"; clientId: string; limits: Settings["limits"] };

/** The quota bucket of a place: the server, the operator's DM bucket, or the API client's. */
export function quotaBucketOf(place: TurnPlace): string {
	if (place.kind === "guild") return place.context.guildId;
	return place.kind === "api" ? `api:${place.clientId}` : DM_GUILD_ID;
}

/** Who asks, as the policy sees them. */
export type TurnAsker = {
	id: string;
	roleIds: readonly string[];
	/** Holds Manage Server. */
	isManager: boolean;
};

export type AdmitResult = { ok: true; admission: Admission } | ({ ok: false } & PolicyDenial);

/**
 * Checks roles, the thread-starter rule, the blocklist, cooldown and quotas, and reserves `images`; a refusal comes
 * back as a value. `starterId` is set for a turn in an existing server thread.
 */
export async function admit(
	deps: { quotas: Pick<Quotas, "reserve"> },
	request: {
		place: TurnPlace;
		settings: Settings;
		asker: TurnAsker;
		prompt: string;
		starterId?: string;
		images?: number;
	},
): Promise<AdmitResult> {
	const context = request.place.kind === "guild" ? request.place.context : undefined;
	const guildId = quotaBucketOf(request.place);
	const decision = await checkPolicy(deps, {
		guildId,
		settings: request.settings,
		member: { id: request.asker.id, roleIds: request.asker.roleIds, isManager: request.asker.isManager },
		prompt: request.prompt,
		...(context && request.starterId ? { thread: { starterId: request.starterId } } : {}),
		images: request.images ?? 1,
	});
	if (!decision.allowed) {
		const { allowed: _allowed, ...denial } = decision;
		return { ok: false, ...denial };
	}
	const admission = { guildId, context, settings: request.settings, reservation: decision.reservation };
	return { ok: true, admission: admission as Admission };
}

/**
 * Counts the images a turn produced (and their estimated cost) against its reservation, or returns it whole when
 * none; settling twice is a no-op, so every outcome path may settle without double counting.
 */
export async function settle(
	deps: { quotas: Pick<Quotas, "commit" | "release"> },
	admission: Admission,
	imagesProduced: number,
	usd?: number,
): Promise<void> {
	if (imagesProduced > 0) {
		await deps.quotas.commit(admission.reservation, imagesProduced, usd === undefined ? undefined : { usd });
	} else {
		await deps.quotas.release(admission.reservation);
	}
}
