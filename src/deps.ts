// src/deps.ts: what the composition root hands to every handler: the pipeline's needs plus the Discord client.
import type { Client } from "discord.js";
import type { PipelineDeps } from "./conversation/pipelineDeps.js";

export type Deps = PipelineDeps & {
	/** The Discord client, for work that starts outside an interaction (the moderation log, restart notices). */
	discord: Client;
};
