import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/conversation/store.js";
import { policyMessages } from "../../src/discord/messages.js";
import { checkPolicy, type PolicyMember, type PolicyRequest } from "../../src/moderation/checkPolicy.js";
import { parseModerationConfig } from "../../src/moderation/config.js";
import { defaultSettings } from "../../src/moderation/defaultSettings.js";
import { PolicyDenied } from "../../src/moderation/policyErrors.js";
import { PRESETS } from "../../src/moderation/presets.js";
import { createQuotas, type Quotas } from "../../src/moderation/quotas.js";
import type { Settings } from "../../src/moderation/settings.js";
import { type Place, SQLITE } from "./backends.js";

const GUILD = "100000000000000001";
const MEMBER_ROLE = "500000000000000001";
const MUTED_ROLE = "500000000000000002";
const ARTIST_ROLE = "500000000000000003";
const base = defaultSettings(parseModerationConfig({}));
const NOON = Date.parse("2026-05-01T12:00:00.000Z");

let place: Place;
let store: Store;
let quotas: Quotas;
let nextUser = 1;

beforeAll(async () => {
	place = await SQLITE.place();
	store = await createStore(place.url, place.namespace);
	quotas = createQuotas({ limiters: store.limiters, namespace: place.namespace, keyv: store.keyv, now: () => NOON });
});

afterAll(async () => {
	await store?.close();
	await place?.cleanup();
});

/** A member no other test has used, so counters and cooldowns start from zero. */
const member = (overrides: Partial<PolicyMember> = {}): PolicyMember => ({
	id: `2000000000000${String(nextUser++).padStart(5, "0")}`,
	roleIds: [MEMBER_ROLE],
	isManager: false,
	...overrides,
});

const settingsWith = (changes: {
	access?: Partial<Settings["access"]>;
	limits?: Partial<Settings["limits"]>;
	blocklist?: Settings["blocklist"];
}): Settings => ({
	...base,
	access: { ...base.access, ...changes.access },
	limits: { cooldownSeconds: 0, memberDailyImages: 0, serverDailyImages: 0, ...changes.limits },
	blocklist: changes.blocklist ?? base.blocklist,
});

const request = (overrides: Partial<PolicyRequest> = {}): PolicyRequest => ({
	guildId: GUILD,
	settings: settingsWith({}),
	member: member(),
	prompt: "a banana on the moon",
	images: 1,
	...overrides,
});

describe("checkPolicy", () => {
	it("allows a turn and hands back its reservation", async () => {
		const decision = await checkPolicy({ quotas }, request({ images: 2 }));
		expect(decision).toMatchObject({ allowed: true, reservation: { guildId: GUILD, images: 2, model: base.model } });
	});

	it("refuses a member holding a denied role, naming the role, even when another role is allowed", async () => {
		const settings = settingsWith({ access: { allowedRoles: [ARTIST_ROLE], deniedRoles: [MUTED_ROLE] } });
		const someone = member({ roleIds: [ARTIST_ROLE, MUTED_ROLE] });
		expect(await checkPolicy({ quotas }, request({ settings, member: someone }))).toEqual({
			allowed: false,
			code: "deniedRole",
			details: { roleId: MUTED_ROLE },
		});
	});

	it("refuses a member without any allowed role, listing the allowed ones; everyone is allowed when the list is empty", async () => {
		const settings = settingsWith({ access: { allowedRoles: [ARTIST_ROLE] } });
		expect(await checkPolicy({ quotas }, request({ settings }))).toEqual({
			allowed: false,
			code: "notAllowedRole",
			details: { allowedRoles: [ARTIST_ROLE] },
		});
		expect(
			(await checkPolicy({ quotas }, request({ settings, member: member({ roleIds: [ARTIST_ROLE] }) }))).allowed,
		).toBe(true);
		expect((await checkPolicy({ quotas }, request({ member: member({ roleIds: [] }) }))).allowed).toBe(true);
	});

	it("keeps a thread to its starter when the settings say so", async () => {
		const settings = settingsWith({ access: { threadTurns: "starter" } });
		const starter = member();
		const thread = { starterId: starter.id };
		expect(await checkPolicy({ quotas }, request({ settings, thread }))).toEqual({
			allowed: false,
			code: "threadStarterOnly",
			details: { starterId: starter.id },
		});
		expect((await checkPolicy({ quotas }, request({ settings, thread, member: starter }))).allowed).toBe(true);
		const open = settingsWith({ access: { threadTurns: "anyone" } });
		expect((await checkPolicy({ quotas }, request({ settings: open, thread }))).allowed).toBe(true);
	});

	it("refuses a blocklisted word with the moderators' reason, echoing only the matched words", async () => {
		const settings = settingsWith({
			blocklist: [{ pattern: "spoiler", reason: "No spoilers before Friday." }, { pattern: "/leak(ed|s)?/" }],
		});
		const prompt = "draw the final boss fight, a big SPOILER for everyone who has not finished the game yet";
		const decision = await checkPolicy({ quotas }, request({ settings, prompt }));
		expect(decision).toEqual({
			allowed: false,
			code: "blocklisted",
			details: { matched: "SPOILER", pattern: "spoiler", reason: "No spoilers before Friday." },
		});
		expect(JSON.stringify(decision)).not.toContain("final boss");
		expect(await checkPolicy({ quotas }, request({ settings, prompt: "the leaked trailer" }))).toMatchObject({
			code: "blocklisted",
			details: { matched: "leaked", pattern: "/leak(ed|s)?/" },
		});
		expect((await checkPolicy({ quotas }, request({ settings, prompt: "spoilers are fine" }))).allowed).toBe(true);
	});

	it("refuses a preset's word with the preset's reason, which members read in words", async () => {
		const settings = settingsWith({ blocklist: PRESETS.strict.blocklist.map((entry) => ({ ...entry })) });
		const decision = await checkPolicy({ quotas }, request({ settings, prompt: "a gore scene" }));
		expect(decision).toEqual({
			allowed: false,
			code: "blocklisted",
			details: { matched: "gore", pattern: "gore", presetReason: "graphicViolence" },
		});
		if (decision.allowed || decision.code !== "blocklisted") throw new Error("expected a blocklist denial");
		expect(policyMessages.blocklisted(decision.details)).toContain("does not allow graphic violence");
	});

	it("refuses a member in their cooldown with the seconds left", async () => {
		const settings = settingsWith({ limits: { cooldownSeconds: 120 } });
		const someone = member();
		expect((await checkPolicy({ quotas }, request({ settings, member: someone }))).allowed).toBe(true);
		const decision = await checkPolicy({ quotas }, request({ settings, member: someone }));
		expect(decision).toMatchObject({ allowed: false, code: "cooldown", details: { cooldownSeconds: 120 } });
		expect(decision.allowed === false && decision.code === "cooldown" && decision.details.secondsLeft).toBeGreaterThan(
			100,
		);
	});

	it("refuses an exhausted member quota and server quota with when they reset", async () => {
		const someone = member();
		const memberCap = settingsWith({ limits: { memberDailyImages: 1 } });
		expect((await checkPolicy({ quotas }, request({ settings: memberCap, member: someone }))).allowed).toBe(true);
		expect(await checkPolicy({ quotas }, request({ settings: memberCap, member: someone }))).toEqual({
			allowed: false,
			code: "memberQuota",
			details: { limit: 1, used: 1, requested: 1, resetsAt: "2026-05-02T00:00:00.000Z" },
		});
		const guildId = "100000000000000077";
		const serverCap = settingsWith({ limits: { serverDailyImages: 1 } });
		expect((await checkPolicy({ quotas }, request({ guildId, settings: serverCap }))).allowed).toBe(true);
		expect(await checkPolicy({ quotas }, request({ guildId, settings: serverCap }))).toEqual({
			allowed: false,
			code: "serverQuota",
			details: { limit: 1, used: 1, requested: 1, resetsAt: "2026-05-02T00:00:00.000Z" },
		});
	});

	it("lets managers past the role rules, the thread-starter rule and the cooldown, but not the blocklist or quotas", async () => {
		const settings = settingsWith({
			access: { allowedRoles: [ARTIST_ROLE], deniedRoles: [MUTED_ROLE], threadTurns: "starter" },
			limits: { cooldownSeconds: 300, memberDailyImages: 2 },
			blocklist: [{ pattern: "gore" }],
		});
		const manager = member({ roleIds: [MUTED_ROLE], isManager: true });
		const thread = { starterId: "299999999999999999" };
		expect((await checkPolicy({ quotas }, request({ settings, member: manager, thread }))).allowed).toBe(true);
		expect((await checkPolicy({ quotas }, request({ settings, member: manager, thread }))).allowed).toBe(true);
		expect(await checkPolicy({ quotas }, request({ settings, member: manager, thread }))).toMatchObject({
			code: "memberQuota",
		});
		expect(await checkPolicy({ quotas }, request({ settings, member: manager, prompt: "some gore" }))).toMatchObject({
			code: "blocklisted",
		});
	});

	it("checks access before quotas, so a refused member uses up nothing", async () => {
		const someone = member({ roleIds: [MUTED_ROLE] });
		const settings = settingsWith({ access: { deniedRoles: [MUTED_ROLE] }, limits: { cooldownSeconds: 60 } });
		expect(await checkPolicy({ quotas }, request({ settings, member: someone }))).toMatchObject({ code: "deniedRole" });
		expect((await quotas.usageToday({ guildId: GUILD, userId: someone.id })).member.used).toBe(0);
		const allowed = settingsWith({ limits: { cooldownSeconds: 60 } });
		expect((await checkPolicy({ quotas }, request({ settings: allowed, member: someone }))).allowed).toBe(true);
	});

	it("turns a denial into a PolicyDenied error with the same code and details", async () => {
		const decision = await checkPolicy(
			{ quotas },
			request({ settings: settingsWith({ access: { allowedRoles: [ARTIST_ROLE] } }) }),
		);
		if (decision.allowed) throw new Error("expected a denial");
		const error = PolicyDenied.from(decision);
		expect(error).toBeInstanceOf(Error);
		expect(error.code).toBe("notAllowedRole");
		expect(error.details).toEqual({ allowedRoles: [ARTIST_ROLE] });
	});
});
