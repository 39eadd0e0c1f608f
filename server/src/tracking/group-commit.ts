/**
 * How the event log group-commits its batches (tracking/event-log.ts). Kept apart, with no imports, so the
 * benches' minimal group commit (server/bench/support/minimal-group-commit.ts) batches exactly as the log does.
 */

/**
 * Group commit: a batch takes what is queued, up to this many events, waiting at most `BATCH_WAIT_MS` to fill.
 * The wait is Node's shortest timer: under load the batches in flight fill the next one anyway, and a longer
 * wait only added to every request's latency, which with a fixed number of clients is the throughput
 * (docs/benchmarks.md, ingest step 8).
 */
export const BATCH_MAX_EVENTS = 500;
export const BATCH_WAIT_MS = 1;
/**
 * Batches committing at once: the next one is written while the previous waits for its COMMIT (the disk's
 * flush), so a request waits for about one commit, not for the commits of the batches queued before it.
 */
export const BATCHES_IN_FLIGHT = 3;
/**
 * Events queued for the next batches beyond which `EventLog.appendInBackground` waits for its own, as `append`
 * does: the queue's memory stays bounded when the database falls behind.
 */
export const BACKGROUND_QUEUE_LIMIT = 5_000;
