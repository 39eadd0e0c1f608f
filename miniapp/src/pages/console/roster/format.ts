const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** 2026年12月1日 18:05 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** How an invitation's expiry reads: 3 天后过期, 今天过期, 已过期. */
export function expiryHint(expiresAt: string, now = Date.now()): { text: string; expired: boolean } {
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return { text: '已过期', expired: true };
  const days = Math.floor(left / DAY_MS);
  return { text: days >= 1 ? `${days} 天后过期` : '今天过期', expired: false };
}
