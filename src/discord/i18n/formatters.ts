// src/discord/i18n/formatters.ts: numbers, money, lists, plurals and durations as each locale writes them, through Intl.
import type { Locale } from "./locale.js";

export type PluralForms<T> = Partial<Record<Intl.LDMLPluralRule, T>> & { other: T };
export type DurationUnit = "second" | "minute" | "hour" | "day";
/** Discord's timestamp styles the bot uses: relative, short time, short date and time. */
export type TimestampStyle = "R" | "t" | "f";

export type Formatters = {
	readonly locale: Locale;
	/** A count or an amount, grouped as the locale groups digits: 1,234 (hi: 12,34,567). */
	number(value: number): string;
	/** A measurement with exactly `fractionDigits` decimals: 12.3. */
	decimal(value: number, fractionDigits: number): string;
	/** A value as a member types or reads it back (pixel sizes, setting values): no grouping. */
	plain(value: number): string;
	/** A ratio (0.734) as a percentage: 73.4%. */
	percent(ratio: number, fractionDigits: number): string;
	/** US dollars, the currency Gemini bills in: $0.015, US$0.02. */
	usd(amount: number, fractionDigits: number): string;
	/** "a, b, and c" (and), "a, b, or c" (or), "a, b, c" (unit: values side by side; ja and zh-CN run them together). */
	list(items: readonly string[], kind: "and" | "or" | "unit"): string;
	/** The form of a phrase `count` takes in this language (CLDR plural rules; `other` when a form is missing). */
	plural<T>(count: number, forms: PluralForms<T>): T;
	/** A length of time in this locale's words: "45 s", "3 分", "2 घंटे". */
	duration(value: number, unit: DurationUnit, fractionDigits?: number): string;
	/** A wait as a member reads it, rounded up: seconds under 2 minutes, minutes under 2 hours, else hours. */
	wait(seconds: number): string;
	/** Discord's timestamp markup, which each reader's client renders in their own language and time zone. */
	timestamp(unixSeconds: number, style: TimestampStyle): string;
};

/** The unit display each locale writes in running text: Hindi's short forms are abbreviations ("से॰"), not words. */
const UNIT_DISPLAY: Record<Locale, "short" | "long"> = {
	"en-US": "short",
	"es-419": "short",
	ja: "short",
	"zh-CN": "short",
	hi: "long",
};

function makeFormatters(locale: Locale): Formatters {
	const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
	const plain = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 });
	const pluralRules = new Intl.PluralRules(locale);
	const lists = {
		and: new Intl.ListFormat(locale, { type: "conjunction" }),
		or: new Intl.ListFormat(locale, { type: "disjunction" }),
		unit: new Intl.ListFormat(locale, { type: "unit", style: "short" }),
	};
	const made = new Map<string, Intl.NumberFormat>();
	const fixed = (options: Intl.NumberFormatOptions, digits: number): Intl.NumberFormat => {
		const key = JSON.stringify([options, digits]);
		let format = made.get(key);
		if (!format) {
			format = new Intl.NumberFormat(locale, {
				...options,
				minimumFractionDigits: digits,
				maximumFractionDigits: digits,
			});
			made.set(key, format);
		}
		return format;
	};
	const duration = (value: number, unit: DurationUnit, fractionDigits = 0) =>
		// Days in full everywhere: short forms such as Spanish "7 dd." are not what anyone writes.
		fixed({ style: "unit", unit, unitDisplay: unit === "day" ? "long" : UNIT_DISPLAY[locale] }, fractionDigits).format(
			value,
		);
	return {
		locale,
		number: (value) => grouped.format(value),
		decimal: (value, fractionDigits) => fixed({}, fractionDigits).format(value),
		plain: (value) => plain.format(value),
		percent: (ratio, fractionDigits) => fixed({ style: "percent" }, fractionDigits).format(ratio),
		usd: (amount, fractionDigits) => fixed({ style: "currency", currency: "USD" }, fractionDigits).format(amount),
		list: (items, kind) => lists[kind].format(items),
		plural: (count, forms) => forms[pluralRules.select(count)] ?? forms.other,
		duration,
		wait: (seconds) =>
			seconds < 120
				? duration(Math.ceil(seconds), "second")
				: seconds < 7_200
					? duration(Math.ceil(seconds / 60), "minute")
					: duration(Math.ceil(seconds / 3_600), "hour"),
		timestamp: (unixSeconds, style) => `<t:${Math.floor(unixSeconds)}:${style}>`,
	};
}

const CACHE = new Map<Locale, Formatters>();

/** The formatters of one locale (built once; Intl's formatters are costly to make and cheap to reuse). */
export function formattersFor(locale: Locale): Formatters {
	let formatters = CACHE.get(locale);
	if (!formatters) {
		formatters = makeFormatters(locale);
		CACHE.set(locale, formatters);
	}
	return formatters;
}
