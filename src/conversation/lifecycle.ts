// src/conversation/lifecycle.ts: whether the bot still takes turns, and the signal that interrupts running ones on shutdown.

export type Lifecycle = {
	/** True once shutdown began: no new turn is taken. */
	readonly stopping: boolean;
	/** Aborted when shutdown's grace period is over: running and waiting turns end as interrupted. */
	readonly interrupt: AbortSignal;
	/** Takes no new turns from now on. */
	stop(): void;
	/** Ends the running turns. */
	interruptTurns(): void;
};

/** Thrown into a turn that shutdown interrupted. */
export class TurnInterrupted extends Error {
	override readonly name = "TurnInterrupted";
	constructor() {
		super("the bot shut down during this turn");
	}
}

/** A lifecycle that takes turns until stop(). */
export function createLifecycle(): Lifecycle {
	let stopping = false;
	const controller = new AbortController();
	return {
		get stopping() {
			return stopping;
		},
		interrupt: controller.signal,
		stop() {
			stopping = true;
		},
		interruptTurns() {
			stopping = true;
			controller.abort(new TurnInterrupted());
		},
	};
}
