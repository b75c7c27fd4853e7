// src/discord/i18n/es-419/turns.ts: el avance de los turnos, sus resultados, botones y modales (español de Latinoamérica).
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { backgroundMessages } from "./background.js";
import { NOT_KEPT } from "./refusals.js";

const f = formattersFor("es-419");
const at = (retryAtMs: number) => f.timestamp(Math.ceil(retryAtMs / 1_000), "R");
const version = (number: number) => `v${f.plain(number)}`;

export const labels = {
	reroll: "Regenerar",
	undo: "Deshacer",
	edit: "Editar",
	info: "Info",
	delete: "Eliminar",
	cancel: "Cancelar",
	useMask: "Usar esta máscara",
	reportMistake: "Reportar un error",
	deleteOutput: "Eliminar el resultado",
	lockThread: "Bloquear hilo",
	timeoutMember: (minutes) => `Aislar temporalmente al miembro (${f.duration(minutes, "minute")})`,
	clearHistory: "Borrar el historial",
	keepHistory: "Conservarlo",
	editImageTitle: "Editar imagen",
	editThisImageTitle: "Editar esta imagen",
	instructionLabel: "¿Qué debería cambiar?",
	instructionPlaceholder: "pinta el auto de amarillo",
	untitledThread: "Conversación de imágenes",
} satisfies Catalogue["labels"];

export const auditReasons = {
	imagine: "/imagine",
	background: "/background",
	editImage: "Editar imagen",
	branch: "Rama de una conversación de imágenes",
} satisfies Catalogue["auditReasons"];

/** Los permisos como los nombra la interfaz de Discord en español. */
export const TURN_PERMISSION_NAMES =
	"Enviar mensajes, Adjuntar archivos, Crear hilos públicos y Enviar mensajes en hilos";

export const messages = {
	refusedHint: `No se generó ninguna imagen. Si querías una, pídela de forma explícita, por ejemplo "genera una imagen de …". ${NOT_KEPT}`,
	truncated: "⚠️ Gemini llegó a su límite de salida, así que esta respuesta podría estar incompleta.",
	imagesDropped: (kept) =>
		`ℹ️ Este hilo ya es más largo de lo que el modelo puede ver de una vez: las imágenes más antiguas salieron de su contexto (sigue leyendo todo el texto y conserva hasta ${f.number(kept)} imágenes).`,
	firstFrameOnly: (names) =>
		`ℹ️ ${f.list(names.map(inlineCode), "and")} ${f.plural(names.length, { one: "es animada", other: "son animadas" })}; usé el primer fotograma.`,
	progressThinking: (summary) => `-# 💭 Pensando: ${summary}`,
	progressDraft: (draft) =>
		`-# 🖌️ Borrador ${f.number(draft)}: un boceto que el modelo hizo por el camino, no la imagen final.`,
	progressWorking: (seconds) => `⏳ Trabajando en ello… ${f.duration(seconds, "second")}`,
	progressQuotaWait: (retryAt) =>
		`⏳ La cuota de Gemini se agotó por el momento: este turno conserva su lugar y se reintenta ${at(retryAt)}.`,
	progressGlobalCap: (position) =>
		`⏳ Esperando un espacio libre en Gemini (este bot comparte un límite entre todos sus servidores): este turno es el n.º ${f.number(position)} de la fila y empieza cuando terminen los anteriores.`,
	progressGlobalRate: (retryAt) =>
		`⏳ Se agotaron las solicitudes a Gemini de este bot para este minuto: este turno conserva su lugar y empieza ${at(retryAt)}.`,
	progressRetry: (retryAt) => `⏳ Gemini no respondió bien; se vuelve a intentar ${at(retryAt)}.`,
	queued: (userId, position) =>
		`⏳ ${userMention(userId)}, tu turno es el n.º ${f.number(position)} de la fila en este hilo; empieza cuando terminen los anteriores.`,
	cancelled: "Cancelado: ese turno se detuvo y no se agregó nada a la conversación.",
	notQueuedAnymore: "Ese turno ya no está en espera ni en curso (terminó o el bot se reinició).",
	cancelNotYours: "Solo el miembro que pidió este turno puede cancelarlo.",
	uploadedVersions: (versions) =>
		`-# ${f.plural(versions.length, { one: "Tu imagen es", other: "Tus imágenes son" })} ${f.list(versions.map(version), "and")}.`,
	staleButton: (latestVersions) =>
		`Ese resultado ya no es el último turno de este hilo${latestVersions ? ` (el último es ${latestVersions})` : ""}, así que ${labels.reroll}, ${labels.undo} y ${labels.edit} ya no se aplican a él. Para volver a él, responde a ese mensaje: crearé una rama en un hilo nuevo a partir de él. ${labels.info} y ${labels.delete} siguen funcionando.`,
	resultCard: (card) =>
		[
			`**Resultado ${card.versions || "(sin imagen)"}** · turno ${f.number(card.turn)}`,
			`**Prompt:** ${card.prompt || "(solo imágenes)"}`,
			`**Modelo:** \`${card.model}\` (${card.modelLabel})`,
			`**Hecho a partir de:** ${card.parent !== undefined ? version(card.parent) : "nada (una imagen nueva)"}${card.inputs.length > 0 ? `; entradas ${f.list(card.inputs, "and")}` : ""}`,
			...(card.branchOf ? [`**Rama de:** ${channelMention(card.branchOf)}`] : []),
			`**Pedido por:** ${userMention(card.requesterId)}, ${f.timestamp(card.at, "f")}`,
			`**Tardó:** ${f.duration(card.seconds, "second", 1)}`,
			card.tokens
				? `**Tokens:** ${f.number(card.tokens.in)} de entrada, ${f.number(card.tokens.out)} de salida; costo estimado ${f.usd(card.usd, 3)}`
				: `**Costo estimado:** ${f.usd(card.usd, 3)}`,
			...(card.background ? [backgroundMessages.infoLine(card.background)] : []),
			"-# Google marca cada imagen que genera Gemini con una marca de agua invisible SynthID.",
		].join("\n"),
	notInHistory: "Ese resultado ya no está en la conversación de este hilo (se deshizo, se regeneró o se borró).",
	undone: (userId, removed, current) =>
		`↩️ ${userMention(userId)} deshizo el último turno${removed ? ` (${removed})` : ""}. ${current ? `La conversación sigue desde ${current}.` : "La conversación volvió a su inicio."}`,
	nothingToUndo: "No hay nada que deshacer en este hilo.",
	deleteNotAllowed: "Solo el miembro que pidió este resultado, o alguien con Administrar mensajes, puede eliminarlo.",
	deleted: `Eliminado. El historial de la conversación no cambió: usa ${labels.undo} para quitarle un turno.`,
	forgetConfirm: "¿Borrar toda la conversación de imágenes de este hilo? Los mensajes se quedan, pero los olvidaré.",
	forgotten: (userId) =>
		`🧹 ${userMention(userId)} borró el historial de este hilo; el próximo mensaje empieza de cero.`,
	forgetKept: "Conservé el historial.",
	historyCleared: "Historial borrado.",
	editNoImages: "Ese mensaje no tiene imágenes para editar.",
	editStarted: (threadId) => `🧵 Editando en ${channelMention(threadId)}.`,
	edited: (userId, instruction) => `✏️ ${userMention(userId)}: ${instruction}`,
	branched: (threadId, from) => `⑂ Creé una rama${from ? ` desde ${from}` : ""} en ${channelMention(threadId)}.`,
	branchedFrom: (threadId, from) => `⑂ Rama de ${channelMention(threadId)}${from ? ` en ${from}` : ""}.`,
	notAConversation: "Este no es uno de mis hilos de imágenes. Usa /imagine en un canal de texto para empezar uno.",
	threadStarted: (threadId) =>
		`🧵 Trabajando en ello en ${channelMention(threadId)}. Responde ahí para seguir editando.`,
	turnAcknowledged: "🎨 En eso estoy.",
	geminiQuota: (seconds) =>
		`⏳ La cuota de Gemini de este bot está agotada en este momento${seconds ? `; vuelve a intentarlo en unos ${f.duration(seconds, "second")}` : "; vuelve a intentarlo en un minuto"}.`,
	geminiQuotaExhausted: (retryAfterSeconds) =>
		`⏳ La cuota de Gemini de este bot se agotó${retryAfterSeconds ? `; vuelve a aceptar solicitudes en unos ${f.wait(retryAfterSeconds)}` : "; vuelve a intentarlo más tarde"}. ${NOT_KEPT}`,
	geminiUnavailable:
		"Gemini está saturado o no está disponible en este momento (ya reintenté). Vuelve a intentarlo en un minuto.",
	geminiTimeout:
		"Gemini tardó demasiado en responder (ya reintenté). Vuelve a intentarlo, quizá con una solicitud más sencilla.",
	geminiDeadline: (seconds) =>
		`⌛ Gemini no respondió a tiempo (esperé ${f.wait(seconds)}, reintentos incluidos). Vuelve a intentarlo, quizá con una solicitud más sencilla. ${NOT_KEPT}`,
	turnInterrupted: `⚠️ Me estoy reiniciando, así que este turno se detuvo antes de terminar. Envíalo de nuevo en un minuto. ${NOT_KEPT}`,
	aboutYourMessage: (text, url) => `${text}\n-# Sobre tu mensaje ${url}`,
	restarting: "Me estoy reiniciando en este momento y no acepto turnos nuevos. Envía eso de nuevo en un minuto.",
	storeUnavailable:
		"No puedo acceder a mi almacenamiento en este momento (está caído o reiniciándose), así que no puedo aceptar este turno. No se perdió nada: envíalo de nuevo en un minuto.",
	interruptedByCrash: (userId) =>
		`⚠️ ${userMention(userId)}, me detuve mientras trabajaba en tu último turno aquí, así que no terminó. La conversación quedó como estaba antes de ese turno: envíalo de nuevo.`,
	geminiRejected: (ref) =>
		`Gemini rechazó esta solicitud por no ser válida. Si sigue pasando, avísale al operador del bot (ref. \`${ref}\`).`,
	geminiAuth: (ref) => `Gemini rechazó la clave de API del bot. Avísale al operador del bot (ref. \`${ref}\`).`,
	geminiModelMissing: (model) =>
		`El modelo \`${model}\` no está disponible. Pídele al operador del bot que revise GEMINI_MODEL.`,
	missingPermissions: (what) => `Me falta un permiso aquí: ${what}. Pídele a un moderador que me lo otorgue.`,
	unexpected: (ref) =>
		`Algo falló de mi lado. Vuelve a intentarlo; si sigue pasando, avísale al operador del bot (ref. \`${ref}\`).`,
	notInConversation: "Este comando funciona en un canal de texto, en uno de mis hilos de imágenes o en un MD conmigo.",
	help: [
		"**Nano Banana threads**: conversaciones de imágenes con Google Gemini.",
		'• `/imagine prompt:<text>`: inicia un hilo con la imagen. En ese hilo, solo escribe qué cambiar ("pon el plato dorado") y adjunta fotos para usarlas.',
		"• Opciones: `image`, `image2`, `image3` (fotos de partida), `aspect` (1:1, 16:9, …), `output` (solo imagen, o imagen y texto), `size` (512, 1K, 2K, 4K si el modelo lo admite).",
		"• En un MD conmigo, todo el MD es una sola conversación.",
		"• `/background image:<photo> prompt:<scene>`: fondos nuevos para una foto de producto, con el producto intacto píxel por píxel (`mask`, `mask_image`, `dilation`, `count`, `keep_product`).",
		"• Cada imagen que genera Gemini lleva una marca de agua invisible SynthID de Google.",
	].join("\n"),
} satisfies Catalogue["messages"];
