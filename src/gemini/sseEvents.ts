// src/gemini/sseEvents.ts: regroups a server-sent-events body so each read holds whole events, as the SDK's parser wants them.

/** What ends an event: a blank line, in any of the three line-ending styles SSE allows. */
const BOUNDARIES = ["\n\n", "\r\r", "\r\n\r\n"].map((boundary) => Buffer.from(boundary));
/** The longest boundary less one byte: how much of the held bytes a boundary split between reads can start in. */
const SEAM = 3;

/** Where the last event boundary in `bytes` ends; -1 if there is none. */
function lastBoundaryEnd(bytes: Buffer): number {
	let end = -1;
	for (const boundary of BOUNDARIES) {
		const at = bytes.lastIndexOf(boundary);
		if (at >= 0) end = Math.max(end, at + boundary.length);
	}
	return end;
}

const asBuffer = (chunk: Uint8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * A TransformStream that passes an SSE body on as whole events (one or more per chunk). @google/genai appends each
 * read to a string and searches it from the start for the event's end: fed 64 kB reads of an event that carries a
 * 2 MB base64 image, that is quadratic (about 70 ms of CPU per image on this project's benchmark machine); fed whole
 * events, it is one pass. Bytes are regrouped, not changed, unless `map` (given each run of whole events as it
 * leaves) returns other bytes.
 */
export function sseEvents(map?: (events: Buffer) => Buffer): TransformStream<Uint8Array, Uint8Array> {
	let pending: Buffer<ArrayBufferLike>[] = [];
	/** The last bytes held, where a boundary that the next read completes may begin. */
	let tail: Buffer<ArrayBufferLike> = Buffer.alloc(0);
	const emit = (controller: TransformStreamDefaultController<Uint8Array>, events: Buffer) => {
		controller.enqueue(map ? map(events) : events);
	};
	return new TransformStream({
		transform(chunk, controller) {
			const bytes = asBuffer(chunk);
			// The last boundary lies in this read, or else it may straddle the seam with the bytes held before it.
			let cut = lastBoundaryEnd(bytes);
			if (cut < 0 && tail.length > 0) {
				const seam = lastBoundaryEnd(Buffer.concat([tail, bytes.subarray(0, SEAM)]));
				if (seam > tail.length) cut = seam - tail.length;
			}
			if (cut < 0) {
				// A read is a chunk of its own (web streams never reuse one): it is held as it is, not copied.
				pending.push(bytes);
				tail = Buffer.from(Buffer.concat([tail, bytes.subarray(Math.max(0, bytes.length - SEAM))]).subarray(-SEAM));
				return;
			}
			const events = pending.length > 0 ? Buffer.concat([...pending, bytes.subarray(0, cut)]) : bytes.subarray(0, cut);
			const rest = bytes.subarray(cut);
			pending = rest.length > 0 ? [rest] : [];
			tail = rest.subarray(Math.max(0, rest.length - SEAM));
			emit(controller, events);
		},
		flush(controller) {
			if (pending.length > 0) emit(controller, Buffer.concat(pending));
		},
	});
}
