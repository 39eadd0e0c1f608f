import autocannon from 'autocannon';

/** Per-connection scratch space: a connection has one request in flight, so it links a response to its request. */
export type ConnectionContext = Record<string, unknown>;

/** One request shape; `body` is called per request so every event can carry its own id. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: (context: ConnectionContext) => string;
  onResponse?: (status: number, context: ConnectionContext) => void;
}

export interface LoadOptions {
  url: string;
  request: LoadRequest;
  seconds: number;
  connections?: number;
  /** Requests per second over all connections; unset means as fast as the server answers. */
  rate?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses by class; a bench decides which class is a success (204, 302…). */
  byStatusClass: Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
  /** Connection errors and timeouts. */
  errors: number;
}

/** Drives one endpoint with autocannon on loopback (the generator shares the machine, as documented). */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { request } = options;
  const body = request.body;
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 50,
    duration: options.seconds,
    overallRate: options.rate,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: body ? { 'content-type': 'application/json' } : {},
        ...(body
          ? { setupRequest: (req, context) => ({ ...req, body: body(context as ConnectionContext) }) }
          : {}),
        ...(request.onResponse
          ? {
              onResponse: (status: number, _body: string, context: object) =>
                request.onResponse!(status, context as ConnectionContext),
            }
          : {}),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    byStatusClass: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    errors: result.errors + result.timeouts,
  };
}

/** A short run first, so the JIT and connection pools are warm before the measured one. */
export async function warmThenLoad(options: LoadOptions, warmSeconds: number): Promise<LoadResult> {
  await load({ ...options, seconds: warmSeconds });
  return load(options);
}

export interface Comparison {
  baseline: LoadResult;
  measured: LoadResult;
  /** Every measured round, for checks over all responses (failures, acknowledged events). */
  measuredRounds: LoadResult[];
  /** The reference side's median round, when one was given. */
  reference?: LoadResult;
  /** Requests per second of each side, round by round (the warm-ups left out). */
  rounds: RoundRates[];
}

export interface RoundRates {
  baseline: number;
  measured: number;
  reference?: number;
}

/**
 * One side over another, round by round: within a round the two ran back to back, so their spread shows how
 * far the machine's drift moves a ratio (a report prints it beside the ratio of the medians).
 */
export function roundRatios(
  comparison: Comparison,
  side: keyof RoundRates,
  over: keyof RoundRates = 'baseline',
): number[] {
  return comparison.rounds.map((round) => round[side]! / round[over]!);
}

/**
 * Baseline and measured endpoint in alternating rounds (each warmed first), each side's figure the median
 * round: the machines these run on are shared, and their speed drifts within a minute. A `reference` (another
 * server to read the measured one against, such as a minimal implementation) takes its turn in every round too.
 */
export async function compare(
  baseline: LoadOptions,
  measured: LoadOptions,
  { rounds, warmSeconds }: { rounds: number; warmSeconds: number },
  reference?: LoadOptions,
): Promise<Comparison> {
  await load({ ...baseline, seconds: warmSeconds });
  if (reference) await load({ ...reference, seconds: warmSeconds });
  const measuredRounds = [await load({ ...measured, seconds: warmSeconds })];
  const baselineRounds: LoadResult[] = [];
  const referenceRounds: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    baselineRounds.push(await load(baseline));
    if (reference) referenceRounds.push(await load(reference));
    measuredRounds.push(await load(measured));
  }
  return {
    baseline: median(baselineRounds),
    measured: median(measuredRounds.slice(1)),
    measuredRounds,
    ...(reference ? { reference: median(referenceRounds) } : {}),
    rounds: baselineRounds.map((result, round) => ({
      baseline: result.requestsPerSecond,
      measured: measuredRounds[round + 1]!.requestsPerSecond,
      ...(reference ? { reference: referenceRounds[round]!.requestsPerSecond } : {}),
    })),
  };
}

function median(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)];
}
