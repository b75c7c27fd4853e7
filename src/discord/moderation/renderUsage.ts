// src/discord/moderation/renderUsage.ts: the /usage answer: a member's and the server's images today, and for moderators who used them.
import type { UsageToday } from "../../moderation/quotas.js";
import type { DayReport } from "../../moderation/usageLedger.js";
import { usageMessages } from "../messages.js";

/** Discord's `<t:unix>` timestamps take whole seconds. */
export const unixSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1_000);

/**
 * The /usage text: the member's images and what is left today, the server's, and when both reset (Discord renders
 * the timestamp in each reader's time zone). `report` (for members with Manage Server) adds the top users and the
 * estimated cost.
 */
export function renderUsage(usage: UsageToday, report?: DayReport): string {
	const lines = [
		usageMessages.member(usageMessages.allowance(usage.member)),
		usageMessages.server(usageMessages.allowance(usage.server)),
		usageMessages.resets(unixSeconds(usage.resetsAt)),
	];
	if (report) {
		const users = report.users.map((user, index) =>
			usageMessages.topUser(index + 1, user.userId, user.images, user.usd),
		);
		lines.push("", usageMessages.topUsers, ...(users.length > 0 ? users : [usageMessages.noUsersYet]));
		lines.push("", usageMessages.cost(report.usd, report.images));
	}
	return lines.join("\n");
}
