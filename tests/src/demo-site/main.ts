/**
 * `node dist/demo-site/main.js`: the demo official site `npm start` serves beside cardhub (demo mode).
 * DEMO_SITE_PORT (3200) picks the port, CARDHUB_URL the server the tracker comes from.
 */
import { startDemoSite } from './index';

async function main(): Promise<void> {
  const site = await startDemoSite({
    port: Number(process.env.DEMO_SITE_PORT ?? 3200),
    host: process.env.DEMO_SITE_HOST ?? 'localhost',
    cardhubUrl: process.env.CARDHUB_URL ?? 'http://localhost:3000',
    organizationKey: process.env.DEMO_ORGANIZATION_KEY ?? 'demo',
  });
  process.stdout.write(`demo official site (星辰科技) at ${site.url}\n`);
  const stop = () => void site.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `demo site failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
