/**
 * The public reads a prospect triggers: the share-link redirect `/s/<code>` (which also logs the opening) and
 * the card-view API, each against a bare Fastify server answering the same thing from memory.
 */
import { startCardhubFixture } from '../support/cardhub-fixture';
import { compare, roundRatios } from '../support/load';
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
    try {
      const measure = (bareUrl: string, barePath: string, realPath: string) =>
        compare(
          { url: bareUrl, request: { method: 'GET', path: barePath }, seconds: options.seconds },
          { url: fixture.server.url, request: { method: 'GET', path: realPath }, seconds: options.seconds },
          options,
        );
      const redirects = await measure(bare.url, `/s/${shareCode}`, `/s/${shareCode}`);
      const reads = await measure(bare.url, `/read/${shareCode}`, `/api/public/shares/${shareCode}`);
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
      await bare.stop();
    }
  } finally {
    await fixture.stop();
  }
});
