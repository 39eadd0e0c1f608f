/** How far a client's clock may be off before we stop believing the time it reports. */
export const MAX_CLIENT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * When an event happened: the client's time if it is within the skew of ours (it may have queued the event
 * briefly), else ours. Counting windows never use this; they use the time we received the event.
 */
export function occurredAt(clientTime: string | undefined, now: Date): Date {
  if (!clientTime) return now;
  const reported = new Date(clientTime);
  return Math.abs(reported.getTime() - now.getTime()) <= MAX_CLIENT_CLOCK_SKEW_MS ? reported : now;
}
