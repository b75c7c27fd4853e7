// src/http/startHttp.ts: /healthz and /metrics for orchestrators and Prometheus, when HTTP_PORT is set.
import { createServer, type Server } from "node:http";
import { Counter, collectDefaultMetrics, Registry } from "prom-client";

export type Metrics = { registry: Registry; turns: Counter<"outcome"> };

/** Creates the metrics registry with Node's default metrics and a turn counter by outcome. */
export function createMetrics(): Metrics {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry });
	const turns = new Counter({
		name: "imagebot_turns_total",
		help: "Conversation turns by outcome",
		labelNames: ["outcome"] as const,
		registers: [registry],
	});
	return { registry, turns };
}

/**
 * Serves GET /healthz (200 when Discord is ready, else 503) and GET /metrics on `port` on every network interface:
 * a container's health check and Prometheus reach it from outside the container, so bind-to-loopback would hide it.
 * Nothing served is secret, but keep the port off the public internet (firewall, or publish it only to the host).
 */
export async function startHttp(port: number, metrics: Metrics, isReady: () => boolean): Promise<Server> {
	const server = createServer((request, response) => {
		if (request.method === "GET" && request.url === "/healthz") {
			const ready = isReady();
			response.writeHead(ready ? 200 : 503, { "content-type": "application/json" });
			response.end(JSON.stringify({ status: ready ? "ok" : "starting" }));
			return;
		}
		if (request.method === "GET" && request.url === "/metrics") {
			metrics.registry
				.metrics()
				.then((body) => {
					response.writeHead(200, { "content-type": metrics.registry.contentType });
					response.end(body);
				})
				.catch(() => {
					response.writeHead(500);
					response.end();
				});
			return;
		}
		response.writeHead(404);
		response.end();
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, resolve);
	});
	return server;
}
