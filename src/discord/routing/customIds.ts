// src/discord/routing/customIds.ts: what buttons and modals carry, so they keep working after a restart.

export const TURN_ACTIONS = ["reroll", "undo", "edit", "info", "delete"] as const;
export type TurnAction = (typeof TURN_ACTIONS)[number];

/** Everything a component or modal needs to act, encoded in its custom id (Discord allows 100 characters). */
export type CustomId =
	| { kind: "turn"; action: TurnAction; conversationId: string; turn: number; requesterId: string }
	| { kind: "cancel"; conversationId: string; ticket: string; requesterId: string }
	| { kind: "forget"; confirmed: boolean; conversationId: string }
	| { kind: "editModal"; conversationId: string; turn: number }
	| { kind: "editImageModal"; channelId: string; messageId: string }
	/** "Report a mistake" under a refusal card. */
	| { kind: "appeal"; caseId: string }
	/** A moderator's quick action under a moderation-log entry. */
	| { kind: "modAction"; action: ModAction; caseId: string }
	/** "Use this mask" (use) or "Cancel" under a /background mask preview. */
	| { kind: "mask"; use: boolean; jobId: string; requesterId: string };

export const MOD_ACTIONS = ["delete", "lock", "timeout"] as const;
export type ModAction = (typeof MOD_ACTIONS)[number];

/** Encodes a custom id; the inverse of parseCustomId. */
export function encodeCustomId(id: CustomId): string {
	switch (id.kind) {
		case "turn":
			return `t:${id.action}:${id.conversationId}:${id.turn}:${id.requesterId}`;
		case "cancel":
			return `q:${id.conversationId}:${id.ticket}:${id.requesterId}`;
		case "forget":
			return `f:${id.confirmed ? "yes" : "no"}:${id.conversationId}`;
		case "editModal":
			return `m:edit:${id.conversationId}:${id.turn}`;
		case "editImageModal":
			return `m:img:${id.channelId}:${id.messageId}`;
		case "appeal":
			return `a:${id.caseId}`;
		case "modAction":
			return `ml:${id.action}:${id.caseId}`;
		case "mask":
			return `bg:${id.use ? "use" : "no"}:${id.jobId}:${id.requesterId}`;
	}
}

const SNOWFLAKE = /^\d{1,20}$/;
const TURN = /^\d{1,9}$/;
const TICKET = /^[\w-]{1,36}$/;
const CASE = /^[0-9a-f]{12}$/;

/** Parses a custom id this bot made; undefined for anything else, including ids with extra or malformed fields. */
export function parseCustomId(raw: string): CustomId | undefined {
	const fields = raw.split(":");
	const [prefix, first = "", second = "", third = "", fourth = ""] = fields;
	const isTurnAction = (TURN_ACTIONS as readonly string[]).includes(first);
	switch (`${prefix}:${fields.length}`) {
		case "t:5":
			return isTurnAction && SNOWFLAKE.test(second) && TURN.test(third) && SNOWFLAKE.test(fourth)
				? {
						kind: "turn",
						action: first as TurnAction,
						conversationId: second,
						turn: Number(third),
						requesterId: fourth,
					}
				: undefined;
		case "q:4":
			return SNOWFLAKE.test(first) && TICKET.test(second) && SNOWFLAKE.test(third)
				? { kind: "cancel", conversationId: first, ticket: second, requesterId: third }
				: undefined;
		case "f:3":
			return (first === "yes" || first === "no") && SNOWFLAKE.test(second)
				? { kind: "forget", confirmed: first === "yes", conversationId: second }
				: undefined;
		case "m:4":
			if (first === "edit" && SNOWFLAKE.test(second) && TURN.test(third)) {
				return { kind: "editModal", conversationId: second, turn: Number(third) };
			}
			return first === "img" && SNOWFLAKE.test(second) && SNOWFLAKE.test(third)
				? { kind: "editImageModal", channelId: second, messageId: third }
				: undefined;
		case "a:2":
			return CASE.test(first) ? { kind: "appeal", caseId: first } : undefined;
		case "bg:4":
			return (first === "use" || first === "no") && CASE.test(second) && SNOWFLAKE.test(third)
				? { kind: "mask", use: first === "use", jobId: second, requesterId: third }
				: undefined;
		case "ml:3":
			return (MOD_ACTIONS as readonly string[]).includes(first) && CASE.test(second)
				? { kind: "modAction", action: first as ModAction, caseId: second }
				: undefined;
		default:
			return undefined;
	}
}
