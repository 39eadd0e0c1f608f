import type { TestDatabase } from '@cardhub/server/src/test-support/databases';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotTaker } from './browser';
import { FAILED_TEST_GLOBAL } from './journey-environment';
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
  // A failed step leaves its pages as they were: keep a screenshot of each, beside the journey's own.
  afterEach(async () => {
    const globals = globalThis as Record<string, unknown>;
    const failed = globals[FAILED_TEST_GLOBAL];
    if (typeof failed !== 'string' || !journey.browser) return;
    delete globals[FAILED_TEST_GLOBAL];
    const pages = journey.browser.contexts().flatMap((context) => context.pages());
    for (const [index, page] of pages.entries()) {
      await journey
        .screenshot(
          page,
          `failed-${failed.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}-page${index + 1}`,
        )
        .catch((error: unknown) => console.log(`[journey] no screenshot of ${page.url()}: ${String(error)}`));
    }
    console.log(
      `[journey] "${failed}" failed: its ${pages.length} open pages are in artifacts/screenshots/${run}/`,
    );
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.stack?.stop();
  });
  return journey;
}
