import { forEachAtMost } from '../common/jobs/for-each-at-most';

/** A visitor whose rescore read fewer events than this is rescored whenever new events of theirs are stored. */
export const PACED_FROM_EVENTS = 100;
/** From there on, each event a rescore read puts the visitor's next rescore off by this long on average (250 events, the most a rescore reads: 2.5 s). */
export const PACE_PER_EVENT_MS = 10;
/**
 * Each pause is drawn between 0.75 and 1.25 times its average. Floods that began together would otherwise keep
 * coming due together, and their rescores at once made the ingest's slowest answers (docs/benchmarks.md).
 */
export const PAUSE_SPREAD = 0.5;

/** Rescores visitors of one organization together (one set of reads for all of them). */
type Rescore = (organizationId: string, visitorIds: string[]) => Promise<unknown>;

/**
 * Keeps rescoring in proportion to what it reads. A rescore reads the visitor's history, so a visitor sending
 * events in a flood (a script, a refresh loop) would cost a full history read per event; such a visitor is
 * rescored once per `events read × PACE_PER_EVENT_MS` on average (`PAUSE_SPREAD`), with everything that arrived
 * meanwhile. A person browsing is never held back.
 */
export class RescorePacing {
  /** When each paced visitor may be rescored again. */
  private readonly notBefore = new Map<string, number>();
  /** Paced visitors with events not scored yet, and their organization. */
  private readonly waiting = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  /**
   * @param batchSize visitors of one organization handed to one `rescore`.
   * @param concurrency batches rescored at once: a rescore is statements in turn, mostly waiting for the
   *   database, so with a pool of connections a pass over many visitors is that many times shorter.
   */
  constructor(
    private readonly rescore: Rescore,
    private readonly onError: (error: unknown) => void,
    private readonly batchSize = 1,
    private readonly concurrency = 1,
  ) {}

  /** Visitors with new events: rescored now, or at their turn when paced. */
  async stored(visitors: Map<string, string>): Promise<void> {
    const now = Date.now();
    const due: [string, string][] = [];
    for (const [visitorId, organizationId] of visitors) {
      if ((this.notBefore.get(visitorId) ?? 0) > now) this.waiting.set(visitorId, organizationId);
      else due.push([visitorId, organizationId]);
    }
    await this.rescoreNow(due);
    this.schedule();
  }

  /** Called by every rescore with how many events it read. */
  scored(visitorId: string, eventsRead: number): void {
    if (eventsRead < PACED_FROM_EVENTS) this.notBefore.delete(visitorId);
    else this.notBefore.set(visitorId, Date.now() + pauseAfter(eventsRead));
  }

  /** Rescores every waiting visitor now (tests, shutdown). */
  async drain(): Promise<void> {
    this.cancelTimer();
    await this.rescoreNow([...this.waiting]);
  }

  /** Rescores these visitors in batches of one organization, `concurrency` batches at a time, in order. */
  private rescoreNow(visitors: readonly [visitorId: string, organizationId: string][]): Promise<void> {
    return forEachAtMost(this.batches(visitors), this.concurrency, async ({ organizationId, visitorIds }) => {
      for (const visitorId of visitorIds) this.waiting.delete(visitorId);
      await this.rescore(organizationId, visitorIds).catch(this.onError);
    });
  }

  /**
   * A paced visitor (a long history) goes alone: a batch of floods would read thousands of rows at once and
   * hold the event loop while they are converted, which every request waiting behind it would feel.
   */
  private batches(visitors: readonly [visitorId: string, organizationId: string][]) {
    const open = new Map<string, string[]>();
    const batches: { organizationId: string; visitorIds: string[] }[] = [];
    for (const [visitorId, organizationId] of visitors) {
      if (this.notBefore.has(visitorId)) {
        batches.push({ organizationId, visitorIds: [visitorId] });
        continue;
      }
      let batch = open.get(organizationId);
      if (!batch || batch.length === this.batchSize) {
        batch = [];
        open.set(organizationId, batch);
        batches.push({ organizationId, visitorIds: batch });
      }
      batch.push(visitorId);
    }
    return batches;
  }

  private schedule(): void {
    this.cancelTimer();
    const now = Date.now();
    // A visitor whose pause is over and who sent nothing since needs no entry.
    for (const [visitorId, at] of this.notBefore) {
      if (at <= now && !this.waiting.has(visitorId)) this.notBefore.delete(visitorId);
    }
    if (this.waiting.size === 0) return;
    const next = Math.min(
      ...[...this.waiting.keys()].map((visitorId) => this.notBefore.get(visitorId) ?? now),
    );
    this.timer = setTimeout(() => void this.rescoreDue(), Math.max(0, next - now));
    // A pending rescore does not keep the process alive; shutdown drains it.
    this.timer.unref();
  }

  private async rescoreDue(): Promise<void> {
    this.timer = null;
    const now = Date.now();
    await this.rescoreNow(
      [...this.waiting].filter(([visitorId]) => (this.notBefore.get(visitorId) ?? 0) <= now),
    );
    this.schedule();
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** How long a rescore that read this many events puts the visitor's next one off. */
function pauseAfter(eventsRead: number): number {
  return eventsRead * PACE_PER_EVENT_MS * (1 - PAUSE_SPREAD / 2 + Math.random() * PAUSE_SPREAD);
}
