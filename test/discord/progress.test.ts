// test/discord/progress.test.ts: the long-generation status line, with fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ELAPSED_REFRESH_MS, SHOW_ELAPSED_AFTER_MS, trackProgress } from "../../src/discord/progress.js";
import type { TurnChannel } from "../../src/discord/takeTurn.js";
import { createLogger } from "../../src/logger.js";

/** A stand-in for the few channel and message methods progress uses; what it was asked to do is recorded. */
function recordingChannel() {
	const log: string[] = [];
	const message = {
		edit: async (payload: { content: string }) => {
			log.push(`edit:${payload.content}`);
			return message;
		},
		delete: async () => {
			log.push("delete");
			return message;
		},
	};
	const channel = {
		send: async (payload: { content: string }) => {
			log.push(`send:${payload.content}`);
			return message;
		},
	};
	return { channel: channel as unknown as TurnChannel, log };
}

describe("trackProgress", () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it("shows nothing for a turn shorter than the threshold", async () => {
		const { channel, log } = recordingChannel();
		const progress = trackProgress(channel, createLogger("silent"), Date.now());
		await vi.advanceTimersByTimeAsync(SHOW_ELAPSED_AFTER_MS - 1);
		await progress.stop();
		expect(log).toEqual([]);
	});

	it("shows the elapsed time after 30 s, refreshes it, and removes it when the turn ends", async () => {
		const { channel, log } = recordingChannel();
		const progress = trackProgress(channel, createLogger("silent"), Date.now());
		await vi.advanceTimersByTimeAsync(SHOW_ELAPSED_AFTER_MS);
		expect(log).toEqual(["send:⏳ Still working… 30 s"]);
		await vi.advanceTimersByTimeAsync(ELAPSED_REFRESH_MS);
		expect(log.at(-1)).toBe("edit:⏳ Still working… 45 s");
		await progress.stop();
		expect(log.at(-1)).toBe("delete");
		await vi.advanceTimersByTimeAsync(ELAPSED_REFRESH_MS * 3);
		expect(log.at(-1)).toBe("delete");
	});

	it("shows a note at once, under the elapsed time", async () => {
		const { channel, log } = recordingChannel();
		const progress = trackProgress(channel, createLogger("silent"), Date.now());
		progress.note("quota wait");
		await vi.advanceTimersByTimeAsync(0);
		expect(log).toEqual(["send:⏳ Still working… 0 s\nquota wait"]);
		await progress.stop();
	});
});
