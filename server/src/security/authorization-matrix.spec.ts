import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
import {
  AUTHORIZATION_RULES,
  PRINCIPALS,
  type PrincipalName,
  type RouteRule,
} from './authorization-rules.testing';
import { type SeededMatrix, routeRequest, seedMatrix, sendBody } from './matrix.testing';
import { type RouteKey, routeTable } from './route-table.testing';

/**
 * Denied means 401 (not signed in), 403 (signed in without the role) or 404 (an id of another organization is
 * reported as missing, so ids cannot be probed across tenants). Anything else, 400 and 409 included, means the
 * caller got past authorization; a 5xx is never right.
 */
function outcomeOf(status: number, rule: RouteRule, principal: PrincipalName): string {
  if (status >= 500) return `server error ${status}`;
  const refused =
    ([401, 403, 404].includes(status) && !(rule.files && status === 404)) ||
    rule.refusedWith?.[principal] === status;
  return `${refused ? 'deny' : 'allow'} ${status}`;
}

/** Those allowed to act on a row go last, so what they change (archive, delete, close) cannot hide a denial. */
const CALL_ORDER: PrincipalName[] = ['anonymous', 'prospect', 'employee', 'otherAdmin', 'manager', 'admin'];

describeEachDatabase('authorization matrix', (database) => {
  let t: TestApp;
  let seeded: SeededMatrix;
  let routes: RouteKey[];
  /** Filled as routes are checked, for the total in the last test. */
  const checked = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, demoMode: true });
    routes = routeTable(t.app.getHttpAdapter().getInstance());
    seeded = await seedMatrix(t);
  });
  afterAll(() => t.close());

  it('has a rule for every route the application serves, and no rule for a route that is gone', () => {
    const ruled = Object.keys(AUTHORIZATION_RULES) as RouteKey[];
    const unruled = routes.filter((route) => !ruled.includes(route));
    const gone = ruled.filter((route) => !routes.includes(route));
    expect({
      'routes without a rule (add them to AUTHORIZATION_RULES in security/authorization-rules.testing.ts)':
        unruled,
      'rules for routes that no longer exist (remove them)': gone,
    }).toEqual({
      'routes without a rule (add them to AUTHORIZATION_RULES in security/authorization-rules.testing.ts)':
        [],
      'rules for routes that no longer exist (remove them)': [],
    });
  });

  async function call(route: RouteKey, rule: RouteRule, principal: PrincipalName): Promise<number> {
    const request = routeRequest(t, seeded, route, rule, principal);
    if (rule.file) {
      const { bytes, name, contentType } = rule.file;
      return (await request.attach('file', bytes, { filename: name, contentType })).status;
    }
    const body = rule.body?.(seeded.fixtures);
    return (await (body === undefined ? request : sendBody(request, rule, seeded.fixtures, body))).status;
  }

  describe.each(Object.entries(AUTHORIZATION_RULES) as [RouteKey, RouteRule][])('%s', (route, rule) => {
    it(`admits ${rule.allow.join(', ') || 'nobody'} and nobody else`, async () => {
      const outcomes: Record<string, string> = {};
      for (const principal of CALL_ORDER) {
        outcomes[principal] = outcomeOf(await call(route, rule, principal), rule, principal);
        checked.add(`${route} as ${principal}`);
      }
      const expected = Object.fromEntries(
        PRINCIPALS.map((principal) => [
          principal,
          expect.stringMatching(rule.allow.includes(principal) ? /^allow/ : /^deny/),
        ]),
      );
      expect(outcomes).toEqual(expected);
    });
  });

  it('checked every route as every principal', () => {
    expect(checked.size).toBe(routes.length * PRINCIPALS.length);
    process.stdout.write(
      `[authorization matrix, ${database.kind}] ${routes.length} routes × ${PRINCIPALS.length} principals = ${checked.size} requests checked\n`,
    );
  });
});
