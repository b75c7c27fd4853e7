// test/conversation/admission.ts: a real admission for unit tests, from admit() with a quota that always has room.
import { type Admission, admit } from "../../src/conversation/admit.js";
import { parseModerationConfig } from "../../src/moderation/config.js";
import { defaultSettings } from "../../src/moderation/defaultSettings.js";
import type { Settings } from "../../src/moderation/settings.js";

/** The operator's defaults (no env set), as a DM turn would run under. */
export const testSettings = (): Settings => defaultSettings(parseModerationConfig({}));

/** Admits a turn under `settings` (default: the operator's defaults) for member 1 in a DM. */
export async function testAdmission(settings: Settings = testSettings()): Promise<Admission> {
	const result = await admit(
		{
			quotas: {
				reserve: async ({ guildId, userId, images, model }) => ({
					ok: true,
					reservation: { id: "test", guildId, userId, day: "2026-12-01", images, model },
				}),
			},
		},
		{ place: { kind: "dm", channelId: "1" }, settings, asker: { id: "1", roleIds: [], isManager: false }, prompt: "" },
	);
	if (!result.ok) throw new Error(`test admission refused: ${result.code}`);
	return result.admission;
}
