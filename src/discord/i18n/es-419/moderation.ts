// src/discord/i18n/es-419/moderation.ts: el registro de moderación, /settings y /usage (español de Latinoamérica).
import { MAX_PATTERN_LENGTH } from "../../../moderation/matchBlocklist.js";
import type { SettingKey } from "../../../moderation/validateSetting.js";
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { channelMention, inlineCode, userMention } from "../markup.js";
import { settingLimits as limits } from "../settingLimits.js";

const f = formattersFor("es-419");
const since = (at: number) => f.timestamp(at, "R");
const entries = (count: number) => `${f.number(count)} ${f.plural(count, { one: "entrada", other: "entradas" })}`;
const images = (count: number) => `${f.number(count)} ${f.plural(count, { one: "imagen", other: "imágenes" })}`;

export const modlogMessages = {
	what: {
		blockedPrompt: "Prompt bloqueado",
		blockedImage: "Imagen bloqueada",
		refused: "Rechazo del modelo",
		denied: "Rechazo por la configuración",
	},
	summary: {
		blockedPrompt: "El filtro de seguridad de Gemini bloqueó el prompt antes de generar nada.",
		blockedImage:
			"Gemini generó un resultado, pero su filtro de seguridad lo retuvo. La imagen nunca se guarda ni se muestra.",
		refused: "Gemini respondió con texto y sin imagen.",
		denied: "La configuración del servidor rechazó el turno antes de llamar al modelo.",
	},
	caseTitle: (what) => `🛡️ ${what}`,
	appealTitle: (what) => `🚩 Reportado como error: ${what}`,
	appealSummary: (userId) =>
		`${userMention(userId)} reporta esto como un error y pide que un moderador lo revise. Se incluye su prompt para que puedas evaluarlo.`,
	field: {
		member: "Miembro",
		where: "Dónde",
		model: "Modelo",
		reason: "Motivo",
		category: "Categoría",
		codes: "Códigos",
		prompt: "Prompt",
		actions: "Acciones de moderación",
	},
	jumpLink: (url, channelId) => `[Ir al mensaje](${url}) en ${channelMention(channelId)}`,
	categoryUnknown: "sin especificar",
	categoryLabel: (label, category) => `${label} (\`${category}\`)`,
	noCodes: "ninguno",
	promptOmitted: "No incluido: el registro de este servidor omite los prompts (ajuste `modlog.includePrompts`).",
	promptEmpty: "(sin texto: el turno solo tenía imágenes)",
	footer: (caseId) => `Caso ${caseId}`,
	actionLine: {
		delete: (moderatorId, at) => `🗑️ ${userMention(moderatorId)} eliminó el resultado ${since(at)}`,
		lock: (moderatorId, at) => `🔒 ${userMention(moderatorId)} bloqueó el hilo ${since(at)}`,
		timeout: (moderatorId, at, minutes) =>
			`⏳ ${userMention(moderatorId)} aisló temporalmente al miembro durante ${f.duration(minutes, "minute")} ${since(at)}`,
	},
	permission: { delete: "Administrar mensajes", lock: "Administrar hilos", timeout: "Aislar temporalmente a miembros" },
	auditReason: (caseId, username, userId) => `Caso ${caseId} del registro de moderación, por ${username} (${userId})`,
	caseUnknown:
		"Ya no tengo este caso (los casos se guardan 30 días), así que no hay nada que reportar ni sobre qué actuar.",
	appealNotYours: "Solo el miembro a quien iba dirigida esta respuesta puede reportarla como error.",
	alreadyReported: "Ya reportaste esto: los moderadores lo tienen.",
	noModlog:
		"Este servidor no tiene canal de registro de moderación, así que no hay a quién enviarle el reporte. Pregúntale directamente a un moderador.",
	modlogUnreachable:
		"No pude publicar en el canal de registro de moderación de este servidor. Pregúntale directamente a un moderador.",
	appealSent:
		"Gracias: envié este caso a los moderadores del servidor para que lo revisen, con tu prompt para que puedan evaluarlo.",
	actionNotAllowed: (permission) => `Esta acción requiere el permiso ${permission}, y no lo tienes.`,
	botLacks: (permission) => `No pude hacerlo: me falta el permiso ${permission} ahí. Otórgamelo y vuelve a intentarlo.`,
	outputDeleted: (count) =>
		`Eliminé el resultado (${f.number(count)} ${f.plural(count, { one: "mensaje", other: "mensajes" })}).`,
	outputAlreadyGone: "El resultado ya no está.",
	noOutput: "Este caso no tiene resultado que eliminar: el turno se rechazó antes de que se publicara nada.",
	threadLocked: (threadId) => `Bloqueé y archivé ${channelMention(threadId)}.`,
	notAThread: "Ese caso no ocurrió en un hilo, así que no hay hilo que bloquear.",
	threadGone: "Ese hilo ya no existe.",
	timedOut: (userId, minutes) =>
		`Aislé temporalmente a ${userMention(userId)} durante ${f.duration(minutes, "minute")}.`,
	memberGone: "Ese miembro ya no está en este servidor.",
} satisfies Catalogue["modlogMessages"];

const values = (list: readonly (string | number)[], kind: "and" | "or") =>
	f.list(
		list.map((value) => (typeof value === "number" ? f.plain(value) : value)),
		kind,
	);
const oneOf = (list: readonly (string | number)[]) => `uno de estos valores: ${values(list, "or")}`;

const SETTING_HINTS: Record<SettingKey, string> = {
	model: "modelo de imagen",
	preset: "strict, standard o relaxed: seguridad, personas y lista de bloqueo a la vez",
	"safety.harassment": "umbral de seguridad: acoso",
	"safety.hateSpeech": "umbral de seguridad: discurso de odio",
	"safety.sexuallyExplicit": "umbral de seguridad: contenido sexual explícito",
	"safety.dangerousContent": "umbral de seguridad: contenido peligroso",
	people: "imágenes de personas: none, allow_adult, allow_all",
	"access.allowedRoles": "roles que pueden usar el bot (vacío = todos)",
	"access.deniedRoles": "roles rechazados",
	"access.threadTurns": "quién puede agregar turnos a un hilo: starter o anyone",
	"threads.visibility": "hilos nuevos públicos o privados",
	"threads.autoArchiveMinutes": `archivado automático de hilos: ${values(limits.autoArchiveMinutes, "and")}`,
	"threads.livePreview": "mostrar texto, ideas y borradores mientras corre un turno: true o false",
	"limits.cooldownSeconds": "segundos entre los turnos de un miembro (0 = desactivado)",
	"limits.memberDailyImages": "imágenes por miembro al día (0 = ilimitado)",
	"limits.serverDailyImages": "imágenes por servidor al día (0 = ilimitado)",
	"modlog.channelId": "canal del registro de moderación",
	"modlog.includePrompts": "el registro de moderación muestra el prompt: true o false",
	blocklist: "las entradas propias de la lista de bloqueo en este ámbito",
	ageRestrictedPreset: "preset en canales con restricción de edad, o none",
};

const SETTING_EXPECTED: Record<SettingKey, string> = {
	model: "un id de modelo",
	preset: oneOf(limits.presets),
	"safety.harassment": oneOf(limits.thresholds),
	"safety.hateSpeech": oneOf(limits.thresholds),
	"safety.sexuallyExplicit": oneOf(limits.thresholds),
	"safety.dangerousContent": oneOf(limits.thresholds),
	people: oneOf(limits.peopleModes),
	"access.allowedRoles": `hasta ${f.number(limits.maxRoles)} ids de rol`,
	"access.deniedRoles": `hasta ${f.number(limits.maxRoles)} ids de rol`,
	"access.threadTurns": oneOf(limits.threadTurns),
	"threads.visibility": oneOf(limits.visibilities),
	"threads.autoArchiveMinutes": `${oneOf(limits.autoArchiveMinutes)} (minutos)`,
	"threads.livePreview": "true o false",
	"limits.cooldownSeconds": `un número entero de segundos de 0 (desactivado) a ${f.plain(limits.maxCooldownSeconds)}`,
	"limits.memberDailyImages": `un número entero de 0 (ilimitado) a ${f.plain(limits.maxMemberDailyImages)}`,
	"limits.serverDailyImages": `un número entero de 0 (ilimitado) a ${f.plain(limits.maxServerDailyImages)}`,
	"modlog.channelId": "un id de canal",
	"modlog.includePrompts": "true o false",
	blocklist: `hasta ${f.number(limits.maxBlocklistEntries)} palabras o /patrones/, cada uno con un motivo opcional`,
	ageRestrictedPreset: oneOf(limits.ageRestrictedPresets),
};

const PATTERN_PROBLEMS = {
	syntax: "no es una expresión regular válida",
	tooLong: `tiene más de ${f.number(MAX_PATTERN_LENGTH)} caracteres`,
	nestedQuantifier:
		"tiene un grupo repetido dentro de una repetición, como `(a+)+`, lo que puede dejar colgada la búsqueda",
	matchesEverything: "coincide con una cadena vacía, así que rechazaría todos los prompts",
	empty: "está vacío",
};

export const settingsMessages = {
	managersOnly:
		"Solo los miembros con el permiso **Administrar servidor** pueden ver o cambiar mi configuración, porque decide qué puede generar todo el mundo aquí. Pídele a un moderador si algo debería cambiar.",
	serverOnly: "La configuración pertenece a un servidor: usa /settings en uno de sus canales.",
	notAServerChannel:
		"Ese no es un canal de este servidor que yo pueda ver. Elige un canal de texto, un foro o un hilo.",
	serverScopeWithChannel:
		"Elegiste `scope:server` y además un canal. Los valores del servidor se aplican a todos los canales: quita `channel` o elige `scope:channel`.",
	hint: (key) => SETTING_HINTS[key],
	scope: (scope) => (scope.kind === "guild" ? "para todo el servidor" : `para ${channelMention(scope.id)}`),
	set: (key, value, where) => `✅ ${inlineCode(key)} ahora es **${value}** ${where}.`,
	presetApplied: (preset, where) =>
		`✅ El preset **${preset}** ahora se aplica ${where}: define a la vez los umbrales de seguridad, las personas y las palabras de la lista de bloqueo del preset (se borraron los valores que estos ajustes tenían por separado en este ámbito).`,
	effectiveHere: (channelId, value, origin) =>
		`ℹ️ En ${channelMention(channelId)} el valor efectivo es **${value}** (${origin}).`,
	reset: (key, where) => `↩️ ${inlineCode(key)} ya no tiene valor propio ${where}; vuelve a heredarlo.`,
	nothingToReset: (key, where) => `${inlineCode(key)} no tiene valor propio ${where}; no cambió nada.`,
	blocklistAdded: (pattern, where, count) =>
		`🚫 Agregué ${inlineCode(pattern)} a la lista de bloqueo ${where} (${entries(count)} en este ámbito). Los prompts que coincidan se rechazan antes de llamar a cualquier modelo.`,
	blocklistRemoved: (pattern, where) => `Quité ${inlineCode(pattern)} de la lista de bloqueo ${where}.`,
	blocklistNotThere: (pattern, where) =>
		`${inlineCode(pattern)} no está en la lista de bloqueo ${where}; no cambió nada.`,
	blocklistFromPreset: (preset) =>
		` Viene del preset **${preset}**: elige otro preset para quitar las palabras del preset.`,
	errors: {
		unknownSetting: ({ key, known }) => `${inlineCode(key)} no es un ajuste. Los ajustes son: ${f.list(known, "and")}.`,
		invalidValue: ({ key }) =>
			`Ese valor no sirve para ${inlineCode(key)}: acepta ${SETTING_EXPECTED[key]}. No se cambió nada.`,
		modelNotAllowed: ({ model, allowed }) =>
			`${inlineCode(model)} no es uno de los modelos que permite el operador del bot: ${f.list(allowed, "and")}. No se cambió nada.`,
		thresholdTooPermissive: ({ key, threshold, mostPermissive }) =>
			`El operador del bot no permite umbrales de seguridad más laxos que ${mostPermissive}, así que ${inlineCode(key)} no puede ser ${threshold}. Elige ${mostPermissive} o uno más estricto. No se cambió nada.`,
		invalidPattern: ({ pattern, problem }) =>
			`El patrón ${inlineCode(pattern)} ${PATTERN_PROBLEMS[problem]}. Usa una palabra o frase, o \`/regex/\` (como máximo ${f.number(MAX_PATTERN_LENGTH)} caracteres). No se cambió nada.`,
		tooManyEntries: ({ key, max }) =>
			`${inlineCode(key)} admite como máximo ${entries(max)} por ámbito. Quita algunas primero. No se cambió nada.`,
	},
	view: {
		title: "Configuración del bot de imágenes",
		description: (where) =>
			[
				`Configuración efectiva de ${channelMention(where.channelId)}${where.threadId ? ` (los hilos como ${channelMention(where.threadId)} usan la de su canal principal)` : ""}.`,
				where.ageRestricted
					? "Discord marca este canal con restricción de edad."
					: "Este canal no tiene restricción de edad.",
				"Cada valor indica de dónde viene: predeterminado, servidor, canal (que tiene prioridad sobre el servidor) o un preset.",
			].join("\n"),
		sections: {
			model: "Modelo",
			preset: "Presets",
			safety: "Umbrales de seguridad",
			people: "Personas",
			access: "Acceso",
			threads: "Hilos",
			limits: "Límites (por día UTC)",
			modlog: "Registro de moderación",
			blocklist: "Lista de bloqueo",
		},
		emptyBlocklist: "Sin palabras ni patrones.",
		more: (count) => `… y ${f.number(count)} más`,
		footer:
			"Cambiar: /settings set key value [scope] · Deshacer: /settings reset key [scope] · Palabras: /settings blocklist add",
	},
	origins: {
		default: "predeterminado",
		server: "servidor",
		channel: "canal",
		preset: (preset) => `preset ${preset}`,
		ageRestricted: (preset) => `canal con restricción de edad: ${preset}`,
		capped: {
			operator: "limitado por el operador del bot",
			ageRestricted: "limitado a adultos: canal con restricción de edad",
		},
	},
	values: {
		everyone: "todos",
		noRoles: "ninguno",
		off: "desactivado",
		on: "activado",
		unlimited: "ilimitado",
		seconds: (seconds) => f.duration(seconds, "second"),
		imagesPerDay: (count) => `${f.number(count)} al día`,
		minutes: (minutes) =>
			`${f.duration(minutes, "minute")} (${minutes % 1_440 === 0 ? f.duration(minutes / 1_440, "day") : f.duration(minutes / 60, "hour")})`,
		entries,
		moreRoles: (count) => `+${f.number(count)} más`,
	},
} satisfies Catalogue["settingsMessages"];

const usd = (amount: number) => (amount > 0 && amount < 0.01 ? `<${f.usd(0.01, 2)}` : f.usd(amount, 2));

export const usageMessages = {
	dmOnly:
		"Las cuotas de imágenes se cuentan por servidor: usa /usage en un canal del servidor donde generas imágenes. En un MD conmigo no hay nada que mostrar.",
	allowance: ({ used, limit, remaining }) =>
		limit > 0
			? `${f.number(used)} de ${f.number(limit)} (${f.plural(remaining ?? 0, { one: "queda", other: "quedan" })} ${f.number(remaining ?? 0)})`
			: `${f.number(used)} (sin límite diario)`,
	member: (allowance) => `**Tus imágenes de hoy:** ${allowance}`,
	server: (allowance) => `**Este servidor hoy:** ${allowance}`,
	resets: (unixSeconds) =>
		`Las cuotas se reinician ${f.timestamp(unixSeconds, "R")}, a las 00:00 UTC (${f.timestamp(unixSeconds, "t")} en tu hora). Los conteos incluyen las imágenes de los turnos que siguen en curso.`,
	topUsers: "**Quienes más imágenes generaron hoy**",
	topUser: (rank, userId, count, amount) =>
		`${f.number(rank)}. ${userMention(userId)}: ${images(count)} (${usd(amount)})`,
	noUsersYet: "Nadie generó una imagen hoy.",
	cost: (amount, count) =>
		`**Costo estimado de hoy:** ${usd(amount)} por ${images(count)} (según el uso que informa Gemini y la tabla de precios del bot; la factura de Google es la que vale).`,
} satisfies Catalogue["usageMessages"];
