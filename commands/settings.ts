// commands/settings.ts: /settings lets members with Manage Server view and change the bot's server and channel settings.
import {
	type APIApplicationCommandChannelOption,
	ApplicationCommandOptionType,
	ChannelType,
	type ChatInputCommandInteraction,
	InteractionContextType,
	MessageFlags,
	PermissionFlagsBits,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Deps } from "../src/deps.js";
import { commandTexts, MAX_CHOICE_NAME } from "../src/discord/i18n/commandTexts.js";
import { textForDiscord } from "../src/discord/i18n/textFor.js";
import { answerSettings, SCOPE_CHOICES, type SettingsRequest } from "../src/discord/moderation/answerSettings.js";
import { settingsPlaceOf } from "../src/discord/routing/channelSettings.js";
import { MAX_PATTERN_LENGTH } from "../src/moderation/matchBlocklist.js";
import { MAX_REASON_CHARS, SETTING_KEYS, type SettingKey } from "../src/moderation/validateSetting.js";

/** A key choice is named as the English command texts name it (the other languages come at registration). */
const keyChoices = (keys: readonly SettingKey[]) =>
	keys.map((key) => ({ name: commandTexts.settings.choices.key[key].slice(0, MAX_CHOICE_NAME), value: key }));

const scope = {
	type: ApplicationCommandOptionType.String,
	name: "scope",
	description: "server, or channel (its value beats the server's); default: server unless you pick a channel",
	choices: SCOPE_CHOICES.map((choice) => ({ name: choice, value: choice })),
} as const;

const channel = (description: string): APIApplicationCommandChannelOption => ({
	type: ApplicationCommandOptionType.Channel,
	name: "channel",
	description,
	channel_types: [
		ChannelType.GuildText,
		ChannelType.GuildAnnouncement,
		ChannelType.GuildForum,
		ChannelType.GuildMedia,
		ChannelType.PublicThread,
		ChannelType.PrivateThread,
		ChannelType.AnnouncementThread,
	],
});

const scopeChannel = channel("With scope:channel, which channel (default: this one; a thread means its parent)");
const string = (name: string, description: string, extra: { required?: true; max_length?: number } = {}) =>
	({ type: ApplicationCommandOptionType.String, name, description, ...extra }) as const;

export const definition = {
	name: "settings",
	description: "View or change how the image bot behaves here (Manage Server)",
	default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
	contexts: [InteractionContextType.Guild],
	options: [
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: "view",
			description: "The effective settings of this channel, and where each value comes from",
			options: [channel("Show another channel's settings (a thread shows its parent's)")],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: "set",
			description: "Change one setting for the server or for one channel",
			options: [
				{
					...string("key", "The setting", { required: true }),
					choices: keyChoices(SETTING_KEYS.filter((key) => key !== "blocklist")),
				},
				string("value", "The new value (for roles or channels, mention them)", { required: true, max_length: 1_000 }),
				scope,
				scopeChannel,
			],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: "reset",
			description: "Remove a setting's value at this scope, so it inherits again",
			options: [
				{ ...string("key", "The setting", { required: true }), choices: keyChoices(SETTING_KEYS) },
				scope,
				scopeChannel,
			],
		},
		{
			type: ApplicationCommandOptionType.SubcommandGroup,
			name: "blocklist",
			description: "Words or /patterns/ refused before any model call",
			options: [
				{
					type: ApplicationCommandOptionType.Subcommand,
					name: "add",
					description: "Refuse prompts containing a word, phrase or /regex/",
					options: [
						string("pattern", "A word or phrase (whole words, any case), or /regex/", {
							required: true,
							max_length: MAX_PATTERN_LENGTH,
						}),
						string("reason", "Shown to the member whose prompt is refused", { max_length: MAX_REASON_CHARS }),
						scope,
						scopeChannel,
					],
				},
				{
					type: ApplicationCommandOptionType.Subcommand,
					name: "remove",
					description: "Take a word or /regex/ off the blocklist",
					options: [string("pattern", "The entry as it was added", { required: true }), scope, scopeChannel],
				},
			],
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const allowedMentions = { parse: [] };

function readRequest(interaction: ChatInputCommandInteraction): SettingsRequest {
	const { options } = interaction;
	const chosen = options.getString("scope") as SettingsRequest["scope"] | null;
	const common = { channelPicked: options.getChannel("channel") !== null, ...(chosen ? { scope: chosen } : {}) };
	const subcommand = options.getSubcommand(true);
	if (options.getSubcommandGroup() === "blocklist") {
		const pattern = options.getString("pattern", true);
		const reason = options.getString("reason");
		if (subcommand === "remove") return { ...common, action: "blocklistRemove", pattern };
		return { ...common, action: "blocklistAdd", pattern, ...(reason ? { reason } : {}) };
	}
	if (subcommand === "set") {
		return { ...common, action: "set", key: options.getString("key", true), value: options.getString("value", true) };
	}
	if (subcommand === "reset") return { ...common, action: "reset", key: options.getString("key", true) };
	return { ...common, action: "view" };
}

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	if (!interaction.inGuild()) {
		await interaction.reply({ content: t.settingsMessages.serverOnly, flags: MessageFlags.Ephemeral, allowedMentions });
		return;
	}
	// default_member_permissions only hides the command; a server can grant it to anyone, so check here too.
	if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
		await interaction.reply({
			content: t.settingsMessages.managersOnly,
			flags: MessageFlags.Ephemeral,
			allowedMentions,
		});
		return;
	}
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const place = await settingsPlaceOf(interaction);
	const answer = place
		? await answerSettings(deps.settings, readRequest(interaction), place, t)
		: { content: t.settingsMessages.notAServerChannel };
	await interaction.editReply({ ...answer, allowedMentions });
}
