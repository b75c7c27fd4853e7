// test/discord/turns/progress.test.ts: the status message of a running turn (waits, streamed text, drafts), with fake timers.

import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cancelButton } from "../../../src/discord/components.js";
import { english } from "../../../src/discord/i18n/catalogue.js";
import { messages } from "../../../src/discord/messages.js";
import {
	DRAFT_PREVIEW_PX,
	ELAPSED_REFRESH_MS,
	PREVIEW_AFTER_MS,
	PREVIEW_EDIT_MS,
	SHOW_ELAPSED_AFTER_MS,
	thoughtLine,
	trackProgress,
} from "../../../src/discord/turns/progress.js";
import type { TurnChannel } from "../../../src/discord/turns/turnChannel.js";
import { createLogger } from "../../../src/logger.js";

/** These tests read the English catalogue. */
const t = english;

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
		const progress = trackProgress(channel, createLogger("silent"), t, Date.now());
		await vi.advanceTimersByTimeAsync(SHOW_ELAPSED_AFTER_MS - 1);
		await progress.stop();
		expect(log).toEqual([]);
	});

	it("shows the elapsed time after 30 s, refreshes it, and removes it when the turn ends", async () => {
		const { channel, log } = recordingChannel();
		const progress = trackProgress(channel, createLogger("silent"), t, Date.now());
		await vi.advanceTimersByTimeAsync(SHOW_ELAPSED_AFTER_MS);
		expect(log).toEqual(["send:⏳ Working on it… 30 s"]);
		await vi.advanceTimersByTimeAsync(ELAPSED_REFRESH_MS);
		expect(log.at(-1)).toBe("edit:⏳ Working on it… 45 s");
		await progress.stop();
		expect(log.at(-1)).toBe("delete");
		await vi.advanceTimersByTimeAsync(ELAPSED_REFRESH_MS * 3);
		expect(log.at(-1)).toBe("delete");
	});

	it("shows a quota wait at once, with its retry time and never as working, then working again", async () => {
		const { channel, log } = recordingChannel();
		const progress = trackProgress(channel, createLogger("silent"), t, Date.now());
		const retryAt = Date.now() + 45_000;
		progress.show({ kind: "quota", retryAt });
		await vi.advanceTimersByTimeAsync(0);
		expect(log).toEqual([`send:${messages.progressQuotaWait(retryAt)}`]);
		expect(log[0]).toContain(`<t:${Math.ceil(retryAt / 1_000)}:R>`);
		// The 30 s mark and the refreshes pass while it waits: the line still names the wait.
		await vi.advanceTimersByTimeAsync(SHOW_ELAPSED_AFTER_MS + ELAPSED_REFRESH_MS * 2);
		expect(log.filter((entry) => entry.includes("Working"))).toEqual([]);
		progress.show({ kind: "running" });
		await vi.advanceTimersByTimeAsync(0);
		expect(log.at(-1)).toMatch(/^edit:⏳ Working on it… \d+ s$/);
		await progress.stop();
		expect(log.at(-1)).toBe("delete");
	});

	it("shows a wait for the project-wide cap at once with the turn's place, and updates it as the line moves", async () => {
		const { channel, log } = recordingChannel();
		const progress = trackProgress(channel, createLogger("silent"), t, Date.now());
		progress.show({ kind: "globalCap", position: 3 });
		await vi.advanceTimersByTimeAsync(0);
		progress.show({ kind: "globalCap", position: 2 });
		await vi.advanceTimersByTimeAsync(PREVIEW_EDIT_MS);
		progress.show({ kind: "globalCap", position: 1 });
		await vi.advanceTimersByTimeAsync(0);
		const retryAt = Date.now() + 20_000;
		progress.show({ kind: "globalRate", retryAt });
		await vi.advanceTimersByTimeAsync(PREVIEW_EDIT_MS);
		// Changes closer together than PREVIEW_EDIT_MS make one edit showing the latest.
		expect(log).toEqual([
			`send:${messages.progressGlobalCap(3)}`,
			`edit:${messages.progressGlobalCap(2)}`,
			`edit:${messages.progressGlobalRate(retryAt)}`,
		]);
		expect(log[0]).toContain("#3 in line");
		await progress.stop();
	});

	it("streams the answer's text into the message after PREVIEW_AFTER_MS, then at most one edit per PREVIEW_EDIT_MS", async () => {
		const { channel, log } = recordingChannel();
		const progress = trackProgress(channel, createLogger("silent"), t, Date.now());
		const words = ["Painting ", "it ", "yellow ", "now ", "and ", "keeping ", "the ", "bright ", "chrome."];
		let text = "";
		for (const word of words) {
			text += word;
			progress.preview({ text, drafts: 0 });
			await vi.advanceTimersByTimeAsync(300);
		}
		await vi.advanceTimersByTimeAsync(PREVIEW_EDIT_MS);
		// 9 chunks over 2.7 s: nothing before 1.5 s, then edits 1.5 s apart, the last showing every word.
		expect(PREVIEW_AFTER_MS).toBe(1_500);
		expect(log).toEqual([
			"send:⏳ Working on it… 2 s\nPainting it yellow now and",
			"edit:⏳ Working on it… 3 s\nPainting it yellow now and keeping the bright chrome.",
		]);
		await progress.stop();
		expect(log.at(-1)).toBe("delete");
	});

	it("attaches the latest draft as a small JPEG marked as a draft, and a retry clears what the failed attempt showed", async () => {
		vi.useRealTimers();
		const calls: { content: string; files?: { name: string; attachment: Buffer }[]; attachments?: unknown[] }[] = [];
		const message = {
			edit: async (payload: (typeof calls)[number]) => {
				calls.push(payload);
				return message;
			},
			delete: async () => message,
		};
		const channel = {
			send: async (payload: (typeof calls)[number]) => {
				calls.push(payload);
				return message;
			},
		} as unknown as TurnChannel;
		const progress = trackProgress(channel, createLogger("silent"), t, Date.now());
		const draft = await sharp({ create: { width: 1024, height: 512, channels: 3, background: "#c33" } })
			.png()
			.toBuffer();
		progress.preview({
			text: "",
			thought: "**Composing the scene**\n\nPutting the car on the left third.",
			draft: { data: draft, mimeType: "image/png" },
			drafts: 1,
		});
		await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: PREVIEW_AFTER_MS * 2 });
		const [status, ...rest] = calls[0]?.content.split("\n") ?? [];
		expect(status).toMatch(/^⏳ Working on it… \d+ s$/);
		expect(rest).toEqual([messages.progressThinking("Composing the scene"), messages.progressDraft(1)]);
		const file = calls[0]?.files?.[0];
		expect(file?.name).toBe("draft.jpg");
		const meta = await sharp(file?.attachment).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", DRAFT_PREVIEW_PX, DRAFT_PREVIEW_PX / 2]);
		// The attempt failed: its draft and text go, and the message says when it tries again.
		const retryAt = Date.now() + 2_000;
		progress.show({ kind: "retry", retryAt, attempt: 1 });
		await vi.waitFor(() => expect(calls).toHaveLength(2), { timeout: PREVIEW_EDIT_MS * 2 });
		expect(calls[1]).toMatchObject({ content: messages.progressRetry(retryAt), files: [], attachments: [] });
		await progress.stop();
	});

	it("sums a thought up in one line: its bold heading, else its first line, shortened", () => {
		expect(thoughtLine("**Composing the scene**\n\nMore detail.")).toBe("Composing the scene");
		expect(thoughtLine("\nPlanning the _layout_ first.\nThen colours.")).toBe("Planning the layout first.");
		expect(thoughtLine("x".repeat(300))).toHaveLength(120);
	});

	it("puts the Cancel row under the line", async () => {
		const sent: unknown[] = [];
		const message = { edit: async () => message, delete: async () => message };
		const channel = {
			send: async (payload: unknown) => {
				sent.push(payload);
				return message;
			},
		} as unknown as TurnChannel;
		const row = cancelButton("100000000000000001", "ticket1", "100000000000000002", t);
		const progress = trackProgress(channel, createLogger("silent"), t, Date.now(), row);
		progress.show({ kind: "retry", retryAt: Date.now() + 2_000, attempt: 1 });
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toEqual([expect.objectContaining({ components: [row] })]);
		await progress.stop();
	});
});
