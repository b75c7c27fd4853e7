// src/discord/i18n/es-419/background.ts: /background: la vista previa de la máscara, cada resultado y la línea de la tarjeta Info.
import type { Catalogue } from "../catalogue.js";
import { formattersFor } from "../formatters.js";
import { userMention } from "../markup.js";

const f = formattersFor("es-419");
const result = (index: number) => `Resultado ${f.number(index)}`;
const because = (category?: string) => (category ? ` por ${category}` : "");

const sources: Record<string, string> = {
	user: "tu máscara",
	alpha: "la transparencia de la foto",
	classical: "calculada localmente (modelo de color del fondo y GrabCut)",
	gemini: "calculada con Gemini (recortada sobre un color plano)",
};

export const backgroundMessages = {
	sources,
	doubts: {
		coverage: "conserva demasiado poco o demasiado de la foto",
		parts: "no tiene un objeto claro o tiene muchas partes separadas",
		border: "sigue los bordes de la foto",
		disagreement: "dos formas de encontrar el producto no coinciden",
		segmenterFailed: "falló la primera forma de encontrar el producto",
	},
	preview: (userId, source, doubts) =>
		`${userMention(userId)}, no estoy seguro de esta máscara (${f.list(doubts, "and")}). La zona coloreada es lo que se reemplazaría; el resto se queda igual, píxel por píxel. Máscara: ${source}. Úsala, o cancela y adjunta tu propia \`mask_image\` (blanco = conservar, negro = reemplazar). Todavía no se generó ni se contó nada.`,
	previewNotYours: "Solo el miembro que ejecutó /background puede confirmar o cancelar esta máscara.",
	previewExpired: "Esta vista previa de la máscara venció (duran una hora). Vuelve a ejecutar /background.",
	previewCancelled: "Cancelado: no se generó ni se contó nada.",
	heading: (userId, title) => `🖼️ ${userMention(userId)}: ${title}`,
	verified: (count, source) =>
		`-# ✅ Píxeles del producto verificados idénticos a tu foto en ${count === 1 ? "este resultado" : `los ${f.number(count)} resultados`} · máscara: ${source}`,
	notComposited: (source) =>
		`-# 🎨 keep_product:false: la imagen tal como la hizo el modelo, sin componer (máscara: ${source}).`,
	resultBlocked: (index, stage, category) =>
		stage === "prompt"
			? `🚫 ${result(index)}: el filtro de seguridad de Gemini bloqueó la solicitud${because(category)}. Reformula el prompt y vuelve a intentarlo.`
			: `🚫 ${result(index)}: Gemini lo generó, pero su filtro de seguridad lo retuvo${because(category)}; no se publica ni se cuenta.`,
	resultRefused: (index, text) =>
		`${result(index)}: Gemini respondió con texto en lugar de una imagen: “${text.length > 300 ? `${text.slice(0, 300)}…` : text}”`,
	resultFailed: (index) => `${result(index)}: Gemini terminó sin generar una imagen; no se cuenta.`,
	resultDrifted: (index, iou) =>
		`${result(index)}: el modelo movió o deformó el producto (solo el ${f.percent(iou, 1)} quedó en su lugar, dos veces), así que no lo publiqué. Vuelve a intentarlo o describe una escena que se ajuste a la posición del producto.`,
	resultTooLarge: (index, mb) =>
		`${result(index)}: como PNG sin pérdida pesa ${f.decimal(mb, 1)} MB, más que los 10 MB por archivo de Discord, y volver a codificarlo cambiaría el producto. Envía una foto más pequeña.`,
	infoLine: (background) =>
		background.keepProduct
			? `**Fondo reemplazado:** máscara: ${sources[background.source] ?? background.source}; ${background.verified ? "píxeles del producto verificados idénticos al original" : "píxeles del producto sin verificar"}`
			: `**Fondo reemplazado:** máscara: ${sources[background.source] ?? background.source}; keep_product:false, sin componer`,
} satisfies Catalogue["backgroundMessages"];
