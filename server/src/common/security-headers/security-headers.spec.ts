import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestApp, createTestApp, describeEachDatabase } from '../../test-support';
import { siteTracker } from '../../site/site.testing';
import { cardLoop } from '../../tracking/card-loop.testing';
import { inlineScriptsOf } from './content-security-policy';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (policy: string, name: string) =>
  policy
    .split(/;\s*/)
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('inlineScriptsOf', () => {
  it('takes the inline scripts, not the ones loaded by src', () => {
    const html = `<script>a()</script><script src="/x.js"></script><script type="text/javascript">
b()</script>`;
    expect(inlineScriptsOf(html)).toEqual(['a()', '\nb()']);
  });
});

describeEachDatabase('security headers', (database) => {
  const h5Dir = mkdtempSync(join(tmpdir(), 'cardhub-h5-'));
  const viewportScript = 'document.documentElement.style.fontSize = "20px";';
  let t: TestApp;

  beforeAll(async () => {
    writeFileSync(
      join(h5Dir, 'index.html'),
      `<!doctype html><html><head><script>${viewportScript}</script></head><body><div id="app"></div><script src="/js/app.js"></script></body></html>`,
    );
    t = await createTestApp({ databaseUrl: database.url, env: { H5_DIST_DIR: h5Dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  const anyAnswerHeaders = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'strict-transport-security': expect.stringContaining('max-age='),
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-resource-policy': 'same-origin',
  };

  it('sends helmet’s headers on API answers and errors', async () => {
    for (const response of [await t.http.get('/health'), await t.http.get('/api/auth/me')]) {
      expect(response.headers).toMatchObject({
        ...anyAnswerHeaders,
        'cross-origin-opener-policy': 'same-origin',
        'x-permitted-cross-domain-policies': 'none',
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
      const policy = response.headers['content-security-policy'] as string;
      expect(directive(policy, 'script-src')).toEqual(["'self'", sha256(viewportScript)]);
      expect(directive(policy, 'object-src')).toEqual(["'none'"]);
      expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
    }
  });

  it('sends the bare public routes, which never answer with a document, the headers that act on any answer', async () => {
    const employee = await t.loginAs(t.demo.employeeIds[0]!);
    const share = await cardLoop(t).shareOwnCard(employee);
    const answers = [
      await t.http.get(`/s/${share.code}`),
      await t.http.get(`/api/public/shares/${share.code}`),
      await t.http.get('/api/public/shares/0000000000'),
      await t.http.post('/api/track/actions').send({}),
    ];
    expect(answers.map((response) => response.status)).toEqual([302, 200, 404, 400]);
    for (const response of answers) {
      expect(response.headers).toMatchObject(anyAnswerHeaders);
      expect(response.headers['content-security-policy']).toBeUndefined();
      expect(response.headers['cross-origin-opener-policy']).toBeUndefined();
    }
  });

  it("gives the short link's not-found page a document's headers", async () => {
    const missing = await t.http.get('/s/0000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.headers).toMatchObject({
      ...anyAnswerHeaders,
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(directive(missing.headers['content-security-policy'] as string, 'script-src')).toEqual(["'self'"]);
  });

  it("serves the H5 app with a policy that admits its inline viewport script and nobody else's", async () => {
    const page = await t.http.get('/');
    expect(page.status).toBe(200);
    const scripts = directive(page.headers['content-security-policy'] as string, 'script-src');
    expect(scripts).toContain(sha256(viewportScript));
    expect(scripts).not.toContain("'unsafe-inline'");
  });

  it('lets other sites load the tracker script (Cross-Origin-Resource-Policy: cross-origin)', async () => {
    const script = await t.http.get('/t.js');
    expect(script.status).toBe(200);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it("lets the organization's site read its beacons' answers: sendBeacon's text/plain is no-cors", async () => {
    const site = siteTracker(t);
    const beacon = await site.beacon({ visitorKey: site.newVisitorKey(), events: [site.view('/')] });
    expect(beacon.status).toBe(200);
    expect(beacon.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const stranger = await site.beacon(
      { visitorKey: site.newVisitorKey(), events: [site.view('/')] },
      {
        origin: 'https://evil.example',
      },
    );
    expect(stranger.status).toBe(403);
    expect(stranger.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it("admits a link preview's own redirect script by its hash", async () => {
    const employee = await t.loginAs(t.demo.employeeIds[0]!);
    const share = await cardLoop(t).shareOwnCard(employee);
    const preview = await t.http.get(`/v/${share.code}`);
    expect(preview.status).toBe(200);
    const [redirect] = inlineScriptsOf(preview.text);
    expect(redirect).toContain('location.replace');
    expect(directive(preview.headers['content-security-policy'] as string, 'script-src')).toEqual([
      "'self'",
      sha256(redirect!),
    ]);
  });
});
