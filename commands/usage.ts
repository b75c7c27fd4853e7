// commands/usage.ts: /usage shows a member's images today and what is left; moderators also see top users and cost.
import {
	type ChatInputCommandInteraction,
	InteractionContextType,
	MessageFlags,
	PermissionFlagsBits,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Deps } from "../src/deps.js";
import { textForDiscord } from "../src/discord/i18n/textFor.js";
import { renderUsage } from "../src/discord/moderation/renderUsage.js";
import { settingsPlaceOf } from "../src/discord/routing/channelSettings.js";

const TOP_USERS = 5;
const allowedMentions = { parse: [] };

export const definition = {
	name: "usage",
	description: "Your images today, what is left of your quota and the server's, and when they reset",
	// Offered in DMs too, only to explain that quotas are counted per server.
	contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	if (!interaction.inGuild()) {
		await interaction.reply({ content: t.usageMessages.dmOnly, flags: MessageFlags.Ephemeral, allowedMentions });
		return;
	}
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const place = await settingsPlaceOf(interaction);
	const context = place?.context ?? {
		guildId: interaction.guildId,
		channelId: interaction.channelId,
		ageRestricted: false,
	};
	const { limits } = (await deps.settings.resolveSettings(context)).settings;
	const { guildId } = interaction;
	const usage = await deps.quotas.usageToday({ guildId, userId: interaction.user.id, limits });
	const isManager = interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
	const report = isManager ? await deps.quotas.topUsersToday(guildId, TOP_USERS) : undefined;
	await interaction.editReply({ content: renderUsage(usage, t, report), allowedMentions });
}
