import { describe, expect, it } from "vitest";
import { createTurnQueue } from "../../src/conversation/turnQueue.js";

/** A task that logs its start and end and holds its place in the queue until released: no timers involved. */
function gatedTask(log: string[], name: string) {
	const started = Promise.withResolvers<void>();
	const gate = Promise.withResolvers<void>();
	const state = { ran: false };
	return {
		name,
		state,
		started: started.promise,
		release: () => gate.resolve(),
		task: async () => {
			state.ran = true;
			log.push(`start ${name}`);
			started.resolve();
			await gate.promise;
			log.push(`end ${name}`);
			return name;
		},
	};
}

describe("createTurnQueue", () => {
	it("runs tasks under one key strictly one at a time, in arrival order", async () => {
		const queue = createTurnQueue();
		const log: string[] = [];
		const a = gatedTask(log, "a");
		const b = gatedTask(log, "b");
		const c = gatedTask(log, "c");
		const runs = [a, b, c].map((task) => queue.run("thread", task.task));
		await a.started;
		expect(queue.depth("thread")).toBe(3);
		// c and b may go as soon as they start; still neither may start before a is done, and c not before b.
		c.release();
		b.release();
		expect(log).toEqual(["start a"]);
		a.release();
		expect(await Promise.all(runs)).toEqual(["a", "b", "c"]);
		expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
		expect(queue.depth("thread")).toBe(0);
	});

	it("runs tasks under different keys at the same time", async () => {
		const queue = createTurnQueue();
		const log: string[] = [];
		const a = gatedTask(log, "a");
		const b = gatedTask(log, "b");
		const runA = queue.run("thread one", a.task);
		const runB = queue.run("thread two", b.task);
		// Both start while neither has been released.
		await Promise.all([a.started, b.started]);
		expect(log).toEqual(["start a", "start b"]);
		b.release();
		expect(await runB).toBe("b");
		expect(log).toEqual(["start a", "start b", "end b"]);
		a.release();
		expect(await runA).toBe("a");
	});

	it("keeps the line moving when a task throws", async () => {
		const queue = createTurnQueue();
		const failing = queue.run("thread", async () => {
			throw new Error("model down");
		});
		const next = queue.run("thread", async () => "next");
		await expect(failing).rejects.toThrow("model down");
		expect(await next).toBe("next");
	});

	it("reports 1-based places in line through onWait and updates them as the line moves", async () => {
		const queue = createTurnQueue();
		const log: string[] = [];
		const a = gatedTask(log, "a");
		const b = gatedTask(log, "b");
		const c = gatedTask(log, "c");
		const positions: Record<string, number[]> = { a: [], b: [], c: [] };
		const runs = [a, b, c].map((task) =>
			queue.run("thread", task.task, { onWait: (position) => positions[task.name]?.push(position) }),
		);
		await a.started;
		// a went straight in, so it never waited.
		expect(positions).toEqual({ a: [], b: [1], c: [2] });
		a.release();
		await b.started;
		expect(positions).toEqual({ a: [], b: [1], c: [2, 1] });
		b.release();
		await c.started;
		expect(positions).toEqual({ a: [], b: [1], c: [2, 1] });
		c.release();
		await Promise.all(runs);
	});

	it("cancels a waiting task: its run resolves undefined, it never runs, and those behind it move up", async () => {
		const queue = createTurnQueue();
		const log: string[] = [];
		const a = gatedTask(log, "a");
		const b = gatedTask(log, "b");
		const c = gatedTask(log, "c");
		const d = gatedTask(log, "d");
		const positions: Record<string, number[]> = { a: [], b: [], c: [], d: [] };
		const runs = [a, b, c, d].map((task) =>
			queue.run("thread", task.task, {
				ticket: `ticket-${task.name}`,
				onWait: (position) => positions[task.name]?.push(position),
			}),
		);
		await a.started;
		expect(positions).toEqual({ a: [], b: [1], c: [2], d: [3] });

		expect(queue.cancel("thread", "ticket-b")).toBe(true);
		expect(positions.c).toEqual([2, 1]);
		expect(positions.d).toEqual([3, 2]);
		// Gone already, unknown, or under another key: nothing to cancel.
		expect(queue.cancel("thread", "ticket-b")).toBe(false);
		expect(queue.cancel("thread", "ticket-zz")).toBe(false);
		expect(queue.cancel("another thread", "ticket-c")).toBe(false);

		expect(queue.cancel("thread", "ticket-c")).toBe(true);
		expect(positions.d).toEqual([3, 2, 1]);

		a.release();
		d.release();
		expect(await Promise.all(runs)).toEqual(["a", undefined, undefined, "d"]);
		expect(b.state.ran).toBe(false);
		expect(c.state.ran).toBe(false);
		expect(log).toEqual(["start a", "end a", "start d", "end d"]);
	});

	it("renumbers only those behind a task cancelled from the middle of the line", async () => {
		const queue = createTurnQueue();
		const log: string[] = [];
		const tasks = ["a", "b", "c", "d"].map((name) => gatedTask(log, name));
		const positions: Record<string, number[]> = { a: [], b: [], c: [], d: [] };
		const runs = tasks.map((task) =>
			queue.run("thread", task.task, {
				ticket: `ticket-${task.name}`,
				onWait: (position) => positions[task.name]?.push(position),
			}),
		);
		await tasks[0]?.started;
		expect(queue.cancel("thread", "ticket-c")).toBe(true);
		// b is still next; d moves from 3 to 2.
		expect(positions.b?.at(-1)).toBe(1);
		expect(positions.d).toEqual([3, 2]);
		for (const task of tasks) task.release();
		expect(await Promise.all(runs)).toEqual(["a", "b", undefined, "d"]);
		expect(log).toEqual(["start a", "end a", "start b", "end b", "start d", "end d"]);
	});

	it("aborts a running task's signal on cancel, and refuses to cancel a finished one", async () => {
		const queue = createTurnQueue();
		const gate = Promise.withResolvers<void>();
		const started = Promise.withResolvers<AbortSignal>();
		const run = queue.run(
			"thread",
			async (signal) => {
				started.resolve(signal);
				await gate.promise;
				return signal.aborted ? "stopped" : "finished";
			},
			{ ticket: "ticket-a" },
		);
		const signal = await started.promise;
		expect(signal.aborted).toBe(false);
		expect(queue.cancel("thread", "ticket-a")).toBe(true);
		expect(signal.aborted).toBe(true);
		expect((signal.reason as Error).name).toBe("AbortError");
		// A second press is a no-op.
		expect(queue.cancel("thread", "ticket-a")).toBe(false);
		gate.resolve();
		expect(await run).toBe("stopped");
		expect(queue.cancel("thread", "ticket-a")).toBe(false);
	});

	it("resolves idle once every queue is empty", async () => {
		const queue = createTurnQueue();
		await queue.idle();

		const log: string[] = [];
		const a = gatedTask(log, "a");
		const b = gatedTask(log, "b");
		const c = gatedTask(log, "c");
		const runs = [queue.run("thread one", a.task), queue.run("thread two", b.task), queue.run("thread one", c.task)];
		let idle = false;
		const idled = queue.idle().then(() => {
			idle = true;
		});
		a.release();
		await c.started;
		b.release();
		await runs[1];
		// c still runs under thread one.
		expect(idle).toBe(false);
		c.release();
		await idled;
		expect(log).toEqual(expect.arrayContaining(["end a", "end b", "end c"]));
		expect(queue.depth("thread one")).toBe(0);
		expect(queue.depth("thread two")).toBe(0);
		expect(await Promise.all(runs)).toEqual(["a", "b", "c"]);
	});
});
