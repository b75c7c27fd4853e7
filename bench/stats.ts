// bench/stats.ts: medians, percentiles and a bootstrap interval for the ratio of two medians.

export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** A 95% bootstrap interval of median(a) / median(b): both samples resampled with replacement. */
export function bootstrapRatio(a: readonly number[], b: readonly number[], rounds = 2_000): [number, number] {
	if (a.length === 0 || b.length === 0) return [Number.NaN, Number.NaN];
	const resample = (values: readonly number[]) =>
		Array.from({ length: values.length }, () => values[Math.floor(Math.random() * values.length)] as number);
	const ratios = Array.from({ length: rounds }, () => median(resample(a)) / median(resample(b)));
	return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
