// A user clicking a button, choosing from a select menu, or submitting a modal the bot showed.
import type { FakeContext } from "./context.js";
import { isRecord } from "./errors.js";
import { dispatchInteraction } from "./interactionPayload.js";
import type { InteractionRecord } from "./interactionRecord.js";
import type { StoredMessage } from "./types.js";

export interface ClickButtonOptions {
	messageId: string;
	customId: string;
	userId?: string;
}

export interface SelectMenuOptions extends ClickButtonOptions {
	values: string[];
}

export interface SubmitModalOptions {
	customId: string;
	fields: Record<string, string>;
	channelId: string;
	userId?: string;
	messageId?: string;
}

const BUTTON = 2;
const STRING_SELECT = 3;
const TEXT_INPUT = 4;
const LABEL = 18;

/** Depth-first search through action rows, containers, sections (accessory) and labels. */
function findComponent(components: unknown[], customId: string): Record<string, unknown> | undefined {
	for (const component of components) {
		if (!isRecord(component)) continue;
		if (component.custom_id === customId) return component;
		const nested = [
			...(Array.isArray(component.components) ? component.components : []),
			...(isRecord(component.accessory) ? [component.accessory] : []),
			...(isRecord(component.component) ? [component.component] : []),
		];
		const found = findComponent(nested, customId);
		if (found) return found;
	}
	return undefined;
}

function componentMessage(
	context: FakeContext,
	messageId: string,
	customId: string,
): { message: StoredMessage; component: Record<string, unknown> } {
	const message = context.state.messagesById.get(messageId);
	if (!message || message.deleted) throw new Error(`fake Discord: no message ${messageId}`);
	const component = findComponent(message.components, customId);
	if (!component) throw new Error(`fake Discord: message ${messageId} has no component "${customId}"`);
	if (component.disabled === true) throw new Error(`fake Discord: component "${customId}" is disabled`);
	return { message, component };
}

export function runClickButton(context: FakeContext, options: ClickButtonOptions): InteractionRecord {
	const { message, component } = componentMessage(context, options.messageId, options.customId);
	if (component.type !== BUTTON) throw new Error(`fake Discord: "${options.customId}" is not a button`);
	const data = { custom_id: options.customId, component_type: BUTTON };
	const userId = options.userId ?? context.state.ids.userId;
	return dispatchInteraction(context, {
		type: 3,
		channelId: message.channel_id,
		userId,
		data,
		messageType: 0,
		message,
	});
}

export function runSelectMenu(context: FakeContext, options: SelectMenuOptions): InteractionRecord {
	const { message, component } = componentMessage(context, options.messageId, options.customId);
	const type = typeof component.type === "number" ? component.type : STRING_SELECT;
	if (type === STRING_SELECT) {
		const allowed = (Array.isArray(component.options) ? component.options : [])
			.filter(isRecord)
			.map((option) => option.value);
		const unknown = options.values.filter((value) => !allowed.includes(value));
		if (unknown.length > 0)
			throw new Error(`fake Discord: "${unknown.join(", ")}" not among the options of "${options.customId}"`);
	}
	const data = { custom_id: options.customId, component_type: type, values: options.values };
	const userId = options.userId ?? context.state.ids.userId;
	return dispatchInteraction(context, {
		type: 3,
		channelId: message.channel_id,
		userId,
		data,
		messageType: 0,
		message,
	});
}

/** The submitted value of a text input, checked against required/min/max like the Discord client does. */
function inputValue(
	input: Record<string, unknown>,
	fields: Record<string, string>,
	used: Set<string>,
): Record<string, unknown> {
	const customId = String(input.custom_id);
	used.add(customId);
	const value = fields[customId] ?? "";
	if (input.required !== false && value === "") throw new Error(`fake Discord: modal field "${customId}" is required`);
	if (typeof input.max_length === "number" && value.length > input.max_length)
		throw new Error(`fake Discord: modal field "${customId}" is too long`);
	if (value !== "" && typeof input.min_length === "number" && value.length < input.min_length)
		throw new Error(`fake Discord: modal field "${customId}" is too short`);
	return { type: TEXT_INPUT, id: input.id, custom_id: customId, value };
}

/** Mirrors the modal's layout (legacy action rows or labels) with the user's values, as Discord submits it. */
function submittedComponents(modal: Record<string, unknown>, fields: Record<string, string>): unknown[] {
	const used = new Set<string>();
	let nextId = 1;
	const withId = (component: Record<string, unknown>): Record<string, unknown> => ({
		...component,
		id: typeof component.id === "number" ? component.id : nextId++,
	});
	const submit = (raw: unknown): Record<string, unknown> => {
		const component = withId(isRecord(raw) ? raw : {});
		if (component.type === TEXT_INPUT) return inputValue(component, fields, used);
		if (Array.isArray(component.components))
			return { type: component.type, id: component.id, components: component.components.map(submit) };
		if (component.type === LABEL && isRecord(component.component))
			return { type: LABEL, id: component.id, component: submit(component.component) };
		const values = typeof component.custom_id === "string" ? fields[component.custom_id] : undefined;
		if (typeof component.custom_id === "string") used.add(component.custom_id);
		return {
			type: component.type,
			id: component.id,
			...(typeof component.custom_id === "string"
				? { custom_id: component.custom_id, values: values ? values.split(",") : [] }
				: {}),
		};
	};
	const components = (Array.isArray(modal.components) ? modal.components : []).map(submit);
	const extra = Object.keys(fields).filter((key) => !used.has(key));
	if (extra.length > 0) throw new Error(`fake Discord: the modal has no field(s) ${extra.join(", ")}`);
	return components;
}

export function runSubmitModal(context: FakeContext, options: SubmitModalOptions): InteractionRecord {
	const { state } = context;
	const shownBy = [...state.interactions.values()]
		.reverse()
		.find((record) => isRecord(record.modal) && record.modal.custom_id === options.customId);
	if (!shownBy || !isRecord(shownBy.modal))
		throw new Error(`fake Discord: no modal with custom_id "${options.customId}" was shown`);
	const components = submittedComponents(shownBy.modal, options.fields);
	const messageId = options.messageId ?? shownBy.init.componentMessageId;
	const message = messageId ? state.messagesById.get(messageId) : undefined;
	if (messageId && !message) throw new Error(`fake Discord: no message ${messageId}`);
	const userId = options.userId ?? state.ids.userId;
	return dispatchInteraction(context, {
		type: 5,
		channelId: options.channelId,
		userId,
		data: { custom_id: options.customId, components },
		messageType: 0,
		...(message ? { message } : {}),
	});
}
