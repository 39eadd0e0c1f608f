/** "28.8" 秒 under a minute, "2分05" 秒 above. */
export function formatReadTime(seconds: number): { value: string; unit: string } {
  if (seconds < 60) return { value: String(seconds), unit: '秒' };
  const whole = Math.round(seconds);
  return { value: `${Math.floor(whole / 60)}分${String(whole % 60).padStart(2, '0')}`, unit: '秒' };
}

/** 0.25 → "25%", 0.333 → "33.3%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
