const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * When something happened, the way a Chinese phone UI says it:
 * 刚刚, N分钟前, N小时前 (same day), 昨天 HH:mm, M月D日 HH:mm, YYYY年M月D日.
 * Times in the future (clock skew between phone and server) read as 刚刚.
 */
export function formatRelativeTime(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE) return '刚刚';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}分钟前`;

  const today = startOfDay(now);
  if (date.getTime() >= today) return `${Math.floor(elapsed / HOUR)}小时前`;
  if (date.getTime() >= today - 24 * HOUR) return `昨天 ${clock(date)}`;
  if (date.getFullYear() === now.getFullYear()) {
    return `${date.getMonth() + 1}月${date.getDate()}日 ${clock(date)}`;
  }
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
