/**
 * A value axis a reader can read: 0 to a round maximum at or above `max`, in `count` equal, round steps
 * (0 / 5 / 10 / 15 / 20 rather than 0 / 4.25 / 8.5 …). An all-zero series still gets an axis of 0–4.
 */
export function niceTicks(max: number, count = 4): number[] {
  const raw = Math.max(max, count) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw)!;
  return Array.from({ length: count + 1 }, (_, index) => Math.round(index * step * 100) / 100);
}

/** Short axis labels: 1.2万 rather than 12,000. */
export function axisLabel(value: number): string {
  if (value >= 10_000) return `${Math.round(value / 1000) / 10}万`;
  return value.toLocaleString('zh-CN');
}
