/**
 * Scoring under the traffic it is for: many visitors with a few events each (the ingest suite's 100 visitors
 * each send a flood, which pacing holds back). Ingests clicks from 3,000 visitors at full rate, then times how
 * long after the load every visitor who called often enough to be a lead is one, scored on their last event.
 */
import { DEFAULT_SCORING_CONFIG } from '@cardhub/shared';
import { createConnection } from 'mysql2/promise';
import { startCardhubFixture } from '../support/cardhub-fixture';
import { type LoadOptions, load } from '../support/load';
import { startScript } from '../support/processes';
import { benchOptions, report, runSuite } from '../support/report';

const VISITORS = 3_000;
/** With the default rules a visitor becomes a lead at the MQL threshold: this many `call` clicks reach it. */
const CALLS_TO_LEAD = Math.ceil(
  DEFAULT_SCORING_CONFIG.mqlThreshold /
    DEFAULT_SCORING_CONFIG.rules.find((rule) => rule.id === 'click_call')!.points,
);
/** A manager sees a lead's score at most this long after a peak of traffic has passed. */
const CATCH_UP_LIMIT_SECONDS = 30;
/** Beyond this, scoring is taken to have stopped: the check fails rather than the suite hanging. */
const GIVE_UP_SECONDS = 180;

runSuite(async () => {
  const options = benchOptions();
  const fixture = await startCardhubFixture({ visitors: VISITORS });
  const bare = await startScript('bench/support/bare-fastify.ts');
  const database = await createConnection(fixture.databaseUrl);
  try {
    const body = fixture.clickBody;
    const seconds = options.seconds * 4;
    const bareLoad: LoadOptions = {
      url: bare.url,
      request: { method: 'POST', path: '/ingest', body },
      seconds,
    };
    await load({ ...bareLoad, seconds: options.warmSeconds });
    const baseline = await load(bareLoad);
    const measured = await load({
      url: fixture.server.url,
      request: { method: 'POST', path: '/api/track/actions', body },
      seconds,
    });
    const loadEnded = Date.now();

    const count = async (sql: string) => {
      const [rows] = await database.query(sql);
      return Number((rows as { n: number | string }[])[0]!.n);
    };
    const leadsDue = await count(
      "SELECT COUNT(*) AS n FROM (SELECT visitorId FROM events WHERE type = 'click' GROUP BY visitorId " +
        `HAVING COUNT(*) >= ${CALLS_TO_LEAD}) AS callers`,
    );
    // A lead is up to date once its last activity is its visitor's newest event.
    const upToDate = () =>
      count(
        'SELECT COUNT(*) AS n FROM leads JOIN (SELECT visitorId, MAX(occurredAt) AS newest FROM events ' +
          'GROUP BY visitorId) AS latest ON latest.visitorId = leads.visitorId WHERE leads.lastActivityAt = latest.newest',
      );
    const upToDateAtEnd = await upToDate();
    let scored = upToDateAtEnd;
    while (scored < leadsDue && Date.now() - loadEnded < GIVE_UP_SECONDS * 1000) {
      await new Promise((wait) => setTimeout(wait, 250));
      scored = await upToDate();
    }
    const caughtUp = (Date.now() - loadEnded) / 1000;
    const failed = measured.errors + measured.byStatusClass['4xx'] + measured.byStatusClass['5xx'];
    return report({
      suite: 'scoring',
      ratios: [
        {
          name: `ingest, ${VISITORS} visitors, one ${seconds} s run (req/s)`,
          baseline: baseline.requestsPerSecond,
          measured: measured.requestsPerSecond,
          unit: 'req/s',
        },
      ],
      checks: [
        {
          name: 'every lead up to date with its last event, after the load',
          value:
            (scored === leadsDue ? `${caughtUp.toFixed(1)} s` : `only ${scored} of ${leadsDue}`) +
            ` (${upToDateAtEnd} of ${leadsDue} when the load ended)`,
          target: `< ${CATCH_UP_LIMIT_SECONDS} s`,
          ok: scored === leadsDue && caughtUp < CATCH_UP_LIMIT_SECONDS,
        },
        { name: 'failed requests', value: String(failed), target: '0', ok: failed === 0 },
      ],
    });
  } finally {
    await database.end();
    await bare.stop();
    await fixture.stop();
  }
});
