// demo/renderTranscript.ts: a snapshot of channels and threads as one HTML page that looks like Discord.
import { type FileFor, renderComponents, renderEmbeds } from "./renderComponents.js";
import { escapeHtml, type MentionNames, renderMarkdown } from "./renderMarkdown.js";
import type { Transcript, TranscriptChannel, TranscriptMessage } from "./takeSnapshot.js";
import { TRANSCRIPT_CSS } from "./transcriptStyles.js";

/** Discord's default avatar colours; a member gets one by id. */
const AVATAR_COLOURS = ["#5865f2", "#757e8a", "#3ba55c", "#faa61a", "#ed4245", "#eb459f"];
const BOT_AVATAR = { colour: "#f0b232", glyph: "🍌" };
/** Discord starts a new header when the same author writes again after this long. */
const GROUP_MS = 7 * 60 * 1_000;
const THREAD_CREATED = 18;
const CLOCK = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });

function avatar(author: { id: string; name: string; bot: boolean }, size = ""): string {
	const hash = [...author.id].reduce((sum, digit) => sum + digit.charCodeAt(0), 0);
	const colour = author.bot ? BOT_AVATAR.colour : AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
	const glyph = author.bot ? BOT_AVATAR.glyph : escapeHtml(author.name.slice(0, 1).toUpperCase());
	return `<div class="avatar${size}" style="background:${colour}" aria-hidden="true">${glyph}</div>`;
}

function time(iso: string): string {
	return `<time datetime="${escapeHtml(iso)}">Today at ${CLOCK.format(new Date(iso))}</time>`;
}

function replyContext(message: TranscriptMessage, names: MentionNames): string {
	if (message.command) {
		const user = { id: message.command.user, name: message.command.user, bot: false };
		return `<div class="reply-context command">${avatar(user, " tiny")}<span class="reply-author">${escapeHtml(message.command.user)}</span> used <span class="command-name">/${escapeHtml(message.command.name)}</span></div>`;
	}
	if (!message.replyTo) return "";
	const { author, bot, excerpt, hasAttachment } = message.replyTo;
	const shown = excerpt ? renderMarkdown(excerpt, names) : hasAttachment ? "<em>Click to see attachment</em> 🖼️" : "";
	return `<div class="reply-context">${avatar({ id: author, name: author, bot }, " tiny")}<span class="reply-author">@${escapeHtml(author)}</span>${bot ? '<span class="bot-tag">APP</span>' : ""}<span class="reply-excerpt">${shown}</span></div>`;
}

function attachments(message: TranscriptMessage): string {
	if (message.attachments.length === 0) return "";
	const items = message.attachments.map((attachment) => {
		const file = escapeHtml(attachment.file);
		if (!attachment.isImage)
			return `<div class="file">📄 <a href="${file}">${escapeHtml(attachment.filename)}</a></div>`;
		const size = attachment.width ? ` width="${attachment.width}" height="${attachment.height}"` : "";
		const alt = escapeHtml(attachment.description ?? attachment.filename);
		return `<a href="${file}"><img class="image" src="${file}" alt="${alt}"${size}></a>`;
	});
	return `<div class="attachments">${items.join("")}</div>`;
}

function systemLine(message: TranscriptMessage): string {
	const thread = message.thread;
	const name = escapeHtml(thread?.name ?? message.content);
	const link = thread?.anchor ? `<a href="#${thread.anchor}">${name}</a>` : `<b>${name}</b>`;
	return `<div class="system" id="message-${message.id}"><span class="icon">🧵</span><span><b>${escapeHtml(message.author.name)}</b> started a thread: ${link}. ${time(message.time)}</span></div>`;
}

function renderMessage(message: TranscriptMessage, compact: boolean, names: MentionNames, fileFor: FileFor): string {
	const classes = ["message", compact ? "compact" : "", message.content.startsWith("🚫") ? "refusal" : ""];
	const header = compact
		? ""
		: `<h3 class="header"><span class="author">${escapeHtml(message.author.name)}</span>${message.author.bot ? '<span class="bot-tag">APP</span>' : ""}${time(message.time)}</h3>`;
	const content = message.content
		? `<div class="content">${renderMarkdown(message.content, names)}${message.edited ? ' <span class="edited">(edited)</span>' : ""}</div>`
		: "";
	const components =
		message.components.length > 0
			? `<div class="components">${renderComponents(message.components, names, fileFor)}</div>`
			: "";
	const thread = message.thread
		? `<a class="thread-chip"${message.thread.anchor ? ` href="#${message.thread.anchor}"` : ""}>🧵 <span>${escapeHtml(message.thread.name)}</span><span class="count">${message.thread.messages} Messages ›</span></a>`
		: "";
	const ephemeral = message.ephemeral ? '<div class="ephemeral-note">👁️ Only you can see this</div>' : "";
	return `<article class="${classes.filter(Boolean).join(" ")}" id="message-${message.id}" data-author="${escapeHtml(message.author.name)}">${replyContext(message, names)}${avatar(message.author)}<div class="body">${header}${content}${attachments(message)}${renderEmbeds(message.embeds, names, fileFor)}${components}${thread}${ephemeral}</div></article>`;
}

function renderChannel(channel: TranscriptChannel, names: MentionNames, fileFor: FileFor): string {
	let previous: TranscriptMessage | undefined;
	const items = channel.items.map((item) => {
		if (item.kind === "note") {
			previous = undefined;
			return `<div class="note"><span class="icon">👆</span><span>${renderMarkdown(item.text, names)}</span></div>`;
		}
		if (item.type === THREAD_CREATED) {
			previous = undefined;
			return systemLine(item);
		}
		const compact =
			previous !== undefined &&
			previous.author.id === item.author.id &&
			!item.replyTo &&
			!item.command &&
			Date.parse(item.time) - Date.parse(previous.time) < GROUP_MS;
		previous = item;
		return renderMessage(item, compact, names, fileFor);
	});
	const heading = channel.isThread
		? `<span class="icon">🧵</span><h1 class="thread-title">${escapeHtml(channel.name)}</h1>${channel.parentName ? `<span class="parent">in # ${escapeHtml(channel.parentName)}</span>` : ""}`
		: `<span class="icon">#</span><h1 class="channel-name">${escapeHtml(channel.name)}</h1>`;
	return `<section class="channel${channel.isThread ? " thread" : ""}" id="${channel.anchor}" aria-label="${escapeHtml(channel.name)}"><header class="channel-header">${heading}</header><div class="messages">${items.join("")}</div></section>`;
}

/** The whole page: a sidebar listing the channels and threads, then each of them in order, self-contained but for images. */
export function renderTranscript(transcript: Transcript): string {
	const files = new Map<string, string>();
	for (const channel of transcript.channels)
		for (const item of channel.items)
			if (item.kind === "message")
				for (const attachment of item.attachments) files.set(attachment.filename, attachment.file);
	const fileFor: FileFor = (name) => files.get(name);
	const title = transcript.channels.find((channel) => channel.isThread)?.name ?? transcript.channels[0]?.name ?? "";
	const links = transcript.channels
		.map(
			(channel) =>
				`<a class="${channel.isThread ? "thread-link" : "channel-link"}" href="#${channel.anchor}">${channel.isThread ? "🧵" : "#"} ${escapeHtml(channel.name)}</a>`,
		)
		.join("");
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(transcript.serverName)}</title>
<style>${TRANSCRIPT_CSS}</style>
</head>
<body>
<div class="app">
<nav class="sidebar"><div class="server-name">${escapeHtml(transcript.serverName)}</div><div class="category">Text channels</div>${links}</nav>
<main>
${transcript.channels.map((channel) => renderChannel(channel, transcript.names, fileFor)).join("\n")}
<footer class="demo-footer">Made by <code>npm run demo</code>: the real bot, talking to a local fake Discord and a fake Gemini whose pictures show the prompt they were asked for. Notes marked 👆 say what a member did that Discord does not show.</footer>
</main>
</div>
</body>
</html>
`;
}
