// The gateway: Discord's WebSocket protocol v10 (JSON, optional zlib-stream) with sessions, resume and intents.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { createDeflate, constants as zlibConstants } from "node:zlib";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { isRecord } from "./errors.js";
import { shardOf } from "./snowflake.js";

export const INTENTS = {
	Guilds: 1 << 0,
	GuildMembers: 1 << 1,
	GuildMessages: 1 << 9,
	GuildMessageReactions: 1 << 10,
	GuildMessageTyping: 1 << 11,
	DirectMessages: 1 << 12,
	DirectMessageReactions: 1 << 13,
	MessageContent: 1 << 15,
} as const;

const HEARTBEAT_INTERVAL_MS = 41_250;
const REPLAY_LOG_SIZE = 1_000;
const OP = {
	Dispatch: 0,
	Heartbeat: 1,
	Identify: 2,
	Resume: 6,
	Reconnect: 7,
	RequestMembers: 8,
	InvalidSession: 9,
	Hello: 10,
	HeartbeatAck: 11,
} as const;

export interface GatewayPayload {
	op: number;
	d: unknown;
	s: number | null;
	t: string | null;
}

/** Who should receive an event: guild events go to the shard owning the guild; `intent` is required unless absent. */
export interface DispatchScope {
	guildId?: string;
	intent?: number;
	/** A message event whose content fields are emptied for sessions without the MESSAGE_CONTENT intent. */
	messageContent?: { authorId: string; mentionIds: string[]; isDirect: boolean };
}

export interface GatewaySession {
	id: string;
	shard: [number, number];
	intents: number;
	seq: number;
	socket?: WebSocket;
	send?: (payload: GatewayPayload) => void;
	log: GatewayPayload[];
}

export interface GatewayHooks {
	token: string;
	botUserId: string;
	nextId: () => string;
	/** READY's d, without session fields. */
	ready(session: GatewaySession): Record<string, unknown>;
	/** Full GUILD_CREATE payloads for the guilds of this shard. */
	guildCreates(session: GatewaySession): { id: string; payload: unknown }[];
	/** GUILD_MEMBERS_CHUNK data for a REQUEST_GUILD_MEMBERS. */
	membersChunk(request: Record<string, unknown>): unknown;
}

export class Gateway {
	readonly sessions = new Map<string, GatewaySession>();
	readonly server = new WebSocketServer({ noServer: true });
	url = "";

	constructor(private readonly hooks: GatewayHooks) {
		this.server.on("connection", (socket: WebSocket, request: IncomingMessage) => this.accept(socket, request));
	}

	/** Hands an HTTP upgrade on "/" to the WebSocket server. */
	upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		const path = new URL(request.url ?? "/", "http://localhost").pathname;
		if (path !== "/") {
			socket.destroy();
			return;
		}
		this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit("connection", ws, request));
	}

	/** Sends an event to every session that should see it; disconnected sessions keep it for RESUME. */
	dispatch(event: string, data: unknown, scope: DispatchScope = {}): void {
		for (const session of this.sessions.values()) {
			if (!this.receives(session, scope)) continue;
			this.sendDispatch(session, event, this.shape(session, data, scope));
		}
	}

	/** Closes every gateway socket with a resumable code (discord.js then resumes). */
	disconnectAll(code = 4000): void {
		for (const session of this.sessions.values()) session.socket?.close(code, "Disconnected by the fake");
	}

	connectedSessions(): GatewaySession[] {
		return [...this.sessions.values()].filter((session) => session.socket !== undefined);
	}

	async close(): Promise<void> {
		for (const client of this.server.clients) client.terminate();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private receives(session: GatewaySession, scope: DispatchScope): boolean {
		if (scope.intent !== undefined && (session.intents & scope.intent) === 0) return false;
		const [shardId, shardCount] = session.shard;
		if (scope.guildId !== undefined) return shardOf(scope.guildId, shardCount) === shardId;
		return shardId === 0;
	}

	private shape(session: GatewaySession, data: unknown, scope: DispatchScope): unknown {
		const message = scope.messageContent;
		if (!message || (session.intents & INTENTS.MessageContent) !== 0 || !isRecord(data)) return data;
		const { botUserId } = this.hooks;
		if (message.isDirect || message.authorId === botUserId || message.mentionIds.includes(botUserId)) return data;
		return { ...data, content: "", embeds: [], attachments: [], components: [] };
	}

	private sendDispatch(session: GatewaySession, event: string, data: unknown): void {
		session.seq += 1;
		const payload: GatewayPayload = { op: OP.Dispatch, t: event, s: session.seq, d: data };
		session.log.push(payload);
		if (session.log.length > REPLAY_LOG_SIZE) session.log.shift();
		session.send?.(payload);
	}

	private accept(socket: WebSocket, request: IncomingMessage): void {
		const query = new URL(request.url ?? "/", "http://localhost").searchParams;
		const send = createSender(socket, query.get("compress") === "zlib-stream");
		if (query.get("v") !== "10") {
			socket.close(4012, "Invalid API version");
			return;
		}
		if ((query.get("encoding") ?? "json") !== "json") {
			socket.close(4002, "Only encoding=json is supported by the fake");
			return;
		}
		let session: GatewaySession | undefined;
		send({
			op: OP.Hello,
			d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS, _trace: ["fake-gateway"] },
			s: null,
			t: null,
		});
		socket.on("message", (raw: RawData) => {
			const payload = parsePayload(raw);
			if (!payload) {
				socket.close(4002, "Error while decoding payload");
				return;
			}
			const { op, d } = payload;
			if (op === OP.Heartbeat) {
				send({ op: OP.HeartbeatAck, d: null, s: null, t: null });
			} else if (op === OP.Identify || op === OP.Resume) {
				if (session) {
					socket.close(4005, "Already authenticated");
					return;
				}
				session = op === OP.Identify ? this.identify(socket, send, d) : this.resume(socket, send, d);
			} else if (!session) {
				socket.close(4003, "Not authenticated");
			} else if (op === OP.RequestMembers && isRecord(d)) {
				this.sendDispatch(session, "GUILD_MEMBERS_CHUNK", this.hooks.membersChunk(d));
			} else if (op !== 3 && op !== 4) {
				socket.close(4001, "Unknown opcode");
			}
		});
		socket.on("close", (code: number) => {
			if (!session || session.socket !== socket) return;
			delete session.socket;
			delete session.send;
			// A client closing normally ends its session; anything else may RESUME.
			if (code === 1000 || code === 1001) this.sessions.delete(session.id);
		});
	}

	private identify(socket: WebSocket, send: Sender, data: unknown): GatewaySession | undefined {
		if (!isRecord(data) || data.token !== this.hooks.token) {
			socket.close(4004, "Authentication failed");
			return undefined;
		}
		if (typeof data.intents !== "number") {
			socket.close(4013, "Invalid intent(s)");
			return undefined;
		}
		const shard = parseShard(data.shard);
		if (!shard) {
			socket.close(4010, "Invalid shard");
			return undefined;
		}
		const session: GatewaySession = {
			id: this.hooks.nextId(),
			shard,
			intents: data.intents,
			seq: 0,
			socket,
			send,
			log: [],
		};
		this.sessions.set(session.id, session);
		this.sendDispatch(session, "READY", {
			...this.hooks.ready(session),
			session_id: session.id,
			resume_gateway_url: this.url,
			shard,
		});
		for (const guild of this.hooks.guildCreates(session)) this.sendDispatch(session, "GUILD_CREATE", guild.payload);
		return session;
	}

	private resume(socket: WebSocket, send: Sender, data: unknown): GatewaySession | undefined {
		const session =
			isRecord(data) && typeof data.session_id === "string" ? this.sessions.get(data.session_id) : undefined;
		if (!isRecord(data) || data.token !== this.hooks.token || !session || typeof data.seq !== "number") {
			send({ op: OP.InvalidSession, d: false, s: null, t: null });
			return undefined;
		}
		session.socket?.close(4009, "Session resumed elsewhere");
		session.socket = socket;
		session.send = send;
		const lastSeen = data.seq;
		for (const payload of session.log) if (payload.s !== null && payload.s > lastSeen) send(payload);
		this.sendDispatch(session, "RESUMED", { _trace: ["fake-gateway"] });
		return session;
	}
}

type Sender = (payload: GatewayPayload) => void;

/** Plain JSON text frames, or one zlib context per connection flushed with Z_SYNC_FLUSH per payload. */
function createSender(socket: WebSocket, zlibStream: boolean): Sender {
	if (!zlibStream) {
		return (payload) => {
			if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
		};
	}
	const deflate = createDeflate();
	const pending: Buffer[] = [];
	deflate.on("data", (chunk: Buffer) => pending.push(chunk));
	return (payload) => {
		deflate.write(JSON.stringify(payload));
		deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
			const frame = Buffer.concat(pending.splice(0));
			if (socket.readyState === socket.OPEN && frame.length > 0) socket.send(frame);
		});
	};
}

function parsePayload(raw: RawData): { op: number; d: unknown } | undefined {
	try {
		const bytes = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
		const text = bytes.toString("utf8");
		const parsed: unknown = JSON.parse(text);
		if (!isRecord(parsed) || typeof parsed.op !== "number") return undefined;
		return { op: parsed.op, d: parsed.d };
	} catch {
		return undefined;
	}
}

function parseShard(shard: unknown): [number, number] | undefined {
	if (shard === undefined) return [0, 1];
	if (!Array.isArray(shard) || shard.length !== 2) return undefined;
	const [id, count] = shard as unknown[];
	if (typeof id !== "number" || typeof count !== "number" || count < 1 || id < 0 || id >= count) return undefined;
	return [id, count];
}
