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
  /** Reads under way, by key: what a miss waits for rather than reading again. */
  private readonly loading = new Map<string, { value: Promise<unknown>; generation: number }>();
  /** Bumped by clear(): a read that started before a change must not store what it read. */
  private generation = 0;

  async read<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as T;
    // A burst arriving as an entry expires waits for one read instead of each making its own.
    const inFlight = this.loading.get(key);
    if (inFlight && inFlight.generation === this.generation) return inFlight.value as Promise<T>;
    const generation = this.generation;
    const value = load();
    this.loading.set(key, { value, generation });
    try {
      const loaded = await value;
      if (generation === this.generation) {
        this.entries.delete(key);
        if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { value: loaded, expiresAt: now + PUBLIC_READ_TTL_MS });
      }
      return loaded;
    } finally {
      if (this.loading.get(key)?.value === value) this.loading.delete(key);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
