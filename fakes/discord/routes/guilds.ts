// Gateway discovery, application, users, DMs, command registration, the guild and its members.
import { registerCommands } from "../commands.js";
import type { FakeContext, Route, RouteRequest } from "../context.js";
import { ok } from "../context.js";
import { apiErrors, asRecord, invalidForm, isRecord, optionalString } from "../errors.js";
import { dispatchMemberUpdate } from "../events.js";
import { PERMISSIONS } from "../permissions.js";
import { channelToApi, guildToApi, memberToApi, userToApi } from "../serialize.js";
import { isThread } from "../state.js";

const MAX_TIMEOUT_MS = 28 * 24 * 60 * 60 * 1000;

function requireGuild(context: FakeContext, request: RouteRequest): string {
	const guildId = request.param("guildId");
	if (guildId !== context.state.guild.id) throw apiErrors.unknownGuild();
	return guildId;
}

function requireApplication(context: FakeContext, request: RouteRequest): void {
	if (request.param("applicationId") !== context.state.botUser.id) throw apiErrors.missingAccess();
}

function application(context: FakeContext) {
	const { state } = context;
	const owner = state.users.get(state.guild.ownerId);
	return {
		id: state.botUser.id,
		name: state.botUser.username,
		icon: null,
		description: "",
		summary: "",
		type: null,
		bot_public: true,
		bot_require_code_grant: false,
		verify_key: "0".repeat(64),
		flags: 1 << 19,
		team: null,
		owner: owner ? userToApi(owner) : undefined,
		bot: userToApi(state.botUser),
		approximate_guild_count: 1,
		integration_types_config: { "0": {} },
	};
}

/** Timeouts: only a member with MODERATE_MEMBERS may set them, never on the owner or an administrator, at most 28 days. */
function editMember(context: FakeContext, request: RouteRequest) {
	const { state } = context;
	requireGuild(context, request);
	const member = state.members.get(request.param("userId"));
	if (!member) throw apiErrors.unknownMember();
	const body = asRecord(request.body);
	if ("communication_disabled_until" in body) {
		const until = optionalString(body, "communication_disabled_until") ?? null;
		const botPermissions = state.permissionsOf(state.botUser.id);
		const target = state.permissionsOf(member.userId);
		if (
			!(botPermissions & PERMISSIONS.ModerateMembers) ||
			member.userId === state.guild.ownerId ||
			target & PERMISSIONS.Administrator
		) {
			throw apiErrors.missingPermissions();
		}
		if (until !== null && (Number.isNaN(Date.parse(until)) || Date.parse(until) - Date.now() > MAX_TIMEOUT_MS)) {
			throw invalidForm(
				"communication_disabled_until",
				"BASE_TYPE_BAD_TIME",
				"Timeout must be at most 28 days in the future.",
			);
		}
		member.communication_disabled_until = until;
	}
	if ("nick" in body) member.nick = optionalString(body, "nick") ?? null;
	if (Array.isArray(body.roles)) member.roles = body.roles.map(String).filter((id) => state.roles.has(id));
	dispatchMemberUpdate(context, member.userId);
	return ok(memberToApi(state, member.userId));
}

function commandRoutes(context: FakeContext): Route[] {
	const routes: Route[] = [];
	for (const scope of ["global", "guild"] as const) {
		const base =
			scope === "global"
				? "/applications/:applicationId/commands"
				: "/applications/:applicationId/guilds/:guildId/commands";
		const guildOf = (request: RouteRequest) => (scope === "guild" ? requireGuild(context, request) : undefined);
		const list = (request: RouteRequest): unknown[] => {
			const guildId = guildOf(request);
			return guildId
				? (context.state.registeredCommands.guild.get(guildId) ?? [])
				: context.state.registeredCommands.global;
		};
		routes.push(
			{
				method: "PUT",
				pattern: base,
				handler: (request) => {
					requireApplication(context, request);
					return ok(registerCommands(context, request.body, guildOf(request)));
				},
			},
			{
				method: "GET",
				pattern: base,
				handler: (request) => {
					requireApplication(context, request);
					return ok(list(request));
				},
			},
			{
				method: "POST",
				pattern: base,
				handler: (request) => {
					requireApplication(context, request);
					const body = asRecord(request.body);
					const others = list(request).filter(
						(command) => !isRecord(command) || command.name !== body.name || (command.type ?? 1) !== (body.type ?? 1),
					);
					const registered = registerCommands(context, [...others, body], guildOf(request));
					return { status: 201, body: registered[registered.length - 1] };
				},
			},
			{
				method: "DELETE",
				pattern: `${base}/:commandId`,
				handler: (request) => {
					requireApplication(context, request);
					const remaining = list(request).filter(
						(command) => !isRecord(command) || command.id !== request.param("commandId"),
					);
					if (remaining.length === list(request).length) throw apiErrors.unknownCommand();
					registerCommands(context, remaining, guildOf(request));
					return { status: 204 };
				},
			},
		);
	}
	return routes;
}

export function guildRoutes(context: FakeContext): Route[] {
	const { state } = context;
	return [
		{
			method: "GET",
			pattern: "/gateway/bot",
			handler: () =>
				ok({
					url: context.gateway.url,
					shards: context.options.recommendedShards,
					session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
				}),
		},
		{ method: "GET", pattern: "/gateway", handler: () => ok({ url: context.gateway.url }) },
		{ method: "GET", pattern: "/applications/@me", handler: () => ok(application(context)) },
		{ method: "GET", pattern: "/oauth2/applications/@me", handler: () => ok(application(context)) },
		{
			method: "GET",
			pattern: "/users/@me",
			handler: () => ok({ ...userToApi(state.botUser), verified: true, mfa_enabled: false, locale: "en-US" }),
		},
		{
			method: "GET",
			pattern: "/users/:userId",
			handler: (request) => {
				const user = state.users.get(request.param("userId"));
				if (!user) throw apiErrors.unknownUser();
				return ok(userToApi(user));
			},
		},
		{
			method: "POST",
			pattern: "/users/@me/channels",
			handler: (request) => {
				const recipientId = optionalString(asRecord(request.body), "recipient_id") ?? "";
				if (!state.users.has(recipientId) || recipientId === state.botUser.id)
					throw invalidForm("recipient_id", "USER_NOT_FOUND", "Unknown user");
				return ok(channelToApi(state.dmChannelFor(recipientId)));
			},
		},
		...commandRoutes(context),
		{
			method: "GET",
			pattern: "/guilds/:guildId",
			handler: (request) => {
				requireGuild(context, request);
				const counts =
					request.query.get("with_counts") === "true"
						? { approximate_member_count: state.members.size, approximate_presence_count: 0 }
						: {};
				return ok({ ...guildToApi(state), ...counts });
			},
		},
		{
			method: "GET",
			pattern: "/guilds/:guildId/channels",
			handler: (request) => {
				requireGuild(context, request);
				return ok(
					[...state.channels.values()].filter((channel) => channel.guild_id && !isThread(channel)).map(channelToApi),
				);
			},
		},
		{
			method: "GET",
			pattern: "/guilds/:guildId/threads/active",
			handler: (request) => {
				requireGuild(context, request);
				const active = state.threads().filter((thread) => !thread.thread_metadata?.archived);
				return ok({ threads: active.map(channelToApi), members: [] });
			},
		},
		{
			method: "GET",
			pattern: "/guilds/:guildId/roles",
			handler: (request) => {
				requireGuild(context, request);
				return ok([...state.roles.values()]);
			},
		},
		{
			method: "GET",
			pattern: "/guilds/:guildId/members",
			handler: (request) => {
				requireGuild(context, request);
				const limit = Number(request.query.get("limit") ?? 1);
				return ok([...state.members.keys()].slice(0, limit).map((id) => memberToApi(state, id)));
			},
		},
		{
			method: "GET",
			pattern: "/guilds/:guildId/members/:userId",
			handler: (request) => {
				requireGuild(context, request);
				const member = memberToApi(state, request.param("userId"));
				if (!member) throw apiErrors.unknownMember();
				return ok(member);
			},
		},
		{
			method: "PATCH",
			pattern: "/guilds/:guildId/members/:userId",
			handler: (request) => editMember(context, request),
		},
	];
}
