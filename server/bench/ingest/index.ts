/**
 * Ingest: events per second through the real endpoint (validation, dedupe, attribution, durable commit to
 * MySQL) against a bare Fastify server that parses the same JSON and answers 204; p99 at half the peak rate;
 * stored == acknowledged; resident memory under sustained ingest. A minimal group commit (support/
 * minimal-group-commit.ts) runs in the same rounds: what a durable write alone reaches on this machine.
 */
import { startCardhubFixture } from '../support/cardhub-fixture';
import { type ConnectionContext, type LoadOptions, compare, load, roundRatios } from '../support/load';
import { startScript } from '../support/processes';
import { type CheckRow, benchOptions, report, runSuite } from '../support/report';

const P99_LIMIT_MS = 25;
/** Growth allowed between the 1-minute and the last sample before memory counts as climbing (GC noise). */
const FLAT_MEMORY_GROWTH = 1.15;

runSuite(async () => {
  const options = benchOptions();
  const fixture = await startCardhubFixture();
  const bare = await startScript('bench/support/bare-fastify.ts');
  const minimal = await startScript('bench/support/minimal-group-commit.ts', {
    DATABASE_URL: fixture.databaseUrl,
  });
  try {
    // One click per request, each with its own event id: every request is one new event to store.
    const body = fixture.clickBody;
    // Ids the server acknowledged; requests still in flight when a run stops may be stored but never answered.
    const acknowledged = new Set<string>();
    const onResponse = (status: number, context: ConnectionContext) => {
      if (status >= 200 && status < 300) acknowledged.add(context.eventId as string);
    };
    const real: LoadOptions = {
      url: fixture.server.url,
      request: { method: 'POST', path: '/api/track/actions', body, onResponse },
      seconds: options.seconds,
    };
    const comparison = await compare(
      { url: bare.url, request: { method: 'POST', path: '/ingest', body }, seconds: options.seconds },
      real,
      options,
      { url: minimal.url, request: { method: 'POST', path: '/ingest', body }, seconds: options.seconds },
    );
    const { baseline, measured: peak, measuredRounds: runs } = comparison;
    const minimalPeak = comparison.reference!;
    // Its table is dropped with it, before the runs below need the database's memory.
    await minimal.stop();
    const run = async (overrides: Partial<LoadOptions>) => {
      const result = await load({ ...real, ...overrides });
      runs.push(result);
      return result;
    };
    const halfRate = Math.max(1, Math.round(peak.requestsPerSecond / 2));
    const half = await run({ rate: halfRate, seconds: options.seconds * 2 });

    // Sustained ingest at half the peak rate, resident memory sampled at its start, after 1 and after 5 minutes.
    const samplesAt = options.quick ? [0, 5, 20] : [0, 60, 300];
    const memory: number[] = [];
    const sustained = run({ rate: halfRate, seconds: samplesAt[samplesAt.length - 1] + 1 });
    const started = Date.now();
    for (const at of samplesAt) {
      await new Promise((wait) => setTimeout(wait, Math.max(0, started + at * 1000 - Date.now())));
      memory.push(fixture.server.rssMiB());
    }
    await sustained;

    const failed = runs.reduce(
      (sum, result) => sum + result.errors + result.byStatusClass['4xx'] + result.byStatusClass['5xx'],
      0,
    );
    const stored = await fixture.eventIds('click');
    const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
    const [atStart, afterOne, atEnd] = memory;
    const checks: CheckRow[] = [
      {
        name: `p99 at half the peak rate (${halfRate} req/s)`,
        value: `${half.p99Ms} ms`,
        target: `< ${P99_LIMIT_MS} ms`,
        ok: half.p99Ms < P99_LIMIT_MS,
      },
      {
        name: 'acknowledged events lost',
        value: `${lost} lost of ${acknowledged.size} acknowledged (${stored.size} stored), ${failed} failed`,
        target: '0 lost, 0 failed',
        ok: lost === 0 && failed === 0,
      },
      {
        name: `resident memory at ${samplesAt.map((at) => `${at} s`).join(' / ')}`,
        value: memory.map((mib) => `${mib.toFixed(0)} MiB`).join(' / '),
        target: `flat (last ≤ ${FLAT_MEMORY_GROWTH} × second)`,
        ok: atEnd <= afterOne * FLAT_MEMORY_GROWTH,
      },
    ];
    console.log(`(memory: ${atStart.toFixed(0)} MiB at the start of sustained ingest)`);
    return report({
      suite: 'ingest',
      ratios: [
        {
          name: 'ingest, 1 event per request (req/s)',
          baseline: baseline.requestsPerSecond,
          measured: peak.requestsPerSecond,
          unit: 'req/s',
          target: 0.45,
          perRound: roundRatios(comparison, 'measured'),
        },
        {
          name: 'reference: minimal group commit (req/s)',
          baseline: baseline.requestsPerSecond,
          measured: minimalPeak.requestsPerSecond,
          unit: 'req/s',
          perRound: roundRatios(comparison, 'reference'),
        },
        {
          name: 'ingest against the minimal group commit (req/s)',
          baseline: minimalPeak.requestsPerSecond,
          measured: peak.requestsPerSecond,
          unit: 'req/s',
          perRound: roundRatios(comparison, 'measured', 'reference'),
        },
      ],
      checks,
    });
  } finally {
    await minimal.stop();
    await bare.stop();
    await fixture.stop();
  }
});
