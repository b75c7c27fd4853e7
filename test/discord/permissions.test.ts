import { readFileSync } from "node:fs";
import { PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { BOT_PERMISSIONS, BOT_PERMISSIONS_INTEGER } from "../../src/discord/permissions.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("BOT_PERMISSIONS_INTEGER", () => {
	it("is every listed flag, each once, OR-ed", () => {
		expect(new Set(BOT_PERMISSIONS).size).toBe(BOT_PERMISSIONS.length);
		const sum = BOT_PERMISSIONS.reduce((total, flag) => total + flag, 0n);
		expect(BOT_PERMISSIONS_INTEGER).toBe(sum);
	});

	it("includes Add Reactions (the 🚫 on a refused thread message) and leaves out Manage Messages", () => {
		expect(BOT_PERMISSIONS_INTEGER & PermissionFlagsBits.AddReactions).toBe(PermissionFlagsBits.AddReactions);
		expect(BOT_PERMISSIONS_INTEGER & PermissionFlagsBits.ManageMessages).toBe(0n);
	});

	it("is the integer of README's invite URL, its only one", () => {
		const inUrls = [...readme.matchAll(/[?&]permissions=(\d+)/g)].map((match) => match[1]);
		expect(inUrls).toEqual([BOT_PERMISSIONS_INTEGER.toString()]);
	});
});
