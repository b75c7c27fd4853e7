// src/discord/moderation/renderUsage.ts: the /usage answer: a member's and the server's images today, and for moderators who used them.
import type { UsageToday } from "../../moderation/quotas.js";
import type { DayReport } from "../../moderation/usageLedger.js";
import type { Text } from "../i18n/textFor.js";

/** Discord's `<t:unix>` timestamps take whole seconds. */
export const unixSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1_000);

/**
 * The /usage text: the member's images and what is left today, the server's, and when both reset (Discord renders
 * the timestamp in each reader's time zone). `report` (for members with Manage Server) adds the top users and the
 * estimated cost.
 */
export function renderUsage(usage: UsageToday, t: Text, report?: DayReport): string {
	const lines = [
		t.usageMessages.member(t.usageMessages.allowance(usage.member)),
		t.usageMessages.server(t.usageMessages.allowance(usage.server)),
		t.usageMessages.resets(unixSeconds(usage.resetsAt)),
	];
	if (report) {
		const users = report.users.map((user, index) =>
			t.usageMessages.topUser(index + 1, user.userId, user.images, user.usd),
		);
		lines.push("", t.usageMessages.topUsers, ...(users.length > 0 ? users : [t.usageMessages.noUsersYet]));
		lines.push("", t.usageMessages.cost(report.usd, report.images));
	}
	return lines.join("\n");
}
