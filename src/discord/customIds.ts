// src/discord/customIds.ts: what buttons and modals carry, so they keep working after a restart.

export const TURN_ACTIONS = ["reroll", "undo", "edit", "info", "delete"] as const;
export type TurnAction = (typeof TURN_ACTIONS)[number];

/** Everything a component or modal needs to act, encoded in its custom id (Discord allows 100 characters). */
export type CustomId =
	| { kind: "turn"; action: TurnAction; conversationId: string; turn: number; requesterId: string }
	| { kind: "cancel"; conversationId: string; ticket: string; requesterId: string }
	| { kind: "forget"; confirmed: boolean; conversationId: string }
	| { kind: "editModal"; conversationId: string; turn: number }
	| { kind: "editImageModal"; channelId: string; messageId: string };

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
	}
}

const SNOWFLAKE = /^\d{1,20}$/;

/** Parses a custom id this bot made; undefined for anything else. */
export function parseCustomId(raw: string): CustomId | undefined {
	const [prefix, first = "", second = "", third = "", fourth = ""] = raw.split(":");
	if (
		prefix === "t" &&
		(TURN_ACTIONS as readonly string[]).includes(first) &&
		SNOWFLAKE.test(second) &&
		SNOWFLAKE.test(fourth)
	) {
		const turn = Number(third);
		if (!Number.isInteger(turn)) return undefined;
		return { kind: "turn", action: first as TurnAction, conversationId: second, turn, requesterId: fourth };
	}
	if (prefix === "q" && SNOWFLAKE.test(first) && /^[\w-]{1,36}$/.test(second) && SNOWFLAKE.test(third)) {
		return { kind: "cancel", conversationId: first, ticket: second, requesterId: third };
	}
	if (prefix === "f" && (first === "yes" || first === "no") && SNOWFLAKE.test(second)) {
		return { kind: "forget", confirmed: first === "yes", conversationId: second };
	}
	if (prefix === "m" && first === "edit" && SNOWFLAKE.test(second) && Number.isInteger(Number(third))) {
		return { kind: "editModal", conversationId: second, turn: Number(third) };
	}
	if (prefix === "m" && first === "img" && SNOWFLAKE.test(second) && SNOWFLAKE.test(third)) {
		return { kind: "editImageModal", channelId: second, messageId: third };
	}
	return undefined;
}
