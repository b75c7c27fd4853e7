import { afterEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/conversation/store.js";
import { parseModerationConfig } from "../../src/moderation/config.js";
import { PRESETS } from "../../src/moderation/presets.js";
import { createQuotas } from "../../src/moderation/quotas.js";
import { SettingError } from "../../src/moderation/settingErrors.js";
import { createSettingsStore, type SettingsScope } from "../../src/moderation/settingsStore.js";
import { BACKENDS, type Place } from "./backends.js";

const config = parseModerationConfig({});
const GUILD = "100000000000000001";
const CHANNEL = "200000000000000002";
const OTHER_CHANNEL = "200000000000000003";
const THREAD = "300000000000000004";
const server: SettingsScope = { kind: "guild", id: GUILD };
const channel: SettingsScope = { kind: "channel", id: CHANNEL };
const here = { guildId: GUILD, channelId: CHANNEL, ageRestricted: false };

describe.each(BACKENDS)("createSettingsStore on $name", (backend) => {
	let place: Place;
	let stores: Store[] = [];
	const open = async () => {
		const store = await createStore(place.url, place.namespace);
		stores.push(store);
		return createSettingsStore({ keyv: store.keyv, config });
	};
	const fresh = async () => {
		place = await backend.place();
		return open();
	};

	afterEach(async () => {
		for (const store of stores) await store.close();
		stores = [];
		expect(await place.cleanup()).toEqual([]);
	});

	it("lets a channel value beat the server value, for that channel only", async () => {
		const settings = await fresh();
		await settings.set(server, "limits.cooldownSeconds", "30");
		await settings.set(channel, "limits.cooldownSeconds", 5);
		const inChannel = await settings.resolveSettings(here);
		expect(inChannel.settings.limits.cooldownSeconds).toBe(5);
		expect(inChannel.origins["limits.cooldownSeconds"]).toEqual({ source: "channel" });
		const elsewhere = await settings.resolveSettings({ ...here, channelId: OTHER_CHANNEL });
		expect(elsewhere.settings.limits.cooldownSeconds).toBe(30);
		expect(elsewhere.origins["limits.cooldownSeconds"]).toEqual({ source: "server" });
	});

	it("returns to the default on reset, and says whether anything was set", async () => {
		const settings = await fresh();
		await settings.set(server, "threads.visibility", "private");
		expect(await settings.get(server, "threads.visibility")).toBe("private");
		expect(await settings.reset(server, "threads.visibility")).toBe(true);
		expect(await settings.reset(server, "threads.visibility")).toBe(false);
		expect(await settings.get(server, "threads.visibility")).toBeUndefined();
		const resolved = await settings.resolveSettings(here);
		expect(resolved.settings.threads.visibility).toBe("public");
		expect(resolved.origins["threads.visibility"]).toEqual({ source: "default" });
		await expect(settings.reset(server, "colour")).rejects.toMatchObject({ code: "unknownSetting" });
	});

	it("applies a preset whole: its thresholds, people and blocklist, replacing that scope's own values", async () => {
		const settings = await fresh();
		await settings.set(server, "safety.harassment", "BLOCK_ONLY_HIGH");
		await settings.set(server, "people", "allow_all");
		await settings.set(server, "preset", "strict");
		expect(await settings.getScope(server)).toEqual({ preset: "strict" });
		const { settings: effective, origins } = await settings.resolveSettings(here);
		expect(effective.safety).toEqual(PRESETS.strict.safety);
		expect(effective.people).toBe("none");
		expect(effective.blocklist).toEqual(PRESETS.strict.blocklist);
		expect(origins["safety.harassment"]).toEqual({ source: "preset", preset: "strict" });
	});

	it("gives age-restricted channels their preset automatically", async () => {
		const settings = await fresh();
		const adult = await settings.resolveSettings({ ...here, ageRestricted: true });
		expect(adult.settings.safety).toEqual(PRESETS.relaxed.safety);
		await settings.set(server, "ageRestrictedPreset", "strict");
		const strict = await settings.resolveSettings({ ...here, ageRestricted: true });
		expect(strict.settings.safety).toEqual(PRESETS.strict.safety);
		expect(strict.origins["safety.sexuallyExplicit"]).toEqual({ source: "preset", preset: "strict" });
		const plain = await settings.resolveSettings(here);
		expect(plain.settings.safety).toEqual(PRESETS.standard.safety);
	});

	it("refuses a threshold looser than the operator allows, and stores nothing", async () => {
		const settings = await fresh();
		const refused = settings.set(channel, "safety.dangerousContent", "OFF");
		await expect(refused).rejects.toBeInstanceOf(SettingError);
		await expect(refused).rejects.toMatchObject({
			code: "thresholdTooPermissive",
			details: { threshold: "OFF", mostPermissive: "BLOCK_ONLY_HIGH" },
		});
		expect(await settings.getScope(channel)).toEqual({});
	});

	it("gives a thread its parent channel's settings", async () => {
		const settings = await fresh();
		await settings.set(channel, "access.threadTurns", "starter");
		const thread = await settings.resolveSettings({ ...here, channelId: THREAD, parentChannelId: CHANNEL });
		expect(thread.settings.access.threadTurns).toBe("starter");
		expect(thread.origins["access.threadTurns"]).toEqual({ source: "channel" });
	});

	it("adds to and removes from a scope's blocklist, replacing an entry with the same pattern", async () => {
		const settings = await fresh();
		await settings.addToBlocklist(server, { pattern: "spoiler" });
		const list = await settings.addToBlocklist(server, { pattern: "SPOILER", reason: "No spoilers before Friday." });
		expect(list).toEqual([{ pattern: "SPOILER", reason: "No spoilers before Friday." }]);
		await expect(settings.addToBlocklist(server, { pattern: "/(a+)+/" })).rejects.toMatchObject({
			code: "invalidPattern",
		});
		expect(await settings.removeFromBlocklist(server, "spoiler")).toBe(true);
		expect(await settings.removeFromBlocklist(server, "spoiler")).toBe(false);
		expect(await settings.getScope(server)).toEqual({});
	});

	it("loses no update when several changes to one scope arrive at once", async () => {
		const settings = await fresh();
		await Promise.all([
			settings.set(server, "limits.memberDailyImages", 3),
			settings.set(server, "limits.serverDailyImages", 40),
			settings.set(server, "modlog.channelId", "400000000000000005"),
			settings.addToBlocklist(server, { pattern: "one" }),
			settings.addToBlocklist(server, { pattern: "two" }),
		]);
		expect(await settings.getScope(server)).toEqual({
			"limits.memberDailyImages": 3,
			"limits.serverDailyImages": 40,
			"modlog.channelId": "400000000000000005",
			blocklist: [{ pattern: "one" }, { pattern: "two" }],
		});
	});

	it("lands every change from many callers while quota counters are written on the same store", async () => {
		const settings = await fresh();
		const store = stores.at(-1) ?? expect.unreachable("no store opened");
		const quotas = createQuotas({ limiters: store.limiters, namespace: place.namespace, keyv: store.keyv });
		const channels = Array.from({ length: 10 }, (_, index) => `60000000000000000${index}`);
		const noLimits = { cooldownSeconds: 0, memberDailyImages: 0, serverDailyImages: 0 };
		const turn = async (index: number) => {
			const reserved = await quotas.reserve({
				guildId: GUILD,
				userId: `70000000000000000${index}`,
				images: 1,
				limits: noLimits,
				model: config.defaultModel,
			});
			if (!reserved.ok) throw new Error(`reserve refused: ${reserved.code}`);
			await quotas.commit(reserved.reservation, 1);
		};
		await Promise.all([
			...channels.map((id, index) => settings.set({ kind: "channel", id }, "limits.cooldownSeconds", index + 1)),
			...channels.map((id) => settings.addToBlocklist(server, { pattern: `word${id}` })),
			...channels.map((id) => settings.addToBlocklist({ kind: "channel", id }, { pattern: "shared" })),
			...channels.map((_, index) => turn(index)),
		]);
		for (const [index, id] of channels.entries()) {
			expect(await settings.getScope({ kind: "channel", id })).toEqual({
				"limits.cooldownSeconds": index + 1,
				blocklist: [{ pattern: "shared" }],
			});
		}
		const serverList = (await settings.getScope(server)).blocklist?.map((entry) => entry.pattern) ?? [];
		expect(serverList.sort()).toEqual(channels.map((id) => `word${id}`).sort());
		expect((await quotas.topUsersToday(GUILD, 20)).images).toBe(channels.length);
	});

	it("keeps settings across a restart", async () => {
		const before = await fresh();
		await before.set(server, "model", "gemini-3-pro-image");
		await before.set(channel, "modlog.includePrompts", "yes");
		for (const store of stores) await store.close();
		stores = [];
		const after = await open();
		const { settings, origins } = await after.resolveSettings(here);
		expect(settings.model).toBe("gemini-3-pro-image");
		expect(origins.model).toEqual({ source: "server" });
		expect(settings.modlog.includePrompts).toBe(true);
	});
});
