// commands/index.ts: every command the bot registers and routes, listed by hand.
import type { ChatInputCommandInteraction } from "discord.js";
import type { Deps } from "../src/deps.js";
import * as help from "./help.js";
import * as imagine from "./imagine.js";

export type ChatCommand = {
	definition: { name: string };
	execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void>;
};

export const chatCommands: readonly ChatCommand[] = [imagine, help];
