// src/discord/turns/turnChannel.ts: the channels a conversation can live in.
import type { DMChannel, PartialDMChannel, ThreadChannel } from "discord.js";

/** A bot thread, or a DM (the whole DM is one conversation). */
export type TurnChannel = ThreadChannel | DMChannel | PartialDMChannel;
