// commands/index.ts: every command the bot registers and routes, listed by hand.
import type { ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from "discord.js";
import type { Deps } from "../src/deps.js";
import * as background from "./background.js";
import * as editImage from "./editImage.js";
import * as forget from "./forget.js";
import * as help from "./help.js";
import * as imagine from "./imagine.js";
import * as settings from "./settings.js";
import * as undo from "./undo.js";
import * as usage from "./usage.js";

export type ChatCommand = {
	definition: { name: string };
	execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void>;
};

export type MessageCommand = {
	definition: { name: string; type: number };
	execute(interaction: MessageContextMenuCommandInteraction, deps: Deps): Promise<void>;
};

export const chatCommands: readonly ChatCommand[] = [imagine, background, undo, forget, settings, usage, help];
export const messageCommands: readonly MessageCommand[] = [editImage];

/** Every definition, as deploy-commands registers them. */
export const allDefinitions = [...chatCommands, ...messageCommands].map((command) => command.definition);
