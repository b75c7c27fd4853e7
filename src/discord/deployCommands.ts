// src/discord/deployCommands.ts: registers the command list with Discord, globally or for one guild.
import { REST, Routes } from "discord.js";
import { allDefinitions } from "../../commands/index.js";
import type { DeployConfig } from "../config.js";
import { localizeCommand } from "./i18n/localizeCommands.js";

/** PUTs every command definition, localized (replacing the previous set); returns how many were registered and where. */
export async function deployCommands(config: DeployConfig): Promise<{ count: number; scope: string }> {
	const rest = new REST({ api: config.discordApiUrl }).setToken(config.discordToken);
	const application = (await rest.get(Routes.currentApplication())) as { id: string };
	const body = allDefinitions.map((definition) => localizeCommand(definition));
	const route = config.discordGuildId
		? Routes.applicationGuildCommands(application.id, config.discordGuildId)
		: Routes.applicationCommands(application.id);
	await rest.put(route, { body });
	return { count: body.length, scope: config.discordGuildId ? `guild ${config.discordGuildId}` : "global" };
}
