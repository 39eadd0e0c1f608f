/** "访客 #3f2a": a stable, anonymous label for a visitor who has not consented to show a name. */
export function anonymousVisitorLabel(visitorId: string): string {
  // FNV-1a, 32-bit: the same label on the server and in the app, no crypto needed.
  let hash = 0x811c9dc5;
  for (let index = 0; index < visitorId.length; index++) {
    hash ^= visitorId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `访客 #${(hash & 0xffff).toString(16).padStart(4, '0')}`;
}

/** What to call a visitor: their name where they consented to show it, else the anonymous label. */
export function visitorDisplayName(visitor: { id: string; name: string | null }): string {
  return visitor.name ?? anonymousVisitorLabel(visitor.id);
}
