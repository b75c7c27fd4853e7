// One interaction the fake dispatched, with everything the bot answered to it.
import type { FakeInteraction, InteractionCallback, StoredMessage } from "./types.js";

export interface InteractionInit {
	id: string;
	token: string;
	type: number;
	channelId: string;
	guildId?: string;
	userId: string;
	/** 20 for slash commands, 23 for context menus, 0 otherwise: the type of the messages it creates. */
	messageType: number;
	commandName?: string;
	commandType?: number;
	/** The message a component or modal belongs to; @original then means this message. */
	componentMessageId?: string;
	ackDeadline: number;
	expiresAt: number;
}

export class InteractionRecord implements FakeInteraction {
	readonly id: string;
	readonly token: string;
	readonly type: number;
	readonly channelId: string;
	readonly callbacks: InteractionCallback[] = [];
	ephemeral = false;
	modal?: unknown;
	originalId?: string;
	readonly followUpIds: string[] = [];

	constructor(
		readonly init: InteractionInit,
		private readonly lookup: (messageId: string) => StoredMessage | undefined,
	) {
		this.id = init.id;
		this.token = init.token;
		this.type = init.type;
		this.channelId = init.channelId;
	}

	get acknowledged(): boolean {
		return this.callbacks.length > 0;
	}

	original(): StoredMessage | undefined {
		return this.originalId === undefined ? undefined : this.lookup(this.originalId);
	}

	followUps(): StoredMessage[] {
		return this.followUpIds.flatMap((id) => {
			const message = this.lookup(id);
			return message && !message.deleted ? [message] : [];
		});
	}
}
