// demo/renderMarkdown.ts: the part of Discord's markdown the bot writes, as HTML (escaped first, then marked up).

/** Names and anchors for mentions: `<@id>` shows a user's name, `<#id>` a channel's, linked when it is on the page. */
export type MentionNames = {
	users: ReadonlyMap<string, string>;
	channels: ReadonlyMap<string, { name: string; anchor?: string }>;
};

const TIME_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function inline(escaped: string, names: MentionNames): string {
	const codes: string[] = [];
	// Code spans first, set aside behind private-use placeholders so nothing inside them is marked up.
	let html = escaped.replace(/`([^`\n]+)`/g, (_, code: string) => {
		codes.push(`<code>${code}</code>`);
		return `\uE000${codes.length - 1}\uE000`;
	});
	html = html
		.replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>')
		.replace(/(^|[\s(])(https?:\/\/[^\s<)]+)/g, '$1<a href="$2">$2</a>')
		.replace(/\*\*([^*\n]+)\*\*/g, "<strong>$1</strong>")
		.replace(/__([^_\n]+)__/g, "<u>$1</u>")
		.replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, "$1<em>$2</em>")
		.replace(/(^|[^_\w])_([^_\n]+)_(?!\w)/g, "$1<em>$2</em>")
		.replace(/~~([^~\n]+)~~/g, "<s>$1</s>")
		.replace(/\|\|([^|\n]+)\|\|/g, '<span class="spoiler">$1</span>')
		.replace(
			/&#60;@!?(\d+)&#62;/g,
			(_, id: string) => `<span class="mention">@${escapeHtml(names.users.get(id) ?? "unknown-user")}</span>`,
		)
		.replace(/&#60;#(\d+)&#62;/g, (_, id: string) => {
			const channel = names.channels.get(id);
			const label = `# ${escapeHtml(channel?.name ?? "unknown")}`;
			return channel?.anchor
				? `<a class="mention" href="#${channel.anchor}">${label}</a>`
				: `<span class="mention">${label}</span>`;
		})
		.replace(/&#60;t:(\d+)(?::[tTdDfFR])?&#62;/g, (_, seconds: string) => {
			const when = new Date(Number(seconds) * 1_000);
			return `<time class="timestamp" datetime="${when.toISOString()}">${TIME_FORMAT.format(when)}</time>`;
		});
	return html.replace(/\uE000(\d+)\uE000/g, (_, index: string) => codes[Number(index)] ?? "");
}

/** One line of text: a block (heading, subtext, quote) or inline text. */
function renderLine(line: string, names: MentionNames): { html: string; block: boolean } {
	const heading = line.match(/^(#{1,3}) (.*)$/);
	if (heading?.[1] && heading[2] !== undefined)
		return { html: `<span class="h${heading[1].length}">${inline(escapeHtml(heading[2]), names)}</span>`, block: true };
	if (line.startsWith("-# "))
		return { html: `<span class="subtext">${inline(escapeHtml(line.slice(3)), names)}</span>`, block: true };
	if (line.startsWith("> "))
		return { html: `<span class="quote">${inline(escapeHtml(line.slice(2)), names)}</span>`, block: true };
	return { html: inline(escapeHtml(line), names), block: false };
}

/** Renders one message's text: headings, `-#` subtext, quotes, code blocks, inline marks, mentions, line breaks. */
export function renderMarkdown(text: string, names: MentionNames): string {
	// Odd pieces are the insides of ``` fences.
	return text
		.split(/```(?:\w*\n)?([\s\S]*?)```/)
		.map((piece, index) => {
			if (index % 2 === 1) return `<pre><code>${escapeHtml(piece)}</code></pre>`;
			const lines = piece.split("\n").map((line) => renderLine(line, names));
			// Blocks sit on lines of their own; a line break is only needed between two inline lines.
			return lines
				.map((line, at) => (at > 0 && !line.block && !lines[at - 1]?.block ? `<br>${line.html}` : line.html))
				.join("");
		})
		.join("");
}
