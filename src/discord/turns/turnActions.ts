// src/discord/turns/turnActions.ts: what Undo, Forget and Info do to a conversation, serialised with its turns.
import type { Conversation, Exchange } from "../../conversation/types.js";
import type { Deps } from "../../deps.js";
import { capabilitiesOf, estimateUsd } from "../../gemini/models.js";
import type { Text } from "../i18n/textFor.js";

/** "v3 · v4": the versions of the images a result made. */
export function versionsOf(exchange: Exchange | undefined): string {
	const versions = exchange?.model.flatMap((part) => (part.kind === "image" ? [`v${part.version}`] : [])) ?? [];
	return versions.join(" · ");
}

export type UndoResult =
	| { kind: "undone"; removed: Exchange; conversation: Conversation }
	| { kind: "stale"; conversation: Conversation }
	| { kind: "empty" };

/** Drops the last exchange, in the conversation's queue; with `expectedTurn`, only if that turn is still the last. */
export async function undoLast(deps: Deps, conversationId: string, expectedTurn?: number): Promise<UndoResult> {
	const result = await deps.turns.run(conversationId, async (): Promise<UndoResult> => {
		const conversation = await deps.store.getConversation(conversationId);
		const removed = conversation?.exchanges.at(-1);
		if (!conversation || !removed) return { kind: "empty" };
		if (expectedTurn !== undefined && removed.turn !== expectedTurn) return { kind: "stale", conversation };
		const updated = { ...conversation, exchanges: conversation.exchanges.slice(0, -1) };
		await deps.store.saveConversation(updated);
		return { kind: "undone", removed, conversation: updated };
	});
	return result ?? { kind: "empty" };
}

/** Takes the buttons off the undone result and returns the line that says what the conversation continues from. */
export async function undoneNotice(
	channel: { messages: { edit(id: string, options: { components: [] }): Promise<unknown> } },
	userId: string,
	result: Extract<UndoResult, { kind: "undone" }>,
	t: Text,
): Promise<string> {
	const last = result.removed.messageIds.at(-1);
	// Best effort: the result message may already be deleted.
	if (last) await channel.messages.edit(last, { components: [] }).catch(() => undefined);
	return t.messages.undone(userId, versionsOf(result.removed), versionsOf(result.conversation.exchanges.at(-1)));
}

/** Clears the whole history, in the conversation's queue; version and turn numbers keep counting. */
export async function forgetHistory(deps: Deps, conversationId: string): Promise<boolean> {
	const result = await deps.turns.run(conversationId, async () => {
		const conversation = await deps.store.getConversation(conversationId);
		if (!conversation) return false;
		await deps.store.saveConversation({ ...conversation, exchanges: [], droppedImagesNotified: false });
		return true;
	});
	return result ?? false;
}

/** The provenance card of a result: prompt, model, versions and parent, who, when, how long, tokens and cost. */
export function describeResult(conversation: Conversation, turn: number, t: Text): string | undefined {
	const index = conversation.exchanges.findIndex((exchange) => exchange.turn === turn);
	const exchange = conversation.exchanges[index];
	if (!exchange) return undefined;
	const prompt = exchange.user.flatMap((part) => (part.kind === "text" ? [part.text] : [])).join(" ");
	const earlier = conversation.exchanges.slice(0, index).flatMap((previous) => [...previous.user, ...previous.model]);
	const parents = [...earlier, ...exchange.user].flatMap((part) => (part.kind === "image" ? [part.version] : []));
	const inputs = exchange.user.flatMap((part) => (part.kind === "image" ? [`v${part.version}`] : []));
	const capabilities = capabilitiesOf(exchange.modelId);
	const images = exchange.model.filter((part) => part.kind === "image").length;
	const usage = exchange.usage;
	return t.messages.resultCard({
		versions: versionsOf(exchange),
		turn: exchange.turn,
		prompt: prompt.length > 900 ? `${prompt.slice(0, 900)}…` : prompt,
		model: exchange.modelId,
		modelLabel: capabilities.label,
		...(parents.length > 0 ? { parent: Math.max(...parents) } : {}),
		inputs,
		...(conversation.branchOf ? { branchOf: conversation.branchOf.conversationId } : {}),
		requesterId: exchange.requesterId,
		at: Math.floor(Date.parse(exchange.at) / 1_000),
		seconds: exchange.ms / 1_000,
		...(usage ? { tokens: { in: usage.promptTokens, out: usage.outputTokens } } : {}),
		usd: estimateUsd(exchange.modelId, images, usage),
		...(exchange.background
			? {
					background: {
						source: exchange.background.source,
						verified: exchange.background.verified,
						keepProduct: exchange.background.keepProduct,
					},
				}
			: {}),
	});
}
