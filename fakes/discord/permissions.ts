// Permission bits and the permission computation Discord applies (owner, roles, administrator, timeout).
import type { FakeMember, FakeRole } from "./types.js";

export const PERMISSIONS = {
	CreateInstantInvite: 1n << 0n,
	KickMembers: 1n << 1n,
	BanMembers: 1n << 2n,
	Administrator: 1n << 3n,
	ManageChannels: 1n << 4n,
	ManageGuild: 1n << 5n,
	AddReactions: 1n << 6n,
	ViewAuditLog: 1n << 7n,
	ViewChannel: 1n << 10n,
	SendMessages: 1n << 11n,
	ManageMessages: 1n << 13n,
	EmbedLinks: 1n << 14n,
	AttachFiles: 1n << 15n,
	ReadMessageHistory: 1n << 16n,
	MentionEveryone: 1n << 17n,
	UseExternalEmojis: 1n << 18n,
	ChangeNickname: 1n << 26n,
	ManageRoles: 1n << 28n,
	UseApplicationCommands: 1n << 31n,
	ManageThreads: 1n << 34n,
	CreatePublicThreads: 1n << 35n,
	CreatePrivateThreads: 1n << 36n,
	SendMessagesInThreads: 1n << 38n,
	ModerateMembers: 1n << 40n,
} as const satisfies Record<string, bigint>;

export const ALL_PERMISSIONS = (1n << 53n) - 1n;

export const BASIC_MEMBER_PERMISSIONS =
	PERMISSIONS.CreateInstantInvite |
	PERMISSIONS.AddReactions |
	PERMISSIONS.ViewChannel |
	PERMISSIONS.SendMessages |
	PERMISSIONS.EmbedLinks |
	PERMISSIONS.AttachFiles |
	PERMISSIONS.ReadMessageHistory |
	PERMISSIONS.UseExternalEmojis |
	PERMISSIONS.ChangeNickname |
	PERMISSIONS.UseApplicationCommands |
	PERMISSIONS.CreatePublicThreads |
	PERMISSIONS.CreatePrivateThreads |
	PERMISSIONS.SendMessagesInThreads;

export const MODERATOR_PERMISSIONS =
	PERMISSIONS.ManageGuild | PERMISSIONS.ManageMessages | PERMISSIONS.ModerateMembers | PERMISSIONS.ManageThreads;

export const BOT_PERMISSIONS =
	BASIC_MEMBER_PERMISSIONS | PERMISSIONS.ManageMessages | PERMISSIONS.ManageThreads | PERMISSIONS.ModerateMembers;

/** A timed-out member keeps only these (Discord strips the rest while the timeout lasts). */
const TIMED_OUT_PERMISSIONS = PERMISSIONS.ViewChannel | PERMISSIONS.ReadMessageHistory;

/** Guild-level permissions of a member, as Discord computes them (channel overwrites are not modelled). */
export function memberPermissions(
	member: FakeMember,
	roles: Map<string, FakeRole>,
	guild: { id: string; ownerId: string },
): bigint {
	if (member.userId === guild.ownerId) return ALL_PERMISSIONS;
	let permissions = BigInt(roles.get(guild.id)?.permissions ?? "0");
	for (const roleId of member.roles) permissions |= BigInt(roles.get(roleId)?.permissions ?? "0");
	if (permissions & PERMISSIONS.Administrator) return ALL_PERMISSIONS;
	const until = member.communication_disabled_until;
	if (until && Date.parse(until) > Date.now()) return permissions & TIMED_OUT_PERMISSIONS;
	return permissions;
}
