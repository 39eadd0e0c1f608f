import type { CardDto, DemoAccount, LoginResponse, ShareDto, TrackViewResponse } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { forEachAtMost } from '../../src/common/jobs/for-each-at-most';
import { createScratchDatabase } from '../../src/test-support/databases';
import { createEventId } from '../../src/tracking/event-ids';
import type { ConnectionContext } from './load';
import { type RunningServer, startCardhub } from './processes';

const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';
/** Prospects with a visit each, unless told otherwise: one visitor sending thousands of events is a flood. */
const VISITORS = 100;
/** Visits opened at once while the fixture is set up. */
const OPENING_AT_ONCE = 20;

/** The real server on a scratch MySQL database, with what a prospect has in hand: a shared card and a visit. */
export interface CardhubFixture {
  server: RunningServer;
  databaseUrl: string;
  cardId: string;
  shareCode: string;
  /**
   * A body for `POST /api/track/actions`: one `call` click, with a new event id as our clients make them
   * (also left in `context.eventId`), by one of the prospects who opened the share, drawn at random.
   */
  clickBody(context?: ConnectionContext): string;
  /** Ids of the stored events of one type (every acknowledged event must be among them). */
  eventIds(type: string): Promise<Set<string>>;
  stop(): Promise<void>;
}

/** Benches run on MySQL (MYSQL_URL, default the local MariaDB), each in a database made for the run and dropped after. */
export async function startCardhubFixture({
  visitors = VISITORS,
  ...options
}: {
  cpuProfileDir?: string;
  env?: Record<string, string>;
  visitors?: number;
} = {}): Promise<CardhubFixture> {
  process.env.MYSQL_URL ??= DEFAULT_MYSQL_URL;
  const scratch = await createScratchDatabase('mysql');
  const server = await startCardhub({ databaseUrl: scratch.url, ...options });
  try {
    const [account] = await json<DemoAccount[]>(server.url, 'GET', '/api/auth/demo-accounts');
    const login = await json<LoginResponse>(server.url, 'POST', '/api/auth/demo-login', {
      employeeId: account.employeeId,
    });
    const card = await json<CardDto>(server.url, 'GET', '/api/me/card', undefined, login.token);
    const share = await json<ShareDto>(
      server.url,
      'POST',
      '/api/shares',
      { targetType: 'card', targetId: card.id, channel: 'link' },
      login.token,
    );
    const visitTokens = new Array<string>(visitors);
    await forEachAtMost([...visitTokens.keys()], OPENING_AT_ONCE, async (visitor) => {
      const view = await json<TrackViewResponse>(server.url, 'POST', '/api/track/view', {
        eventId: createEventId(),
        targetType: 'card',
        targetId: card.id,
        shareCode: share.code,
        visitorKey: `bench-${randomUUID()}`,
        touchpoint: 'h5',
      });
      visitTokens[visitor] = view.visitToken;
    });
    return {
      server,
      databaseUrl: scratch.url,
      cardId: card.id,
      shareCode: share.code,
      clickBody: (context = {}) => {
        context.eventId = createEventId();
        return JSON.stringify({
          visitToken: visitTokens[Math.floor(Math.random() * visitTokens.length)],
          actions: [{ eventId: context.eventId, type: 'click', action: 'call' }],
        });
      },
      eventIds: async (type) => {
        const connection = await createConnection(scratch.url);
        try {
          const [rows] = await connection.query('SELECT id FROM events WHERE type = ?', [type]);
          return new Set((rows as Array<{ id: string }>).map((row) => row.id));
        } finally {
          await connection.end();
        }
      },
      stop: async () => {
        await server.stop();
        await scratch.drop();
      },
    };
  } catch (error) {
    await server.stop();
    await scratch.drop();
    throw error;
  }
}

async function json<T>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
