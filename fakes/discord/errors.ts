// Discord's JSON error bodies, thrown by route handlers and turned into responses by the HTTP layer.

export interface ApiErrorBody {
	code: number;
	message: string;
	errors?: unknown;
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly body: ApiErrorBody,
	) {
		super(`${status} ${body.code} ${body.message}`);
	}
}

/** 400 50035 "Invalid Form Body" with the error nested under a dotted field path, as Discord nests it. */
export function invalidForm(field: string, code: string, message: string): ApiError {
	let errors: Record<string, unknown> = { _errors: [{ code, message }] };
	for (const key of field.split(".").reverse()) errors = { [key]: errors };
	return new ApiError(400, { code: 50035, message: "Invalid Form Body", errors });
}

export const apiErrors = {
	unauthorized: () => new ApiError(401, { code: 0, message: "401: Unauthorized" }),
	notFound: () => new ApiError(404, { code: 0, message: "404: Not Found" }),
	unknownChannel: () => new ApiError(404, { code: 10003, message: "Unknown Channel" }),
	unknownGuild: () => new ApiError(404, { code: 10004, message: "Unknown Guild" }),
	unknownMember: () => new ApiError(404, { code: 10007, message: "Unknown Member" }),
	unknownMessage: () => new ApiError(404, { code: 10008, message: "Unknown Message" }),
	unknownUser: () => new ApiError(404, { code: 10013, message: "Unknown User" }),
	unknownWebhook: () => new ApiError(404, { code: 10015, message: "Unknown Webhook" }),
	unknownCommand: () => new ApiError(404, { code: 10063, message: "Unknown application command" }),
	unknownInteraction: () => new ApiError(404, { code: 10062, message: "Unknown interaction" }),
	alreadyAcknowledged: () => new ApiError(400, { code: 40060, message: "Interaction has already been acknowledged." }),
	tooLarge: () => new ApiError(413, { code: 40005, message: "Request entity too large" }),
	emptyMessage: () => new ApiError(400, { code: 50006, message: "Cannot send an empty message" }),
	cannotEditOthers: () => new ApiError(403, { code: 50005, message: "Cannot edit a message authored by another user" }),
	missingPermissions: () => new ApiError(403, { code: 50013, message: "Missing Permissions" }),
	missingAccess: () => new ApiError(403, { code: 50001, message: "Missing Access" }),
	invalidWebhookToken: () => new ApiError(401, { code: 50027, message: "Invalid Webhook Token" }),
	archivedThread: () =>
		new ApiError(400, { code: 50083, message: "Operation cannot be performed on an archived thread" }),
	threadAlreadyCreated: () =>
		new ApiError(400, { code: 160004, message: "A thread has already been created for this message" }),
	invalidChannelType: () => new ApiError(400, { code: 50024, message: "Cannot execute action on this channel type" }),
};

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as an object; anything else is an invalid form body. */
export function asRecord(value: unknown): JsonRecord {
	if (value === undefined) return {};
	if (!isRecord(value)) throw invalidForm("_body", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
	return value;
}

export function optionalString(body: JsonRecord, key: string): string | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== "string") throw invalidForm(key, "BASE_TYPE_STRING", "Value must be a string.");
	return value;
}

export function optionalNumber(body: JsonRecord, key: string): number | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	const number = typeof value === "string" ? Number(value) : value;
	if (typeof number !== "number" || !Number.isFinite(number)) {
		throw invalidForm(key, "NUMBER_TYPE_COERCE", `Value "${String(value)}" is not int.`);
	}
	return number;
}

export function optionalBoolean(body: JsonRecord, key: string): boolean | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== "boolean") throw invalidForm(key, "BASE_TYPE_BOOLEAN", "Must be either true or false.");
	return value;
}

export function optionalArray(body: JsonRecord, key: string): unknown[] | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) throw invalidForm(key, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
	return value;
}
