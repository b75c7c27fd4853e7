// test/http/metrics.test.ts: what the pipeline, Gemini, the store and the queue report shows up in /metrics.
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/conversation/store.js";
import { createTurnQueue } from "../../src/conversation/turnQueue.js";
import { createMetrics } from "../../src/http/metrics.js";
import { timeStore } from "../../src/http/timeStore.js";

const usage = { promptTokens: 1_000, outputTokens: 1_290, totalTokens: 2_290 };

describe("createMetrics", () => {
	it("counts turns by entry point and outcome, with the block category, refusal code or error kind", async () => {
		const metrics = createMetrics();
		const model = "gemini-3.1-flash-image";
		metrics.turnEnded({
			entry: "http",
			outcome: "reply",
			reply: { kind: "parts", parts: [], truncated: false, usage },
			model,
			imagesIn: 2,
			imagesOut: 1,
			ms: 4_000,
		});
		metrics.turnEnded({
			entry: "imagine",
			outcome: "reply",
			reply: { kind: "blocked", stage: "output", reason: "IMAGE_SAFETY", category: "celebrity", codes: [] },
			model,
			imagesIn: 0,
			imagesOut: 0,
			ms: 2_000,
		});
		metrics.turnEnded({
			entry: "message",
			outcome: "reply",
			reply: { kind: "refused", text: "no" },
			model,
			imagesIn: 0,
			imagesOut: 0,
			ms: 1,
		});
		metrics.turnEnded({ entry: "message", outcome: "refused", code: "memberQuota" });
		metrics.turnEnded({ entry: "reroll", outcome: "error", kind: "gemini:deadline", ms: 180_000 });
		metrics.turnEnded({ entry: "http", outcome: "cancelled", ms: 10 });
		metrics.turnDequeued("http", 1_500);
		const text = await metrics.registry.metrics();
		expect(text).toContain('imagebot_turns_total{entry="http",outcome="image",detail=""} 1');
		expect(text).toContain('imagebot_turns_total{entry="imagine",outcome="blocked",detail="celebrity"} 1');
		expect(text).toContain('imagebot_turns_total{entry="message",outcome="text_only",detail=""} 1');
		expect(text).toContain('imagebot_turns_total{entry="message",outcome="refused",detail="memberQuota"} 1');
		expect(text).toContain('imagebot_turns_total{entry="reroll",outcome="error",detail="gemini:deadline"} 1');
		expect(text).toContain('imagebot_turns_total{entry="http",outcome="cancelled",detail=""} 1');
		expect(text).toContain('imagebot_turn_duration_seconds_bucket{le="5",entry="http",outcome="image"} 1');
		expect(text).toContain('imagebot_turn_queue_wait_seconds_bucket{le="2",entry="http"} 1');
		expect(text).toContain('imagebot_images_in_total{entry="http"} 2');
		expect(text).toContain(`imagebot_images_out_total{entry="http",model="${model}"} 1`);
		// 1,000 prompt tokens at $0.50/M and 1,290 output tokens at $60/M (the blocked turn's usage is absent: per image, 0).
		expect(text).toMatch(new RegExp(`imagebot_estimated_cost_usd_total\\{model="${model}"\\} 0\\.0779`));
		expect(text).toContain("nodejs_eventloop_lag_seconds");
	});

	it("records Gemini attempts by status, store operations, HTTP requests and the queue's depth", async () => {
		const metrics = createMetrics();
		metrics.geminiCall({ model: "m", status: "ok", ms: 900 });
		metrics.geminiCall({ model: "m", status: "503", ms: 100 });
		metrics.geminiCall({ model: "m", status: "timeout", ms: 120_000 });
		metrics.httpRequest("/v1/images", 429, 3);
		const queue = createTurnQueue();
		metrics.observeQueue(() => queue.counts());
		const gate = Promise.withResolvers<void>();
		const running = queue.run("a", () => gate.promise);
		const waiting = queue.run("a", async () => undefined);
		const store = timeStore(
			{
				getConversation: async () => undefined,
				getImage: async () => {
					throw new Error("down");
				},
			} as unknown as Store,
			metrics.storeCall,
		);
		await store.getConversation("x");
		await expect(store.getImage("y")).rejects.toThrow("down");
		const text = await metrics.registry.metrics();
		expect(text).toContain('imagebot_gemini_errors_total{status="503"} 1');
		expect(text).toContain('imagebot_gemini_errors_total{status="timeout"} 1');
		expect(text).not.toContain('imagebot_gemini_errors_total{status="ok"}');
		expect(text).toContain('imagebot_gemini_request_duration_seconds_count{model="m",status="ok"} 1');
		expect(text).toContain('imagebot_http_requests_total{route="/v1/images",status="429"} 1');
		expect(text).toContain('imagebot_turn_queue_depth{state="waiting"} 1');
		expect(text).toContain('imagebot_turn_queue_depth{state="running"} 1');
		expect(text).toContain(
			'imagebot_store_operation_duration_seconds_count{operation="getConversation",result="ok"} 1',
		);
		expect(text).toContain('imagebot_store_operation_duration_seconds_count{operation="getImage",result="error"} 1');
		gate.resolve();
		await Promise.all([running, waiting]);
		expect(queue.counts()).toEqual({ waiting: 0, running: 0 });
	});
});
