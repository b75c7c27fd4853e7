// src/http/metrics.ts: the Prometheus metrics (prom-client) that GET /metrics serves, recorded where things happen.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { TurnEnd, TurnMetrics } from "../conversation/turnMetrics.js";
import { estimateUsd } from "../gemini/models.js";
import type { ModelReply } from "../gemini/types.js";

/** What a turn's outcome is called in metrics, with the detail that splits it (category, code, kind). */
export type TurnLabels = { outcome: string; detail: string };

export type Metrics = TurnMetrics & {
	registry: Registry;
	/** One Gemini HTTP attempt: `status` is "ok", the HTTP status, "timeout", "aborted" or "network". */
	geminiCall(call: { model: string; status: string; ms: number }): void;
	/** One store operation (conversations, images, the readiness probe). */
	storeCall(operation: string, ms: number, ok: boolean): void;
	/** One HTTP request, by route pattern (never the raw URL, which carries ids). */
	httpRequest(route: string, status: number, ms: number): void;
	/** Reads the turn queue's depth at each scrape. */
	observeQueue(read: () => { waiting: number; running: number }): void;
};

const TURN_SECONDS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 180, 300];
const WAIT_SECONDS = [0.01, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120];
const STORE_SECONDS = [0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const HTTP_SECONDS = [0.005, 0.05, 0.5, 1, 2, 5, 10, 30, 60, 120, 180];

/** The labels of a model reply: an image, a text-only answer, a block by category, or no image by reason. */
export function replyLabels(reply: ModelReply): TurnLabels {
	switch (reply.kind) {
		case "parts":
			return { outcome: "image", detail: "" };
		case "refused":
			return { outcome: "text_only", detail: "" };
		case "blocked":
			return { outcome: "blocked", detail: reply.category ?? "unknown" };
		case "failed":
			return { outcome: "no_image", detail: reply.reason };
	}
}

function turnLabels(end: TurnEnd): TurnLabels {
	switch (end.outcome) {
		case "reply":
			return replyLabels(end.reply);
		case "refused":
			return { outcome: "refused", detail: end.code };
		case "error":
			return { outcome: "error", detail: end.kind };
		case "cancelled":
			return { outcome: "cancelled", detail: "" };
	}
}

/** Creates the registry: Node's default metrics (event-loop lag included), turns, Gemini, queue, store and HTTP. */
export function createMetrics(): Metrics {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry });
	const registers = [registry];
	const turns = new Counter({
		name: "imagebot_turns_total",
		help: "Turns by entry point and outcome (image, text_only, no_image, blocked, refused, error, cancelled); detail is the block category, refusal code, error kind or no-image reason",
		labelNames: ["entry", "outcome", "detail"] as const,
		registers,
	});
	const turnSeconds = new Histogram({
		name: "imagebot_turn_duration_seconds",
		help: "Whole turn, from the front of the line to the answer shown and committed",
		labelNames: ["entry", "outcome"] as const,
		buckets: TURN_SECONDS,
		registers,
	});
	const queueWait = new Histogram({
		name: "imagebot_turn_queue_wait_seconds",
		help: "Time a turn waited behind its conversation's earlier turns",
		labelNames: ["entry"] as const,
		buckets: WAIT_SECONDS,
		registers,
	});
	let readQueue: () => { waiting: number; running: number } = () => ({ waiting: 0, running: 0 });
	new Gauge({
		name: "imagebot_turn_queue_depth",
		help: "Turns waiting for their conversation's line, and running",
		labelNames: ["state"] as const,
		registers,
		collect() {
			const { waiting, running } = readQueue();
			this.set({ state: "waiting" }, waiting);
			this.set({ state: "running" }, running);
		},
	});
	const geminiSeconds = new Histogram({
		name: "imagebot_gemini_request_duration_seconds",
		help: "One Gemini call attempt (a streamed generateContent), by model and result status",
		labelNames: ["model", "status"] as const,
		buckets: TURN_SECONDS,
		registers,
	});
	const geminiErrors = new Counter({
		name: "imagebot_gemini_errors_total",
		help: "Gemini attempts that failed, by HTTP status (or timeout, aborted, network)",
		labelNames: ["status"] as const,
		registers,
	});
	const imagesIn = new Counter({
		name: "imagebot_images_in_total",
		help: "Input images sent with turns that got an answer",
		labelNames: ["entry"] as const,
		registers,
	});
	const imagesOut = new Counter({
		name: "imagebot_images_out_total",
		help: "Images Gemini made and members got",
		labelNames: ["entry", "model"] as const,
		registers,
	});
	const cost = new Counter({
		name: "imagebot_estimated_cost_usd_total",
		help: "Estimated Gemini cost in US dollars, from reported token usage (else per image)",
		labelNames: ["model"] as const,
		registers,
	});
	const storeSeconds = new Histogram({
		name: "imagebot_store_operation_duration_seconds",
		help: "Store operations, by operation and result",
		labelNames: ["operation", "result"] as const,
		buckets: STORE_SECONDS,
		registers,
	});
	const httpRequests = new Counter({
		name: "imagebot_http_requests_total",
		help: "HTTP requests by route and status",
		labelNames: ["route", "status"] as const,
		registers,
	});
	const httpSeconds = new Histogram({
		name: "imagebot_http_request_duration_seconds",
		help: "HTTP requests by route",
		labelNames: ["route"] as const,
		buckets: HTTP_SECONDS,
		registers,
	});
	return {
		registry,
		turnEnded(end) {
			const labels = turnLabels(end);
			turns.inc({ entry: end.entry, ...labels });
			if (end.outcome !== "refused" && end.ms !== undefined) {
				turnSeconds.observe({ entry: end.entry, outcome: labels.outcome }, end.ms / 1_000);
			}
			if (end.outcome !== "reply") return;
			imagesIn.inc({ entry: end.entry }, end.imagesIn);
			if (end.imagesOut > 0) imagesOut.inc({ entry: end.entry, model: end.model }, end.imagesOut);
			cost.inc({ model: end.model }, estimateUsd(end.model, end.imagesOut, end.reply.usage));
		},
		turnDequeued: (entry, ms) => queueWait.observe({ entry }, ms / 1_000),
		geminiCall({ model, status, ms }) {
			geminiSeconds.observe({ model, status }, ms / 1_000);
			if (status !== "ok") geminiErrors.inc({ status });
		},
		storeCall: (operation, ms, ok) => storeSeconds.observe({ operation, result: ok ? "ok" : "error" }, ms / 1_000),
		httpRequest(route, status, ms) {
			httpRequests.inc({ route, status: String(status) });
			httpSeconds.observe({ route }, ms / 1_000);
		},
		observeQueue(read) {
			readQueue = read;
		},
	};
}
