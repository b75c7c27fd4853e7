// src/moderation/settingsStore.ts: server and channel settings in the conversations' keyv, and each channel's effective view.
import type Keyv from "keyv";
import type { ModerationConfig } from "./config.js";
import { type EffectiveSettings, mergeSettings } from "./mergeSettings.js";
import { serializeByKey } from "./serializeByKey.js";
import { SettingError } from "./settingErrors.js";
import type { BlocklistEntry } from "./settings.js";
import {
	isSettingKey,
	MAX_BLOCKLIST_ENTRIES,
	PRESET_KEYS,
	type ScopeSettings,
	SETTING_KEYS,
	type SettingKey,
	type SettingValues,
	validateSetting,
} from "./validateSetting.js";

/** Where a setting is stored: for the whole server, or for one channel (a thread uses its parent's). */
export type SettingsScope = { kind: "guild"; id: string } | { kind: "channel"; id: string };

export type ChannelContext = {
	guildId: string;
	channelId: string;
	/** Set when channelId is a thread: threads take their parent channel's settings. */
	parentChannelId?: string;
	/** Discord's age-restricted (nsfw) flag of the channel, or of the thread's parent. */
	ageRestricted: boolean;
};

export type SettingsStore = {
	/** The value stored at exactly this scope, or undefined when it inherits. */
	get<Key extends SettingKey>(scope: SettingsScope, key: Key): Promise<SettingValues[Key] | undefined>;
	/** Everything stored at exactly this scope. */
	getScope(scope: SettingsScope): Promise<ScopeSettings>;
	/**
	 * Validates and stores a value (text as typed in Discord is accepted), returning it as stored; throws SettingError.
	 * Setting `preset` also clears this scope's own safety and people values, so the preset applies whole.
	 */
	set(scope: SettingsScope, key: string, value: unknown): Promise<SettingValues[SettingKey]>;
	/** Removes the value at this scope so it inherits again; false when nothing was set. */
	reset(scope: SettingsScope, key: string): Promise<boolean>;
	/** Adds an entry to this scope's blocklist (replacing an entry with the same pattern); returns the new list. */
	addToBlocklist(scope: SettingsScope, entry: BlocklistEntry): Promise<BlocklistEntry[]>;
	/** Removes the entry with this pattern from this scope's blocklist; false when it was not there. */
	removeFromBlocklist(scope: SettingsScope, pattern: string): Promise<boolean>;
	/** The effective settings of a channel or thread, with where each value came from (for /settings view). */
	resolveSettings(where: ChannelContext): Promise<EffectiveSettings>;
};

const keyOf = (scope: SettingsScope) => `settings:${scope.kind}:${scope.id}`;

/** Creates the settings store on the keyv the conversations use (`Store.keyv`), so settings survive restarts. */
export function createSettingsStore({ keyv, config }: { keyv: Keyv; config: ModerationConfig }): SettingsStore {
	const serialize = serializeByKey();
	const serially = <T>(scope: SettingsScope, task: () => Promise<T>) => serialize(keyOf(scope), task);

	const read = async (scope: SettingsScope): Promise<ScopeSettings> =>
		(await keyv.get<ScopeSettings>(keyOf(scope))) ?? {};
	const write = async (scope: SettingsScope, values: ScopeSettings): Promise<void> => {
		if (Object.keys(values).length === 0) await keyv.delete(keyOf(scope));
		else await keyv.set(keyOf(scope), values);
	};
	const update = <T>(scope: SettingsScope, change: (values: ScopeSettings) => T) =>
		serially(scope, async () => {
			const values = await read(scope);
			const result = change(values);
			await write(scope, values);
			return result;
		});

	return {
		async get(scope, key) {
			return (await read(scope))[key];
		},
		getScope: read,
		async set(scope, key, value) {
			const valid = validateSetting(key, value, config);
			return update(scope, (values) => {
				if (key === "preset") for (const presetKey of PRESET_KEYS) delete values[presetKey];
				(values as Record<string, unknown>)[key] = valid;
				return valid;
			});
		},
		async reset(scope, key) {
			validateKey(key);
			return update(scope, (values) => {
				const had = Object.hasOwn(values, key);
				delete (values as Record<string, unknown>)[key];
				return had;
			});
		},
		async addToBlocklist(scope, entry) {
			const [valid] = validateSetting("blocklist", [entry], config);
			if (!valid) throw new SettingError("invalidValue", { key: "blocklist" });
			return update(scope, (values) => {
				const others = (values.blocklist ?? []).filter((old) => !samePattern(old.pattern, valid.pattern));
				if (others.length >= MAX_BLOCKLIST_ENTRIES) {
					throw new SettingError("tooManyEntries", { key: "blocklist", max: MAX_BLOCKLIST_ENTRIES });
				}
				values.blocklist = [...others, valid];
				return values.blocklist;
			});
		},
		removeFromBlocklist: (scope, pattern) =>
			update(scope, (values) => {
				const before = values.blocklist ?? [];
				const after = before.filter((entry) => !samePattern(entry.pattern, pattern));
				if (after.length === 0) delete values.blocklist;
				else values.blocklist = after;
				return after.length < before.length;
			}),
		async resolveSettings({ guildId, channelId, parentChannelId, ageRestricted }) {
			const [server, channel] = await Promise.all([
				read({ kind: "guild", id: guildId }),
				read({ kind: "channel", id: parentChannelId ?? channelId }),
			]);
			return mergeSettings({ config, server, channel, ageRestricted });
		},
	};
}

const samePattern = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Refuses an unknown key the same way set() does, so that /settings reset explains itself too. */
function validateKey(key: string): void {
	if (!isSettingKey(key)) throw new SettingError("unknownSetting", { key, known: SETTING_KEYS });
}
