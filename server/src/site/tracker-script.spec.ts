import { SITE_SHARE_PARAM } from '@cardhub/shared';
import { type IncomingHttpHeaders, type OutgoingHttpHeaders, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';

/** The budget of the tracker every page of a customer's site downloads. */
const GZIPPED_BUDGET_BYTES = 3 * 1024;

describeEachDatabase('site tracker script', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, seed: false });
  });
  afterAll(() => t.close());

  it(`is served at /t.js gzipped under ${GZIPPED_BUDGET_BYTES} bytes, cacheable, for any site`, async () => {
    const response = await rawGet(t, '/t.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'cross-origin',
    });
    const gzipped = response.body;
    expect(gzipped.length).toBeLessThan(GZIPPED_BUDGET_BYTES);

    const script = gunzipSync(gzipped).toString('utf8');
    // The constants came from @cardhub/shared at build time; nothing of the build is left to resolve.
    expect(script).toContain(`"${SITE_SHARE_PARAM}"`);
    expect(script).not.toMatch(/CARDHUB_|\bimport\b|\brequire\(/);
    expect(() => new Function(script)).not.toThrow();
  });

  it('answers 304 to a browser that has the current version', async () => {
    const first = await t.http.get('/t.js');
    expect(first.text.length).toBeGreaterThan(0);
    const again = await t.http.get('/t.js').set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
  });
});

/** The bytes exactly as sent (supertest would unzip them), from the app listening for a moment. */
async function rawGet(
  t: TestApp,
  path: string,
  headers: OutgoingHttpHeaders,
): Promise<{ statusCode: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const server = t.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            statusCode: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      }).on('error', reject);
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
