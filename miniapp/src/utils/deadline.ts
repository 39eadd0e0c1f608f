const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** "12月1日 18:00" in the device's time zone; the year only when it is not this year's. */
export function formatDateTime(iso: string, now: Date): string {
  const date = new Date(iso);
  const year = date.getFullYear() === now.getFullYear() ? '' : `${date.getFullYear()}年`;
  return `${year}${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** How much time is left: "还剩 3 天", "还剩 5 小时", "即将截止", or "已截止". */
export function timeLeft(deadlineIso: string, now: Date): string {
  const left = Date.parse(deadlineIso) - now.getTime();
  if (left <= 0) return '已截止';
  if (left >= DAY_MS) return `还剩 ${Math.floor(left / DAY_MS)} 天`;
  const hours = Math.floor(left / (60 * 60 * 1000));
  return hours >= 1 ? `还剩 ${hours} 小时` : '即将截止';
}

/** A deadline some days from now at 18:00, as a form's default; the value for the date picker and the time. */
export function defaultDeadline(now: Date, days = 7): { date: string; time: string } {
  const day = new Date(now.getTime() + days * DAY_MS);
  return { date: `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`, time: '18:00' };
}

/** The ISO instant of a "YYYY-MM-DD" date and "HH:mm" time in the device's time zone. */
export function deadlineIso(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(year!, month! - 1, day!, hours!, minutes!).toISOString();
}
