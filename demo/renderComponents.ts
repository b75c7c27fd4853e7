// demo/renderComponents.ts: a message's embeds and components (buttons, selects, containers) as Discord draws them.
import { escapeHtml, type MentionNames, renderMarkdown } from "./renderMarkdown.js";

type JsonObject = Record<string, unknown>;

/** Where an `attachment://name` URL points in the transcript's folder, if that file is there. */
export type FileFor = (attachmentName: string) => string | undefined;

const BUTTON_STYLES: Record<number, string> = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

function isRecord(value: unknown): value is JsonObject {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
	return typeof value === "string" ? value : "";
}

function list(value: unknown): JsonObject[] {
	return Array.isArray(value) ? value.filter(isRecord) : [];
}

function imageUrl(url: string, fileFor: FileFor): string | undefined {
	if (url.startsWith("attachment://")) return fileFor(url.slice("attachment://".length));
	return /^https?:\/\//.test(url) ? url : undefined;
}

function renderButton(button: JsonObject): string {
	const style = BUTTON_STYLES[Number(button.style)] ?? "secondary";
	const emoji =
		isRecord(button.emoji) && text(button.emoji.name)
			? `<span class="emoji">${escapeHtml(text(button.emoji.name))}</span>`
			: "";
	const label = text(button.label) ? `<span class="label">${escapeHtml(text(button.label))}</span>` : "";
	const disabled = button.disabled === true ? " disabled" : "";
	if (style === "link" && text(button.url))
		return `<a class="button link" href="${escapeHtml(text(button.url))}">${emoji}${label}<span class="external">↗</span></a>`;
	return `<button type="button" class="button ${style}"${disabled}>${emoji}${label}</button>`;
}

/** Components, both the classic kind (action rows of buttons and selects) and layout components (containers). */
export function renderComponents(components: unknown[], names: MentionNames, fileFor: FileFor): string {
	return list(components)
		.map((component): string => {
			const children = list(component.components);
			switch (component.type) {
				case 1:
					return `<div class="action-row">${renderComponents(children, names, fileFor)}</div>`;
				case 2:
					return renderButton(component);
				case 9:
					return `<div class="section"><div>${renderComponents(children, names, fileFor)}</div>${renderComponents([component.accessory], names, fileFor)}</div>`;
				case 10:
					return `<div class="text-display">${renderMarkdown(text(component.content), names)}</div>`;
				case 12:
					return `<div class="gallery">${list(component.items)
						.map((item) => (isRecord(item.media) ? imageUrl(text(item.media.url), fileFor) : undefined))
						.filter((src) => src !== undefined)
						.map((src) => `<img class="image" src="${escapeHtml(src)}" alt="">`)
						.join("")}</div>`;
				case 14:
					return '<hr class="separator">';
				case 17: {
					const accent = typeof component.accent_color === "number" ? hex(component.accent_color) : "transparent";
					return `<div class="container" style="border-left-color:${accent}">${renderComponents(children, names, fileFor)}</div>`;
				}
				default:
					return SELECT_TYPES.has(Number(component.type))
						? `<div class="select">${escapeHtml(text(component.placeholder) || "Make a selection")}<span>▾</span></div>`
						: "";
			}
		})
		.join("");
}

function hex(color: number): string {
	return `#${color.toString(16).padStart(6, "0")}`;
}

/** Embeds: the coloured bar, author, title, description, fields, image and footer. */
export function renderEmbeds(embeds: unknown[], names: MentionNames, fileFor: FileFor): string {
	return list(embeds)
		.map((embed) => {
			const bar = typeof embed.color === "number" ? hex(embed.color) : "#1e1f22";
			const author = isRecord(embed.author)
				? `<div class="embed-author">${escapeHtml(text(embed.author.name))}</div>`
				: "";
			const title = text(embed.title)
				? `<div class="embed-title">${renderMarkdown(text(embed.title), names)}</div>`
				: "";
			const description = text(embed.description)
				? `<div class="embed-description">${renderMarkdown(text(embed.description), names)}</div>`
				: "";
			const fields = list(embed.fields)
				.map(
					(field) =>
						`<div class="embed-field${field.inline === true ? " inline" : ""}"><div class="embed-field-name">${renderMarkdown(text(field.name), names)}</div><div>${renderMarkdown(text(field.value), names)}</div></div>`,
				)
				.join("");
			const source = isRecord(embed.image) ? imageUrl(text(embed.image.url), fileFor) : undefined;
			const image = source ? `<img class="embed-image" src="${escapeHtml(source)}" alt="">` : "";
			const footer = isRecord(embed.footer)
				? `<div class="embed-footer">${escapeHtml(text(embed.footer.text))}</div>`
				: "";
			return `<div class="embed" style="border-left-color:${bar}">${author}${title}${description}${fields ? `<div class="embed-fields">${fields}</div>` : ""}${image}${footer}</div>`;
		})
		.join("");
}
