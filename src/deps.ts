// src/deps.ts: what the composition root hands to every handler.
import type { Client } from "discord.js";
import type { Config } from "./config.js";
import type { Store } from "./conversation/store.js";
import type { TurnQueue } from "./conversation/turnQueue.js";
import type { GenerateContent } from "./gemini/generate.js";
import type { Metrics } from "./http/startHttp.js";
import type { Logger } from "./logger.js";
import type { Quotas } from "./moderation/quotas.js";
import type { SettingsStore } from "./moderation/settingsStore.js";

export type Deps = {
	config: Config;
	logger: Logger;
	/** The Discord client, for work that starts outside an interaction (the moderation log). */
	discord: Client;
	store: Store;
	generate: GenerateContent;
	turns: TurnQueue;
	/** Orders the preparation of arriving messages per channel, so turns queue in arrival order. */
	arrivals: TurnQueue;
	metrics: Metrics;
	settings: SettingsStore;
	quotas: Quotas;
};
