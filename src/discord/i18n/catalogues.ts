// src/discord/i18n/catalogues.ts: every locale's catalogue; a locale without one fails the type check here.
import { type Catalogue, english } from "./catalogue.js";
import { es419 } from "./es-419/index.js";
import { hi } from "./hi/index.js";
import { ja } from "./ja/index.js";
import type { Locale } from "./locale.js";
import { zhCN } from "./zh-CN/index.js";

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = {
	"en-US": english,
	"es-419": es419,
	ja,
	"zh-CN": zhCN,
	hi,
};
