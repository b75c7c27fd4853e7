// src/discord/i18n/es-419/commands.ts: descripciones de comandos y opciones, y nombres de las opciones a elegir.
import { DEFAULT_JOB, MAX_RESULTS } from "../../../background/types.js";
import type { Catalogue } from "../catalogue.js";
import { settingKeyChoices } from "../commandTexts.js";
import { settingsMessages } from "./moderation.js";

const scope = "server, o channel (su valor tiene prioridad); predeterminado: server, salvo que elijas un canal";
const scopeChannel = "Con scope:channel, qué canal (predeterminado: este; en un hilo, su canal principal)";
const image = "Una imagen de partida o para usar";

export const commands = {
	imagine: {
		description: "Crea o edita una imagen con Gemini; el hilo se convierte en la conversación",
		options: {
			prompt: "Qué crear o cambiar",
			image,
			image2: image,
			image3: image,
			aspect: "Relación de aspecto (predeterminada: cuadrada, o la de la imagen de entrada)",
			output: "Solo imagen, o imagen y texto (predeterminado)",
			size: "Tamaño de la imagen, si el modelo lo admite",
		},
		choices: { output: { image: "solo imagen", image_and_text: "imagen y texto" } },
	},
	background: {
		description: "Pon una foto de producto sobre un fondo nuevo; el producto queda intacto píxel por píxel",
		options: {
			image: "La foto del producto (máximo 10 MB)",
			prompt: "El fondo nuevo, p. ej. sobre una superficie de mármol, luz suave de la mañana",
			mask: "Qué se reemplaza: el fondo (predeterminado), el primer plano o todo menos las personas",
			mask_image: "Tu propia máscara: blanco = conservar, negro = reemplazar (máximo 10 MB)",
			dilation: "Amplía la zona reemplazada en esta fracción del ancho (0 a 1, predeterminado 0)",
			count: `Cuántos resultados (1 a ${MAX_RESULTS}, predeterminado ${DEFAULT_JOB.count})`,
			keep_product: "false: no vuelve a componer el producto original encima (ediciones artísticas)",
		},
		choices: { mask: { background: "fondo", foreground: "primer plano", people: "todo menos las personas" } },
	},
	undo: { description: "Quita el último turno de la conversación de imágenes de este hilo" },
	forget: { description: "Borra el historial de la conversación de imágenes de este hilo" },
	settings: {
		description: "Consulta o cambia cómo se comporta aquí el bot de imágenes (Administrar servidor)",
		options: {
			view: "La configuración efectiva de este canal y de dónde viene cada valor",
			"view channel": "Muestra la configuración de otro canal (un hilo muestra la de su canal principal)",
			set: "Cambia un ajuste para el servidor o para un canal",
			"set key": "El ajuste",
			"set value": "El valor nuevo (para roles o canales, menciónalos)",
			"set scope": scope,
			"set channel": scopeChannel,
			reset: "Quita el valor de un ajuste en este ámbito para que vuelva a heredarlo",
			"reset key": "El ajuste",
			"reset scope": scope,
			"reset channel": scopeChannel,
			blocklist: "Palabras o /patrones/ que se rechazan antes de llamar al modelo",
			"blocklist add": "Rechaza prompts que contengan una palabra, frase o /regex/",
			"blocklist add pattern": "Una palabra o frase (palabras completas, sin distinguir mayúsculas), o /regex/",
			"blocklist add reason": "Se le muestra al miembro cuyo prompt se rechaza",
			"blocklist add scope": scope,
			"blocklist add channel": scopeChannel,
			"blocklist remove": "Quita una palabra o /regex/ de la lista de bloqueo",
			"blocklist remove pattern": "La entrada tal como se agregó",
			"blocklist remove scope": scope,
			"blocklist remove channel": scopeChannel,
		},
		choices: {
			key: settingKeyChoices(settingsMessages.hint),
			// Messages quote these values (`scope:server`), so they stay as typed.
			scope: { server: "server", channel: "channel" },
		},
	},
	usage: { description: "Tus imágenes de hoy, lo que queda de tu cuota y la del servidor, y cuándo se reinician" },
	help: { description: "Cómo crear y editar imágenes con este bot" },
	"Edit image": { name: "Editar imagen" },
} satisfies Catalogue["commands"];
