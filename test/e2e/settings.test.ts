// test/e2e/settings.test.ts: /settings end to end: who may use it, scopes and origins, presets, errors, restarts.
import type { APIEmbed } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeInteraction, SlashCommandOptions } from "../../fakes/fakeDiscord.js";
import type { SettingsScope } from "../../src/moderation/settingsStore.js";
import { expectNothingStray, finalReply, type Harness, startHarness, threadNamed } from "./harness.js";

const EPHEMERAL = 64;

type Run = Omit<SlashCommandOptions, "name" | "channelId"> & { channelId?: string };

/** Runs /settings or /usage and waits for its final answer: the text, the embed as JSON and the embed's lines. */
function driver(h: () => Harness) {
	const answer = async (interaction: FakeInteraction) => {
		const message = await finalReply(h(), interaction);
		const embed = message.embeds[0] as APIEmbed | undefined;
		const lines = (embed?.fields ?? []).flatMap((field) => field.value.split("\n"));
		return {
			message,
			text: message.content,
			embed,
			embedText: JSON.stringify(embed ?? {}),
			/** The view line of a setting, e.g. "`limits.memberDailyImages` **3 a day** · channel". */
			line: (key: string) => lines.find((line) => line.startsWith(`\`${key}\``)),
			lines,
		};
	};
	const run = async (name: string, { channelId, userId, ...options }: Run) => {
		const interaction = await h().discord.slashCommand({
			name,
			...options,
			channelId: channelId ?? h().discord.textChannelId,
			userId: userId ?? h().discord.moderatorId,
		});
		return { interaction, ...(await answer(interaction)) };
	};
	return {
		run,
		settings: (subcommand: string, options: Record<string, string> = {}, extra: Omit<Run, "subcommand"> = {}) =>
			run("settings", { subcommand, options, ...extra }),
		view: (channelId?: string) => run("settings", { subcommand: "view", ...(channelId ? { channelId } : {}) }),
	};
}

describe("/settings, end to end (SQLite)", () => {
	let h: Harness;
	let server: SettingsScope;
	const { settings, view } = driver(() => h);

	beforeAll(async () => {
		h = await startHarness();
		server = { kind: "guild", id: h.discord.guildId };
	});
	afterAll(async () => {
		await h?.close();
	});
	afterEach(() => expectNothingStray(h));

	it("registers /settings for Manage Server, in servers only, with the setting keys as choices", () => {
		const registered = (h.discord.registeredCommands.guild.get(h.discord.guildId) ?? []) as Record<string, unknown>[];
		const command = registered.find((candidate) => candidate.name === "settings");
		expect(command?.default_member_permissions).toBe("32");
		expect(command?.contexts).toEqual([0]);
		const options = command?.options as { name: string; options?: { name: string; choices?: { value: string }[] }[] }[];
		expect(options.map((option) => option.name)).toEqual(["view", "set", "reset", "blocklist"]);
		const keys = options[1]?.options?.[0]?.choices?.map((choice) => choice.value);
		expect(keys).toContain("limits.memberDailyImages");
		expect(keys).toContain("preset");
		expect(keys).not.toContain("blocklist");
	});

	it("refuses members without Manage Server privately, says why, and stores nothing", async () => {
		for (const subcommand of ["set", "view"] as const) {
			const options: Record<string, string> =
				subcommand === "set" ? { key: "limits.memberDailyImages", value: "1" } : {};
			const refused = await settings(subcommand, options, { userId: h.discord.userId });
			expect(refused.interaction.callbacks[0]?.type).toBe(4);
			expect(refused.interaction.ephemeral).toBe(true);
			expect(refused.text).toContain("Manage Server");
		}
		const blocklist = await settings(
			"add",
			{ pattern: "banana" },
			{ subcommandGroup: "blocklist", userId: h.discord.otherUserId },
		);
		expect(blocklist.text).toContain("Manage Server");
		expect(await h.bot.deps.settings.getScope(server)).toEqual({});
		expect(await h.bot.deps.settings.getScope({ kind: "channel", id: h.discord.textChannelId })).toEqual({});
	});

	it("lets a channel value beat the server value, and view shows each value with where it comes from", async () => {
		const set = await settings("set", { key: "limits.memberDailyImages", value: "10" });
		expect(set.interaction.ephemeral).toBe(true);
		expect(set.message.flags & EPHEMERAL).toBe(EPHEMERAL);
		expect(set.message.allowed_mentions).toEqual({ parse: [] });
		expect(set.text).toContain("`limits.memberDailyImages` is now **10 a day** for the whole server");
		const channel = await settings("set", { key: "limits.memberDailyImages", value: "3", scope: "channel" });
		expect(channel.text).toContain(`**3 a day** for <#${h.discord.textChannelId}>`);

		const here = await view();
		expect(here.embed?.description).toContain(`<#${h.discord.textChannelId}>`);
		expect(here.line("limits.memberDailyImages")).toBe("`limits.memberDailyImages` **3 a day** · channel");
		expect(here.line("limits.serverDailyImages")).toBe("`limits.serverDailyImages` **unlimited** · default");
		expect(here.line("safety.harassment")).toBe("`safety.harassment` **BLOCK_MEDIUM_AND_ABOVE** · default");

		const elsewhere = h.discord.addTextChannel("elsewhere");
		const other = await view(elsewhere.id);
		expect(other.line("limits.memberDailyImages")).toBe("`limits.memberDailyImages` **10 a day** · server");
		const named = await settings("view", { channel: elsewhere.id });
		expect(named.line("limits.memberDailyImages")).toContain("10 a day");

		const overridden = await settings("set", { key: "limits.memberDailyImages", value: "12" });
		expect(overridden.text).toContain(`In <#${h.discord.textChannelId}> the effective value is **3 a day** (channel)`);
	});

	it("treats a thread as its parent channel, for view and for channel-scoped changes", async () => {
		await h.discord.slashCommand({
			name: "imagine",
			channelId: h.discord.textChannelId,
			options: { prompt: "a kite" },
		});
		const thread = await threadNamed(h, "a kite");
		const inThread = await view(thread.id);
		expect(inThread.embed?.description).toContain(`<#${h.discord.textChannelId}>`);
		expect(inThread.embed?.description).toContain(`<#${thread.id}>`);
		expect(inThread.line("limits.memberDailyImages")).toContain("**3 a day** · channel");
		await settings("set", { key: "access.threadTurns", value: "starter", scope: "channel" }, { channelId: thread.id });
		expect(await h.bot.deps.settings.get({ kind: "channel", id: h.discord.textChannelId }, "access.threadTurns")).toBe(
			"starter",
		);
		expect(await h.bot.deps.settings.getScope({ kind: "channel", id: thread.id })).toEqual({});
		await settings("reset", { key: "access.threadTurns", scope: "channel" }, { channelId: thread.id });
	});

	it("resets a setting so it inherits again, down to the default", async () => {
		const reset = await settings("reset", { key: "limits.memberDailyImages", scope: "channel" });
		expect(reset.text).toContain("no longer has its own value");
		expect(reset.text).toContain("effective value is **12 a day** (server)");
		expect((await view()).line("limits.memberDailyImages")).toBe("`limits.memberDailyImages` **12 a day** · server");
		await settings("reset", { key: "limits.memberDailyImages" });
		expect((await view()).line("limits.memberDailyImages")).toBe("`limits.memberDailyImages` **unlimited** · default");
		const again = await settings("reset", { key: "limits.memberDailyImages" });
		expect(again.text).toContain("has no value of its own for the whole server; nothing changed");
	});

	it("applies a preset's safety thresholds, people and blocklist together", async () => {
		await settings("set", { key: "safety.harassment", value: "BLOCK_ONLY_HIGH" });
		const applied = await settings("set", { key: "preset", value: "strict" });
		expect(applied.text).toContain("Preset **strict** now applies for the whole server");
		expect(await h.bot.deps.settings.getScope(server)).toEqual({ preset: "strict" });
		const shown = await view();
		expect(shown.line("preset")).toBe("`preset` **strict** · server");
		for (const key of ["harassment", "hateSpeech", "sexuallyExplicit", "dangerousContent"]) {
			expect(shown.line(`safety.${key}`)).toBe(`\`safety.${key}\` **BLOCK_LOW_AND_ABOVE** · preset strict`);
		}
		expect(shown.line("people")).toBe("`people` **none** · preset strict");
		const blocklist = shown.embed?.fields?.find((field) => field.name === "Blocklist")?.value ?? "";
		expect(blocklist).toContain("`nude` (preset strict) · This server does not allow sexual content.");
		expect(blocklist).toContain("`gore` (preset strict)");

		const removed = await settings("remove", { pattern: "nude" }, { subcommandGroup: "blocklist" });
		expect(removed.text).toContain("is not on the blocklist for the whole server");
		expect(removed.text).toContain("comes from the **strict** preset");
		await settings("reset", { key: "preset" });
		expect((await view()).line("people")).toBe("`people` **allow_adult** · default");
	});

	it("answers an invalid value with what the setting accepts, and stores nothing", async () => {
		const before = await h.bot.deps.settings.getScope(server);
		const cases: [Record<string, string>, string][] = [
			[{ key: "limits.memberDailyImages", value: "lots" }, "it takes a whole number from 0 (unlimited) to 100000"],
			[{ key: "threads.visibility", value: "secret" }, "it takes one of public, private"],
			[{ key: "safety.harassment", value: "OFF" }, "no safety threshold looser than BLOCK_ONLY_HIGH"],
			[{ key: "model", value: "imagen-9" }, "is not one of the models this bot's operator allows"],
			[{ key: "modlog.channelId", value: "#general" }, "it takes a channel id"],
		];
		for (const [options, expected] of cases) {
			const refused = await settings("set", options);
			expect(refused.interaction.ephemeral).toBe(true);
			expect(refused.text).toContain(expected);
			expect(refused.text).toContain("Nothing was changed.");
		}
		const pattern = await settings("add", { pattern: "/(a+)+$/" }, { subcommandGroup: "blocklist" });
		expect(pattern.text).toContain("can make matching hang");
		expect(await h.bot.deps.settings.getScope(server)).toEqual(before);
	});

	it("adds and removes blocklist words at a scope, and view lists them with their origin and reason", async () => {
		const added = await settings(
			"add",
			{ pattern: "banana split", reason: "No desserts here.", scope: "channel" },
			{ subcommandGroup: "blocklist" },
		);
		expect(added.text).toContain(`Added \`banana split\` to the blocklist for <#${h.discord.textChannelId}>`);
		await settings("add", { pattern: "/choc(olate)?/" }, { subcommandGroup: "blocklist" });
		const blocklist = (await view()).embed?.fields?.find((field) => field.name === "Blocklist")?.value;
		expect(blocklist).toBe("`/choc(olate)?/` (server)\n`banana split` (channel) · No desserts here.");
		const wrongScope = await settings("remove", { pattern: "banana split" }, { subcommandGroup: "blocklist" });
		expect(wrongScope.text).toContain("is not on the blocklist for the whole server");
		const removed = await settings(
			"remove",
			{ pattern: "Banana Split", scope: "channel" },
			{ subcommandGroup: "blocklist" },
		);
		expect(removed.text).toContain("Removed");
		await settings("remove", { pattern: "/choc(olate)?/" }, { subcommandGroup: "blocklist" });
		expect((await view()).embed?.fields?.find((field) => field.name === "Blocklist")?.value).toBe(
			"No words or patterns.",
		);
	});

	it("refuses scope:server together with a channel instead of guessing", async () => {
		const refused = await settings("set", {
			key: "threads.visibility",
			value: "private",
			scope: "server",
			channel: h.discord.nsfwChannelId,
		});
		expect(refused.text).toContain("leave `channel` out");
		expect(await h.bot.deps.settings.get(server, "threads.visibility")).toBeUndefined();
	});

	it("shows the automatic preset of an age-restricted channel", async () => {
		const shown = await view(h.discord.nsfwChannelId);
		expect(shown.embed?.description).toContain("age-restricted");
		expect(shown.line("preset")).toBe("`preset` **relaxed** · age-restricted channel: relaxed");
		expect(shown.line("people")).toBe("`people` **allow_adult** · preset relaxed");
	});

	it("keeps settings across a restart", async () => {
		await settings("set", { key: "threads.visibility", value: "private" });
		await settings("set", { key: "limits.cooldownSeconds", value: "30", channel: h.discord.textChannelId });
		await h.restart();
		const shown = await view();
		expect(shown.line("threads.visibility")).toBe("`threads.visibility` **private** · server");
		expect(shown.line("limits.cooldownSeconds")).toBe("`limits.cooldownSeconds` **30 s** · channel");
	});
});

describe("/settings on Redis", () => {
	let h: Harness;
	const { settings, view } = driver(() => h);

	beforeAll(async () => {
		h = await startHarness({ store: "redis" });
	});
	afterAll(async () => {
		await h?.close();
	});

	it("keeps server and channel settings, presets and blocklists across a restart", async () => {
		await settings("set", { key: "preset", value: "strict" });
		await settings("set", { key: "limits.serverDailyImages", value: "40", scope: "channel" });
		await settings("add", { pattern: "durian", reason: "Too smelly." }, { subcommandGroup: "blocklist" });
		await h.restart();
		const shown = await view();
		expect(shown.line("preset")).toBe("`preset` **strict** · server");
		expect(shown.line("people")).toBe("`people` **none** · preset strict");
		expect(shown.line("limits.serverDailyImages")).toBe("`limits.serverDailyImages` **40 a day** · channel");
		expect(shown.embedText).toContain("`durian` (server) · Too smelly.");
		expect(h.discord.unknownRoutes).toEqual([]);
	});
});
