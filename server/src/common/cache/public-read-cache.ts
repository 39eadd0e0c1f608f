import { Injectable } from '@nestjs/common';

/** How long a read stays: long enough to absorb a burst of openings of one share, short enough not to matter. */
export const PUBLIC_READ_TTL_MS = 5_000;
/** Entries kept at most; the oldest goes first (a Map iterates in insertion order). */
const MAX_ENTRIES = 10_000;

interface Entry {
  value: unknown;
  expiresAt: number;
}

/**
 * What prospects read most (a card opened through a share, where a short link leads), kept in memory for a
 * few seconds. Whatever changes such a read (a card edited, an employee disabled) calls `clear()`, so this
 * instance never serves a stale read; another instance may for at most PUBLIC_READ_TTL_MS. A read that
 * throws (a 404) is not kept.
 */
@Injectable()
export class PublicReadCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by clear(): a read that started before a change must not store what it read. */
  private generation = 0;

  async read<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as T;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, expiresAt: now + PUBLIC_READ_TTL_MS });
    }
    return value;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
