// src/discord/turns/threadTitle.ts: a thread name from a prompt, within Discord's 100-character limit.
import { english } from "../i18n/catalogue.js";

/** Discord's limit on channel and thread names. @see https://discord.com/developers/docs/resources/channel#start-thread-without-message */
export const MAX_THREAD_NAME_CHARS = 100;

/** Collapses whitespace and cuts at a word boundary with an ellipsis; never empty. */
export function threadTitle(prompt: string, prefix = "", untitled: string = english.labels.untitledThread): string {
	const clean = prompt.replace(/\s+/g, " ").trim() || untitled;
	const room = MAX_THREAD_NAME_CHARS - prefix.length;
	if (clean.length <= room) return prefix + clean;
	const cut = clean.slice(0, room - 1);
	const space = cut.lastIndexOf(" ");
	return `${prefix}${(space > room / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
