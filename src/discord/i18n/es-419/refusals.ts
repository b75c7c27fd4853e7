// src/discord/i18n/es-419/refusals.ts: lo que el bot dice al rechazar una entrada, por política o por seguridad (español de Latinoamérica, tuteo).
import type { PresetReason } from "../../../moderation/settings.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { roleMention, unixSecondsOf, userMention, withoutFinalStop } from "../markup.js";

const f = formattersFor("es-419");

export const NOT_KEPT = "Este turno no se agregó a la conversación, así que el hilo sigue desde su última imagen.";

export const userInputMessages = {
	tooManyImages: ({ max, got }) =>
		`Adjuntaste ${f.number(got)} imágenes; este modelo acepta como máximo ${f.number(max)} por turno. Adjunta menos y vuelve a intentarlo.`,
	imageTooLarge: ({ name, maxMb }) => `\`${name}\` pesa más de ${f.number(maxMb)} MB. Envía una imagen más pequeña.`,
	notAnImage: ({ name }) =>
		`\`${name}\` no es una imagen que yo pueda leer. Envía un archivo PNG, JPEG, WebP, GIF, HEIC o AVIF.`,
	imageUnreadable: ({ name }) =>
		`\`${name}\` parece una imagen, pero está dañada o es demasiado grande para decodificarla. Intenta exportarla de nuevo.`,
	imageDownloadFailed: ({ name }) => `No pude descargar \`${name}\` de Discord. Intenta adjuntarla de nuevo.`,
	imageDownloadTimeout: ({ name, seconds }) =>
		`La descarga de \`${name}\` tardó más de ${f.duration(seconds, "second")}. Vuelve a intentarlo o envía un archivo más pequeño.`,
	promptEmpty: () => "Dime qué crear o qué cambiar: el prompt está vacío.",
	promptTooLong: ({ max, got }) =>
		`Tu prompt tiene ${f.number(got)} caracteres y el límite es ${f.number(max)}. Acórtalo y vuelve a intentarlo.`,
	sizeUnsupported: ({ size, model, sizes }) =>
		sizes.length > 0
			? `${model} no genera imágenes de ${size}; acepta ${f.list(sizes, "or")}.`
			: `${model} no acepta la opción de tamaño; quita \`size\`.`,
	aspectUnsupported: ({ aspect, model }) => `${model} no acepta la relación de aspecto ${aspect}.`,
	imagePixels: ({ name, width, height, minEdge, maxEdge, maxMegapixels }) =>
		`\`${name}\` mide ${f.plain(width)}×${f.plain(height)} px; /background acepta fotos de ${f.plain(minEdge)} a ${f.plain(maxEdge)} px por lado y de ${f.number(maxMegapixels)} megapíxeles como máximo (los resultados tienen el tamaño de la foto). Cámbiale el tamaño y vuelve a intentarlo.`,
	maskAspect: ({ imageWidth, imageHeight, maskWidth, maskHeight }) =>
		`La máscara mide ${f.plain(maskWidth)}×${f.plain(maskHeight)} px, pero la foto mide ${f.plain(imageWidth)}×${f.plain(imageHeight)}: la máscara debe tener la forma de la foto (cualquier tamaño con la misma relación de aspecto). Blanco = conservar, negro = reemplazar.`,
	maskUniform: ({ keepsAll }) =>
		keepsAll
			? "La máscara es toda blanca: conserva todo y no cambiaría nada. Pinta de negro lo que quieras reemplazar."
			: "La máscara es toda negra: no se conservaría nada de la foto. Pinta de blanco lo que deba quedarse.",
	maskExpired: () =>
		"Esta vista previa de la máscara venció o ya se usó (las vistas previas duran una hora). Vuelve a ejecutar /background.",
	optionOutOfRange: ({ option, min, max, got }) =>
		`\`${option}\` debe estar entre ${f.number(min)} y ${f.number(max)}; pusiste ${f.number(got)}.`,
} satisfies Catalogue["userInputMessages"];

const resetTime = (iso: string) =>
	`${f.timestamp(unixSecondsOf(iso), "R")} (las cuotas se reinician todos los días a las 00:00 UTC)`;

export const policyMessages = {
	deniedRole: ({ roleId }) =>
		`Los moderadores de este servidor no permiten que el rol ${roleMention(roleId)} use el bot de imágenes.`,
	notAllowedRole: ({ allowedRoles }) =>
		`Aquí solo pueden usar el bot de imágenes los miembros con ${f.list(allowedRoles.map(roleMention), "or")}.`,
	threadStarterOnly: ({ starterId }) =>
		`En este servidor solo el miembro que inició un hilo (${userMention(starterId)}) puede agregarle turnos. Inicia el tuyo con /imagine.`,
	blocklisted: ({ matched, reason, presetReason }) => {
		const why = blocklistReason({ reason, presetReason });
		return `Tu prompt contiene "${matched}", algo que los moderadores de este servidor no permiten${why ? `: ${withoutFinalStop(why)}` : ""}. No se envió nada a Gemini.`;
	},
	cooldown: ({ secondsLeft, cooldownSeconds }) =>
		`Ve más despacio: este servidor permite un turno cada ${f.duration(cooldownSeconds, "second")}. Vuelve a intentarlo en ${f.duration(secondsLeft, "second")}.`,
	memberQuota: ({ limit, resetsAt }) =>
		`Ya usaste tus ${f.number(limit)} imágenes de hoy. Tendrás más ${resetTime(resetsAt)}.`,
	serverQuota: ({ limit, resetsAt }) =>
		`Este servidor ya usó sus ${f.number(limit)} imágenes de hoy. Habrá más ${resetTime(resetsAt)}.`,
} satisfies Catalogue["policyMessages"];

const PRESET_REASON_TEXT: Record<PresetReason, string> = {
	sexualContent: "Este servidor no permite contenido sexual.",
	graphicViolence: "Este servidor no permite violencia gráfica.",
};

export const blocklistReason: Catalogue["blocklistReason"] = (entry) =>
	entry.reason ?? (entry.presetReason ? PRESET_REASON_TEXT[entry.presetReason] : undefined);

export const CATEGORY_LABELS = {
	prohibited: "contenido prohibido (seguridad infantil)",
	sexual: "contenido sexual",
	dangerous: "contenido peligroso",
	hate: "discurso de odio",
	harassment: "acoso",
	celebrity: "una representación fotorrealista de una persona real y famosa",
	people: "personas o rostros, que la configuración de esta solicitud no permite",
	child: "niños, que la configuración de esta solicitud no permite",
	civic: "integridad cívica",
	other: "un problema de seguridad que Google no especifica",
} satisfies Catalogue["CATEGORY_LABELS"];

const BLOCK_DETAILS: Record<string, string> = {
	BLOCKLIST: "contiene términos de la lista de bloqueo de Google",
	SPII: "puede contener información personal sensible",
	RECITATION: "el resultado se parecía demasiado a material existente que no puede reproducir",
	IMAGE_RECITATION: "la imagen se parecía demasiado a material existente que no puede reproducir",
	PROHIBITED_CONTENT: "puede involucrar contenido prohibido",
	IMAGE_PROHIBITED_CONTENT: "la imagen puede involucrar contenido prohibido",
};

export const blockedMessage: Catalogue["blockedMessage"] = (stage, reason, category) => {
	const because = category ? ` por ${CATEGORY_LABELS[category]}` : "";
	const detail = BLOCK_DETAILS[reason] ? ` (${BLOCK_DETAILS[reason]})` : "";
	const head =
		stage === "prompt"
			? `🚫 El filtro de seguridad de Gemini bloqueó este prompt${because}${detail}.`
			: `🚫 Gemini generó un resultado, pero su filtro de seguridad lo retuvo${because}${detail}.`;
	return `${head} Reformula la solicitud y vuelve a intentarlo. ${NOT_KEPT}`;
};

export const failureMessages = {
	NO_IMAGE: `Gemini terminó sin generar una imagen. Vuelve a intentarlo o describe la imagen de forma más concreta. ${NOT_KEPT}`,
	IMAGE_OTHER: `Gemini no pudo generar esta imagen (no dio más detalles). Vuelve a intentarlo o reformula la solicitud. ${NOT_KEPT}`,
	MAX_TOKENS: `Gemini se quedó sin espacio antes de generar una imagen. Pide menos cosas en un solo turno. ${NOT_KEPT}`,
	OTHER: `Gemini se detuvo sin imagen por un motivo que no indicó. Vuelve a intentarlo. ${NOT_KEPT}`,
	EMPTY: `Gemini no devolvió nada. Vuelve a intentarlo en un momento. ${NOT_KEPT}`,
} satisfies Catalogue["failureMessages"];
