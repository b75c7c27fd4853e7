// src/deps.ts: what the composition root hands to every handler.
import type { Config } from "./config.js";
import type { Store } from "./conversation/store.js";
import type { TurnQueue } from "./conversation/turnQueue.js";
import type { GenerateContent } from "./gemini/generate.js";
import type { Metrics } from "./http/startHttp.js";
import type { Logger } from "./logger.js";

export type Deps = {
	config: Config;
	logger: Logger;
	store: Store;
	generate: GenerateContent;
	turns: TurnQueue;
	/** Orders the preparation of arriving messages per channel, so turns queue in arrival order. */
	arrivals: TurnQueue;
	metrics: Metrics;
};
