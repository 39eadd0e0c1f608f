import { isWithinDedupeWindow } from '@cardhub/shared';
import type { TrackedEvent } from './entities/tracked-event.entity';

/** What the dedupe window needs of a stored counted view. */
export type CountedView = Pick<
  TrackedEvent,
  'organizationId' | 'visitorId' | 'targetType' | 'targetId' | 'receivedAt'
>;

/** Reads the counted views stored within the dedupe window of the earliest of `candidates`, of their visitors. */
export type CountedViewReader = (candidates: readonly TrackedEvent[]) => Promise<CountedView[]>;

/**
 * The 30-minute view window across the event log's batches, which are written several at a time. A batch's
 * read of the stored counted views misses those of the other batches still committing, and those of batches
 * that committed after the read took its snapshot; both are kept here until no open window can have missed them.
 */
export class ViewWindows {
  private readonly open = new Set<ViewWindow>();
  /** The counted views of batches still committing. */
  private readonly uncommitted = new Set<TrackedEvent>();
  /** Counted views that committed while these windows were open: their reads may predate the COMMIT. */
  private readonly committedMeanwhile: { views: TrackedEvent[]; openWindows: Set<ViewWindow> }[] = [];

  /** Opened before its batch reads anything, so that every COMMIT after the read's snapshot is kept for it. */
  openWindow(): ViewWindow {
    const window = new ViewWindow(this);
    this.open.add(window);
    return window;
  }

  /** The counted views that a window's read may not show. */
  unseen(): Iterable<TrackedEvent> {
    return [...this.uncommitted, ...this.committedMeanwhile.flatMap((entry) => entry.views)];
  }

  claim(view: TrackedEvent): void {
    this.uncommitted.add(view);
  }

  withdraw(views: Iterable<TrackedEvent>): void {
    for (const view of views) this.uncommitted.delete(view);
  }

  /** A window's batch ended: its counted views are stored now, or never will be. */
  close(window: ViewWindow, views: TrackedEvent[], committed: boolean): void {
    this.withdraw(views);
    this.open.delete(window);
    for (const entry of this.committedMeanwhile) entry.openWindows.delete(window);
    if (committed && views.length > 0 && this.open.size > 0) {
      this.committedMeanwhile.push({ views, openWindows: new Set(this.open) });
    }
    for (let index = this.committedMeanwhile.length - 1; index >= 0; index -= 1) {
      if (this.committedMeanwhile[index]!.openWindows.size === 0) this.committedMeanwhile.splice(index, 1);
    }
  }
}

/**
 * One batch's window: a view about to be stored as counted becomes a repeat when the same visitor's counted
 * view of the same target was received within the window — stored before, in another batch (see ViewWindows),
 * or earlier in this batch. The actions of a view that turned into a repeat do not count either, as for any
 * uncounted visit.
 */
export class ViewWindow {
  /** The views this batch is about to store as counted. */
  private readonly mine = new Set<TrackedEvent>();

  constructor(private readonly windows: ViewWindows) {}

  /** Decides the batch's views; applied again (to the rows it still inserts) when the batch is retried. */
  async apply(events: readonly TrackedEvent[], readCounted: CountedViewReader): Promise<void> {
    this.windows.withdraw(this.mine);
    this.mine.clear();
    const candidates = events.filter((event) => event.type === 'view' && event.counted && event.visitorId);
    if (candidates.length === 0) return;
    const lastCounted = new Map<string, Date>();
    const remember = (view: CountedView) => {
      const previous = lastCounted.get(windowKey(view));
      if (!previous || previous < view.receivedAt) lastCounted.set(windowKey(view), view.receivedAt);
    };
    (await readCounted(candidates)).forEach(remember);
    // From here to the end nothing awaits: no other batch's decision can slip in between.
    for (const view of this.windows.unseen()) remember(view);
    const demoted = new Set<string>();
    for (const view of candidates) {
      const previous = lastCounted.get(windowKey(view));
      if (previous && isWithinDedupeWindow(previous, view.receivedAt)) {
        view.verdict = 'repeat';
        view.counted = false;
        demoted.add(view.id);
      } else {
        remember(view);
        this.mine.add(view);
        this.windows.claim(view);
      }
    }
    for (const event of events) if (event.visitId && demoted.has(event.visitId)) event.counted = false;
  }

  /** The batch committed (its counted views are stored) or failed (they never will be). */
  close(outcome: 'committed' | 'failed'): void {
    this.windows.close(this, [...this.mine], outcome === 'committed');
    this.mine.clear();
  }
}

function windowKey(view: CountedView): string {
  return `${view.organizationId}/${view.visitorId}/${view.targetType}/${view.targetId}`;
}
