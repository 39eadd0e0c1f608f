import type { TestDatabase } from '@cardhub/server/src/test-support/databases';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotTaker } from './browser';
import { type RunningStack, startStack } from './server-process';

/** What a browser journey runs against, set up before its steps (Jest's beforeAll) and torn down after them. */
export interface Journey {
  stack: RunningStack;
  browser: Browser;
  /** Screenshots go to artifacts/screenshots/<name>-<database>/. */
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * The built server on `database` (its log in artifacts/logs/<name>-<database>.log) and a Chromium, for the
 * journey declared around this call. `env` is read when the stack starts, so it may use what an earlier
 * beforeAll prepared.
 */
export function journeyStack(
  database: TestDatabase,
  name: string,
  options: { env?: () => Record<string, string> } = {},
): Journey {
  const run = `${name}-${database.kind}`;
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.stack = await startStack({ databaseUrl: database.url, logName: run, env: options.env?.() });
    journey.browser = await launchBrowser();
    journey.screenshot = screenshotTaker(run);
  }, 90_000);
  afterAll(async () => {
    await journey.browser?.close();
    await journey.stack?.stop();
  });
  return journey;
}
