import { describe, expect, it } from "vitest";
import { type CustomId, encodeCustomId, parseCustomId, TURN_ACTIONS } from "../../../src/discord/routing/customIds.js";

/** Discord's limit on a component's or modal's custom_id. @see https://discord.com/developers/docs/components/reference */
const MAX_CUSTOM_ID_CHARS = 100;

// Snowflakes are 64-bit: at most 20 decimal digits. The largest ids make the longest custom ids.
const CHANNEL = "18446744073709551615";
const MEMBER = "18446744073709551614";
const MESSAGE = "18446744073709551613";
const SHORT = "1";

const ids: CustomId[] = [
	...TURN_ACTIONS.map(
		(action): CustomId => ({ kind: "turn", action, conversationId: CHANNEL, turn: 999_999, requesterId: MEMBER }),
	),
	{ kind: "turn", action: "reroll", conversationId: SHORT, turn: 1, requesterId: SHORT },
	// The pipeline uses 8 characters of a UUID as a ticket; the parser takes up to a whole one.
	{ kind: "cancel", conversationId: CHANNEL, ticket: "0f3c9a1e", requesterId: MEMBER },
	{ kind: "cancel", conversationId: CHANNEL, ticket: "0f3c9a1e-6b7d-4c2a-9e8f-1a2b3c4d5e6f", requesterId: MEMBER },
	{ kind: "forget", confirmed: true, conversationId: CHANNEL },
	{ kind: "forget", confirmed: false, conversationId: CHANNEL },
	{ kind: "editModal", conversationId: CHANNEL, turn: 999_999 },
	{ kind: "editImageModal", channelId: CHANNEL, messageId: MESSAGE },
];

describe("encodeCustomId and parseCustomId", () => {
	it.each(ids.map((id) => [`${id.kind}${"action" in id ? ` ${id.action}` : ""}`, id] as const))(
		"round-trips %s",
		(_, id) => {
			const encoded = encodeCustomId(id);
			expect(parseCustomId(encoded)).toEqual(id);
			expect(encoded.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_CHARS);
		},
	);

	it("covers every kind and every turn action", () => {
		expect(new Set(ids.map((id) => id.kind))).toEqual(
			new Set(["turn", "cancel", "forget", "editModal", "editImageModal"]),
		);
		expect(new Set(ids.flatMap((id) => (id.kind === "turn" ? [id.action] : [])))).toEqual(new Set(TURN_ACTIONS));
	});

	it("gives every kind a distinct encoding", () => {
		const encoded = ids.map(encodeCustomId);
		expect(new Set(encoded).size).toBe(encoded.length);
	});
});

describe("parseCustomId", () => {
	it.each([
		["an empty string", ""],
		["a bare prefix", "t"],
		["an unknown prefix", `x:reroll:${CHANNEL}:1:${MEMBER}`],
		["an unknown turn action", `t:explode:${CHANNEL}:1:${MEMBER}`],
		["a turn id missing its requester", `t:reroll:${CHANNEL}:1`],
		["a turn number that is not a number", `t:reroll:${CHANNEL}:abc:${MEMBER}`],
		["a fractional turn number", `t:reroll:${CHANNEL}:1.5:${MEMBER}`],
		["a conversation id that is not a snowflake", `t:undo:general:1:${MEMBER}`],
		["a 21-digit snowflake", `t:undo:${CHANNEL}1:1:${MEMBER}`],
		["a ticket with a space", `q:${CHANNEL}:bad ticket:${MEMBER}`],
		["a ticket longer than a UUID", `q:${CHANNEL}:${"a".repeat(37)}:${MEMBER}`],
		["a cancel id missing its requester", `q:${CHANNEL}:0f3c9a1e`],
		["a forget answer other than yes or no", `f:maybe:${CHANNEL}`],
		["a forget id missing its conversation", "f:yes"],
		["an unknown modal", `m:other:${CHANNEL}:1`],
		["an edit modal with a word for a turn", `m:edit:${CHANNEL}:last`],
		["an image modal whose message id is not a snowflake", `m:img:${CHANNEL}:message`],
		["upper-case prefixes", `T:REROLL:${CHANNEL}:1:${MEMBER}`],
		["an empty turn number", `t:reroll:${CHANNEL}::${MEMBER}`],
		["an edit modal with an empty turn", `m:edit:${CHANNEL}:`],
		["a hexadecimal turn number", `t:reroll:${CHANNEL}:0x10:${MEMBER}`],
		["a turn number in exponent form", `t:undo:${CHANNEL}:1e3:${MEMBER}`],
		["a turn number with a leading space", `t:info:${CHANNEL}: 1:${MEMBER}`],
		["a negative turn number", `t:delete:${CHANNEL}:-3:${MEMBER}`],
		["a turn id with a trailing field", `t:reroll:${CHANNEL}:1:${MEMBER}:extra`],
		["a forget id with a trailing field", `f:yes:${CHANNEL}:extra`],
		["another bot's button", "confirm_delete_123"],
		["another bot's colon-separated id", "ticket:close:123456789012345678"],
		["a discord.js collector id", "collector-f1e2d3c4"],
	])("returns undefined for %s", (_, raw) => {
		expect(parseCustomId(raw)).toBeUndefined();
	});
});
