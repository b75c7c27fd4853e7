// src/conversation/pipelineDeps.ts: what the turn pipeline needs from the composition root (no Discord in it).
import type { PixelWork } from "../background/pixelWorker.js";
import type { Config } from "../config.js";
import type { GenerateContent } from "../gemini/generate.js";
import type { Logger } from "../logger.js";
import type { ModerationCase } from "../moderation/cases.js";
import type { Quotas } from "../moderation/quotas.js";
import type { Settings } from "../moderation/settings.js";
import type { SettingsStore } from "../moderation/settingsStore.js";
import type { InFlight } from "./inFlight.js";
import type { Lifecycle } from "./lifecycle.js";
import type { Store } from "./store.js";
import type { TurnMetrics } from "./turnMetrics.js";
import type { TurnQueue } from "./turnQueue.js";

export type PipelineDeps = {
	config: Config;
	logger: Logger;
	store: Store;
	generate: GenerateContent;
	/** Runs each conversation's turns one at a time. */
	turns: TurnQueue;
	/** Orders the preparation of arriving requests per conversation, so turns queue in arrival order. */
	arrivals: TurnQueue;
	metrics: TurnMetrics;
	settings: SettingsStore;
	quotas: Quotas;
	inFlight: InFlight;
	lifecycle: Lifecycle;
	/** /background's masks, dilations and drift checks, on a worker thread (they would hold the event loop for seconds). */
	pixels: PixelWork;
	/** Records a moderation case and posts it to the server's log; never throws. */
	reportCase(moderationCase: ModerationCase, modlog: Settings["modlog"]): Promise<void>;
};
