import { startFakeWechat } from './index';

/**
 * Runs the fake WeChat API for demo mode: `node tests/dist/fake-wechat/main.js`. The default credentials are
 * the server's demo defaults (DEMO_WECHAT_APP_ID / DEMO_WECHAT_APP_SECRET), so the two agree unconfigured.
 */
async function main() {
  const fake = await startFakeWechat({
    port: Number(process.env.FAKE_WECHAT_PORT ?? 3100),
    host: process.env.FAKE_WECHAT_HOST ?? '127.0.0.1',
    appId: process.env.WECHAT_APP_ID ?? 'wx0000000000cardhub',
    appSecret: process.env.WECHAT_APP_SECRET ?? 'cardhub-demo-app-secret',
  });
  console.log(`fake WeChat API listening on ${fake.url}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('fake WeChat API could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
