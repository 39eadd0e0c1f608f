/**
 * The public reads a prospect triggers: the share-link redirect `/s/<code>` (which also logs the opening) and
 * the card-view API, each against a bare Fastify server answering the same thing from memory. The minimal
 * group commit (support/minimal-group-commit.ts) redirects in the same rounds while logging a click row: what
 * storing the opening alone costs on this machine.
 */
import { startCardhubFixture } from '../support/cardhub-fixture';
import { type LoadOptions, compare, roundRatios } from '../support/load';
import { startScript } from '../support/processes';
import { benchOptions, report, runSuite } from '../support/report';

runSuite(async () => {
  const options = benchOptions();
  const fixture = await startCardhubFixture();
  try {
    const { shareCode } = fixture;
    const redirect = await fetch(`${fixture.server.url}/s/${shareCode}`, { redirect: 'manual' });
    const cardView = await fetch(`${fixture.server.url}/api/public/shares/${shareCode}`);
    if (redirect.status !== 302 || !cardView.ok) {
      throw new Error(
        `the fixture's share does not open (redirect ${redirect.status}, card view ${cardView.status})`,
      );
    }
    const bare = await startScript('bench/support/bare-fastify.ts', {
      BARE_REDIRECT_TO: redirect.headers.get('location')!,
      BARE_READ_BODY: await cardView.text(),
    });
    const minimal = await startScript('bench/support/minimal-group-commit.ts', {
      DATABASE_URL: fixture.databaseUrl,
      REDIRECT_TO: redirect.headers.get('location')!,
    });
    try {
      const get = (url: string, path: string): LoadOptions => ({
        url,
        request: { method: 'GET', path },
        seconds: options.seconds,
      });
      const redirectPath = `/s/${shareCode}`;
      const redirects = await compare(
        get(bare.url, redirectPath),
        get(fixture.server.url, redirectPath),
        options,
        get(minimal.url, redirectPath),
      );
      // Its table is dropped with it, before the reads' rounds.
      await minimal.stop();
      const reads = await compare(
        get(bare.url, `/read/${shareCode}`),
        get(fixture.server.url, `/api/public/shares/${shareCode}`),
        options,
      );
      const minimalRedirects = redirects.reference!;
      const failures = [...redirects.measuredRounds, ...reads.measuredRounds].reduce(
        (sum, result) => sum + result.errors + result.byStatusClass['4xx'] + result.byStatusClass['5xx'],
        0,
      );
      return report({
        suite: 'public',
        ratios: [
          {
            name: 'share-link redirect /s/<code> (req/s)',
            baseline: redirects.baseline.requestsPerSecond,
            measured: redirects.measured.requestsPerSecond,
            unit: 'req/s',
            target: 0.5,
            perRound: roundRatios(redirects, 'measured'),
          },
          {
            name: 'reference: minimal redirect logging a click (req/s)',
            baseline: redirects.baseline.requestsPerSecond,
            measured: minimalRedirects.requestsPerSecond,
            unit: 'req/s',
            perRound: roundRatios(redirects, 'reference'),
          },
          {
            name: 'redirect against the minimal one (req/s)',
            baseline: minimalRedirects.requestsPerSecond,
            measured: redirects.measured.requestsPerSecond,
            unit: 'req/s',
            perRound: roundRatios(redirects, 'measured', 'reference'),
          },
          {
            name: 'card view GET /api/public/shares/<code> (req/s)',
            baseline: reads.baseline.requestsPerSecond,
            measured: reads.measured.requestsPerSecond,
            unit: 'req/s',
            target: 0.4,
            perRound: roundRatios(reads, 'measured'),
          },
        ],
        checks: [
          {
            name: 'failed requests',
            value: String(failures),
            target: '0',
            ok: failures === 0,
          },
        ],
      });
    } finally {
      await minimal.stop();
      await bare.stop();
    }
  } finally {
    await fixture.stop();
  }
});
