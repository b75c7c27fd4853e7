// src/moderation/cases.ts: a moderation case (a blocked prompt, a blocked image, a refusal), kept for the log and appeals.
import { randomBytes } from "node:crypto";
import type Keyv from "keyv";

export type CaseOutcome =
	| { kind: "blocked"; stage: "prompt" | "output"; reason: string; category?: string; codes: string[] }
	| { kind: "refused" }
	| { kind: "denied"; code: string };

export type ModerationCase = {
	id: string;
	guildId: string;
	/** The thread (or channel) where the member saw the refusal card. */
	channelId: string;
	/** The refusal card's messages in that channel. */
	messageIds: string[];
	requesterId: string;
	model: string;
	/** Kept for appeals and, if the server enabled it, the log; never logged by the bot's own logger. */
	prompt: string;
	outcome: CaseOutcome;
	at: string;
	/** Set once the member has reported it as a mistake: a case reaches the moderators once. */
	appealedAt?: string;
};

/** Cases expire after 30 days: long enough to review an appeal, short enough not to hoard prompts. */
export const CASE_TTL_MS = 30 * 86_400_000;

/** A fresh case id: 12 hex characters, as custom ids expect. */
export const newCaseId = (): string => randomBytes(6).toString("hex");

/** Stores a case under `case:{id}` in the conversations' keyv. */
export async function saveCase(keyv: Keyv, moderationCase: ModerationCase): Promise<void> {
	await keyv.set(`case:${moderationCase.id}`, moderationCase, CASE_TTL_MS);
}

/** Reads a case; undefined when unknown or expired. */
export async function getCase(keyv: Keyv, id: string): Promise<ModerationCase | undefined> {
	return keyv.get<ModerationCase>(`case:${id}`);
}
