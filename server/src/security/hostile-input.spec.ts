import fc from 'fast-check';
import type { z } from 'zod';
import { declaredRequestSchemas } from '../common/validation';
import { JSON_BODY_LIMIT_BYTES } from '../create-app';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
import { AUTHORIZATION_RULES, type PrincipalName } from './authorization-rules.testing';
import {
  deepJson,
  hostileQuery,
  hostileValue,
  malformedBody,
  mutatedBody,
  routeOfSchema,
} from './hostile-input.testing';
import { type SeededMatrix, routeRequest, seedMatrix } from './matrix.testing';

/** Inputs per schema and kind; the totals are printed for docs/reliability.md. */
const RUNS = Number(process.env.HOSTILE_INPUT_RUNS ?? 40);
/** The caller who gets past authorization, so the input reaches validation and the service behind it. */
const CALLER_PREFERENCE: PrincipalName[] = ['admin', 'manager', 'employee', 'prospect', 'anonymous'];

describeEachDatabase('hostile input', (database) => {
  let t: TestApp;
  let seeded: SeededMatrix;
  const tried: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, demoMode: true });
    seeded = await seedMatrix(t);
  });
  afterAll(() => t.close());

  const schemas = declaredRequestSchemas().map((declared) => ({
    ...declared,
    route: routeOfSchema(declared),
  }));

  it('knows the route of every declared request schema (each has a rule in the authorization matrix)', () => {
    expect(schemas.length).toBeGreaterThan(30);
    expect(schemas.filter(({ route }) => !AUTHORIZATION_RULES[route]).map(({ route }) => route)).toEqual([]);
  });

  /** Sends one input and returns the status; a 5xx fails the property with the input that caused it. */
  async function send(
    route: keyof typeof AUTHORIZATION_RULES,
    input: { body?: unknown; raw?: string | Buffer; query?: string },
  ) {
    const rule = AUTHORIZATION_RULES[route]!;
    const caller = CALLER_PREFERENCE.find((principal) => rule.allow.includes(principal))!;
    let request = routeRequest(t, seeded, route, rule, caller);
    if (input.query !== undefined) request = request.query(input.query);
    // Any JSON text, whatever its top-level type, as the client would put it on the wire.
    const raw = input.raw ?? (input.body === undefined ? undefined : (JSON.stringify(input.body) ?? 'null'));
    if (raw !== undefined) {
      if (!rule.headers?.(seeded.fixtures)['Content-Type'])
        request = request.set('Content-Type', 'application/json');
      request = request.send(raw);
    }
    const response = await request;
    tried[route] = (tried[route] ?? 0) + 1;
    return response;
  }

  const answersWithoutServerError = (response: { status: number; text: string }) => {
    if (response.status >= 500) throw new Error(`${response.status}: ${response.text}`);
    return true;
  };

  describe.each(
    schemas.filter(({ part }) => part === 'body').map((schema) => [schema.route, schema] as const),
  )('body of %s', (route) => {
    it('answers wrong types, hostile strings, polluting keys, deep and malformed JSON with a 4xx or 2xx', async () => {
      const valid = AUTHORIZATION_RULES[route]!.body?.(seeded.fixtures);
      const validObject =
        valid && typeof valid === 'object' && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
      const inputs = fc.oneof(
        hostileValue.map((body) => ({ body })),
        mutatedBody(validObject).map((body) => ({ body })),
        deepJson.map((raw) => ({ raw })),
        malformedBody.map((raw) => ({ raw })),
      );
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => answersWithoutServerError(await send(route, input))),
        { numRuns: RUNS },
      );
      expect((await t.http.get('/health')).status).toBe(200);
    });
  });

  describe.each(
    schemas.filter(({ part }) => part === 'query').map((schema) => [schema.route, schema] as const),
  )('query of %s', (route, { schema }) => {
    it('answers hostile query strings with a 4xx or 2xx', async () => {
      const names = Object.keys((schema as z.ZodObject).shape);
      await fc.assert(
        fc.asyncProperty(hostileQuery(names), async (query) =>
          answersWithoutServerError(await send(route, { query })),
        ),
        { numRuns: RUNS },
      );
    });
  });

  it('refuses a body over the limit with 413 and malformed JSON with a 400 that says so', async () => {
    const huge = await t.http
      .post('/api/track/view')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(JSON_BODY_LIMIT_BYTES) }));
    expect(huge.status).toBe(413);
    const broken = await t.http.post('/api/track/view').set('Content-Type', 'application/json').send('{"a":');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/JSON/);
  });

  it('let no request pollute Object.prototype, and counts what was tried', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    const total = Object.values(tried).reduce((sum, count) => sum + count, 0);
    process.stdout.write(
      `[hostile input, ${database.kind}] ${schemas.length} schemas on ${Object.keys(tried).length} routes, ${total} inputs\n`,
    );
    expect(Object.keys(tried).length).toBe(new Set(schemas.map(({ route }) => route)).size);
  });
});
