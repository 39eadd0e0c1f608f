/**
 * The H5 app as a prospect meets it: the card page opened from a share link in headless Chromium on loopback,
 * served by the real server. Measures when the card is usable (its name on screen, by the Performance API's
 * clock from navigation start) and the gzipped JavaScript that page loads.
 */
import { h5TargetPageUrl } from '@cardhub/shared';
import type { PublicCardResponse } from '@cardhub/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startCardhubFixture } from '../../../server/bench/support/cardhub-fixture';
import { type CheckRow, benchOptions, report, runSuite } from '../../../server/bench/support/report';
import { launchBrowser, newWechatPhoneContext } from '../../src/support/browser';
import { REPO_ROOT } from '../../src/support/paths';

const USABLE_LIMIT_MS = 1000;
const FIRST_PAGE_GZIP_LIMIT_KB = 250;
const H5_DIST = join(REPO_ROOT, 'miniapp', 'dist', 'h5');

runSuite(async () => {
  const options = benchOptions();
  const fixture = await startCardhubFixture();
  const browser = await launchBrowser();
  try {
    const { server, shareCode } = fixture;
    const card = (await (
      await fetch(`${server.url}/api/public/shares/${shareCode}`)
    ).json()) as PublicCardResponse;
    const pageUrl = h5TargetPageUrl(server.url, 'card', shareCode);

    const loads: { usableMs: number; scripts: string[]; transferredBytes: number }[] = [];
    for (let run = 0; run < (options.quick ? 3 : 7); run++) {
      // A fresh context each time: a first visit, nothing cached.
      const context = await newWechatPhoneContext(browser, server.url);
      const page = await context.newPage();
      await page.goto(pageUrl);
      await page.waitForFunction((name) => document.body.innerText.includes(name), card.card.name, {
        polling: 'raf',
        timeout: 15_000,
      });
      loads.push(
        await page.evaluate(() => {
          const scripts = performance
            .getEntriesByType('resource')
            .filter((entry) => new URL(entry.name).pathname.endsWith('.js')) as PerformanceResourceTiming[];
          return {
            usableMs: performance.now(),
            scripts: scripts.map((entry) => new URL(entry.name).pathname),
            transferredBytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
          };
        }),
      );
      await context.close();
    }
    // The first load warms the server; the median of the rest is the figure.
    const usable = loads
      .slice(1)
      .map((load) => load.usableMs)
      .sort((x, y) => x - y);
    const medianUsableMs = usable[Math.floor(usable.length / 2)];
    const scripts = [...new Set(loads.flatMap((load) => load.scripts))];
    const gzipBytes = scripts.reduce(
      (sum, path) => sum + gzipSync(readFileSync(join(H5_DIST, path)), { level: 9 }).length,
      0,
    );
    const checks: CheckRow[] = [
      {
        name: `card page usable (name on screen), median of ${usable.length} first visits`,
        value: `${medianUsableMs.toFixed(0)} ms`,
        target: `< ${USABLE_LIMIT_MS} ms`,
        ok: medianUsableMs < USABLE_LIMIT_MS,
      },
      {
        name: `JavaScript of the card page, gzipped (${scripts.length} files)`,
        value: `${(gzipBytes / 1024).toFixed(1)} KB`,
        target: `< ${FIRST_PAGE_GZIP_LIMIT_KB} KB`,
        ok: gzipBytes / 1024 < FIRST_PAGE_GZIP_LIMIT_KB,
      },
      {
        name: 'JavaScript as transferred by the server',
        value: `${(loads[loads.length - 1].transferredBytes / 1024).toFixed(1)} KB`,
        target: 'compressed',
        ok: loads[loads.length - 1].transferredBytes < gzipBytes * 1.2,
      },
    ];
    console.log(`(scripts: ${scripts.join(', ')})`);
    return report({ suite: 'h5', ratios: [], checks });
  } finally {
    await browser.close();
    await fixture.stop();
  }
});
