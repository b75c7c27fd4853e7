// Reading, validating and applying message payloads (create, edit, interaction responses) as Discord does.
import type { FakeContext, UploadedFile } from "./context.js";
import { apiErrors, asRecord, invalidForm, isRecord, optionalArray, optionalNumber, optionalString } from "./errors.js";
import type { StoredAttachment, StoredMessage } from "./types.js";

export const MESSAGE_FLAGS = {
	SuppressEmbeds: 1 << 2,
	Ephemeral: 1 << 6,
	Loading: 1 << 7,
	SuppressNotifications: 1 << 12,
	IsComponentsV2: 1 << 15,
} as const;

/** Flags a bot may set when sending; others are ignored as on Discord. */
const SETTABLE_FLAGS =
	MESSAGE_FLAGS.SuppressEmbeds | MESSAGE_FLAGS.SuppressNotifications | MESSAGE_FLAGS.IsComponentsV2;
const MAX_CONTENT = 2_000;
const MAX_EMBEDS = 10;
const MAX_EMBED_CHARACTERS = 6_000;
const MAX_ATTACHMENTS = 10;
const MAX_CUSTOM_ID = 100;

export interface MessageFields {
	content?: string;
	embeds?: unknown[];
	components?: unknown[];
	flags?: number;
	allowed_mentions?: unknown;
	message_reference?: Record<string, unknown>;
	attachments?: unknown[];
	tts?: boolean;
	nonce?: string | number;
	hasPollOrSticker: boolean;
}

/** Parses and validates the fields of a message payload; limits are Discord's. */
export function readMessageBody(raw: unknown): MessageFields {
	const body = asRecord(raw);
	const fields: MessageFields = { hasPollOrSticker: body.poll !== undefined || Array.isArray(body.sticker_ids) };
	const content = optionalString(body, "content");
	if (content !== undefined) {
		if (content.length > MAX_CONTENT)
			throw invalidForm("content", "BASE_TYPE_MAX_LENGTH", `Must be ${MAX_CONTENT} or fewer in length.`);
		fields.content = content;
	}
	const embeds = optionalArray(body, "embeds");
	if (embeds !== undefined) {
		validateEmbeds(embeds);
		fields.embeds = embeds;
	}
	const components = optionalArray(body, "components");
	if (components !== undefined) {
		validateComponents(components, "components");
		fields.components = components;
	}
	const flags = optionalNumber(body, "flags");
	if (flags !== undefined) fields.flags = flags;
	if (body.allowed_mentions !== undefined && body.allowed_mentions !== null)
		fields.allowed_mentions = body.allowed_mentions;
	if (isRecord(body.message_reference)) fields.message_reference = body.message_reference;
	const attachments = optionalArray(body, "attachments");
	if (attachments !== undefined) fields.attachments = attachments;
	if (body.tts === true) fields.tts = true;
	if (typeof body.nonce === "string" || typeof body.nonce === "number") fields.nonce = body.nonce;
	if ((fields.flags ?? 0) & MESSAGE_FLAGS.IsComponentsV2 && (fields.content || fields.embeds?.length)) {
		throw invalidForm(
			"content",
			"MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
			"The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2",
		);
	}
	return fields;
}

export function settableFlags(flags: number | undefined, allowEphemeral: boolean): number {
	const mask = allowEphemeral ? SETTABLE_FLAGS | MESSAGE_FLAGS.Ephemeral : SETTABLE_FLAGS;
	return (flags ?? 0) & mask;
}

function validateEmbeds(embeds: unknown[]): void {
	if (embeds.length > MAX_EMBEDS)
		throw invalidForm("embeds", "BASE_TYPE_MAX_LENGTH", `Must be ${MAX_EMBEDS} or fewer in length.`);
	let characters = 0;
	embeds.forEach((embed, index) => {
		const record = asRecord(embed);
		const text = (key: string): number => (typeof record[key] === "string" ? (record[key] as string).length : 0);
		if (text("title") > 256)
			throw invalidForm(`embeds.${index}.title`, "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.");
		if (text("description") > 4_096)
			throw invalidForm(`embeds.${index}.description`, "BASE_TYPE_MAX_LENGTH", "Must be 4096 or fewer in length.");
		characters += text("title") + text("description");
		for (const field of Array.isArray(record.fields) ? record.fields : []) {
			const fieldRecord = asRecord(field);
			characters += String(fieldRecord.name ?? "").length + String(fieldRecord.value ?? "").length;
		}
		const footer = isRecord(record.footer) ? String(record.footer.text ?? "") : "";
		const author = isRecord(record.author) ? String(record.author.name ?? "") : "";
		characters += footer.length + author.length;
	});
	if (characters > MAX_EMBED_CHARACTERS)
		throw invalidForm("embeds", "BASE_TYPE_MAX_LENGTH", `Embed size exceeds maximum size of ${MAX_EMBED_CHARACTERS}`);
}

function validateComponents(components: unknown[], path: string): void {
	components.forEach((component, index) => {
		const record = asRecord(component);
		const here = `${path}.${index}`;
		if (typeof record.custom_id === "string" && record.custom_id.length > MAX_CUSTOM_ID) {
			throw invalidForm(`${here}.custom_id`, "BASE_TYPE_MAX_LENGTH", `Must be ${MAX_CUSTOM_ID} or fewer in length.`);
		}
		if (record.type === 2 && typeof record.label === "string" && record.label.length > 80) {
			throw invalidForm(`${here}.label`, "BASE_TYPE_MAX_LENGTH", "Must be 80 or fewer in length.");
		}
		if (Array.isArray(record.components)) {
			if (record.type === 1 && record.components.length > 5)
				throw invalidForm(`${here}.components`, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
			validateComponents(record.components, `${here}.components`);
		}
		if (isRecord(record.accessory)) validateComponents([record.accessory], `${here}.accessory`);
	});
}

/** The attachments after a create or edit: listed ones kept, `{ id: n }` refs become files[n], unlisted uploads added. */
export function resolveAttachments(
	context: FakeContext,
	channelId: string,
	existing: StoredAttachment[],
	refs: unknown[] | undefined,
	files: UploadedFile[],
): StoredAttachment[] {
	const used = new Set<number>();
	const upload = (file: UploadedFile, ref: Record<string, unknown> = {}): StoredAttachment => {
		used.add(file.index);
		const filename = typeof ref.filename === "string" ? ref.filename : file.filename;
		const description = typeof ref.description === "string" ? { description: ref.description } : {};
		const contentType = file.contentType ? { contentType: file.contentType } : {};
		return context.state.createAttachment({ filename, data: file.data, ...contentType, ...description }, { channelId });
	};
	const result = (refs ?? existing).map((ref, index) => {
		if (!refs) return ref as StoredAttachment;
		const record = asRecord(ref);
		const id = String(record.id ?? "");
		const kept = existing.find((attachment) => attachment.id === id);
		if (kept) return kept;
		const file = /^\d{1,2}$/.test(id) ? files.find((candidate) => candidate.index === Number(id)) : undefined;
		if (!file) throw invalidForm(`attachments.${index}.id`, "ATTACHMENT_NOT_FOUND", "Unknown attachment");
		return upload(file, record);
	});
	for (const file of files) if (!used.has(file.index)) result.push(upload(file));
	if (result.length > MAX_ATTACHMENTS)
		throw invalidForm("attachments", "BASE_TYPE_MAX_LENGTH", `Must be ${MAX_ATTACHMENTS} or fewer in length.`);
	return result;
}

export function assertNotEmpty(fields: MessageFields, attachments: StoredAttachment[]): void {
	const hasContent = Boolean(fields.content) || Boolean(fields.embeds?.length) || Boolean(fields.components?.length);
	if (!hasContent && attachments.length === 0 && !fields.hasPollOrSticker) throw apiErrors.emptyMessage();
}

/** Users a message actually mentions: content mentions filtered by allowed_mentions, plus the replied-to author. */
export function computeMentions(
	content: string,
	allowedMentions: unknown,
	repliedAuthorId: string | undefined,
): string[] {
	const inContent = [...content.matchAll(/<@!?(\d{15,25})>/g)].map((match) => match[1] ?? "");
	const allowed = isRecord(allowedMentions) ? allowedMentions : undefined;
	const parse = Array.isArray(allowed?.parse) ? allowed.parse : undefined;
	const listed = Array.isArray(allowed?.users) ? allowed.users.map(String) : [];
	const users = !allowed || parse?.includes("users") ? inContent : inContent.filter((id) => listed.includes(id));
	const pingReplied = !allowed || allowed.replied_user === true;
	if (repliedAuthorId && pingReplied) users.push(repliedAuthorId);
	return [...new Set(users)];
}

/** Applies an edit: content, embeds, components, suppress flags and the attachments list; nothing changes on error. */
export function applyEdit(
	context: FakeContext,
	message: StoredMessage,
	fields: MessageFields,
	files: UploadedFile[],
	options: { clearLoading?: boolean } = {},
): void {
	const attachments =
		fields.attachments !== undefined || files.length > 0
			? resolveAttachments(context, message.channel_id, message.attachments, fields.attachments, files)
			: message.attachments;
	let flags = options.clearLoading ? message.flags & ~MESSAGE_FLAGS.Loading : message.flags;
	if (fields.flags !== undefined)
		flags = (flags & (MESSAGE_FLAGS.Ephemeral | MESSAGE_FLAGS.Loading)) | settableFlags(fields.flags, false);
	const draft = {
		content: fields.content ?? message.content,
		embeds: fields.embeds ?? message.embeds,
		components: fields.components ?? message.components,
	};
	const hasBody = draft.content || draft.embeds.length || draft.components.length || attachments.length;
	if (!hasBody && !(flags & MESSAGE_FLAGS.Loading)) throw apiErrors.emptyMessage();
	Object.assign(message, draft, { attachments, flags });
	if (fields.allowed_mentions !== undefined) message.allowed_mentions = fields.allowed_mentions;
	message.edited_timestamp = new Date().toISOString();
	message.edits += 1;
}
