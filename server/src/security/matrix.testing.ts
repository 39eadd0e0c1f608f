import type { EmployeeDto, LeadListResponse, LoginResponse, ShareDto } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { DEMO_KEY, DEMO_SITE, siteTracker } from '../site/site.testing';
import { PNG_BYTES, type TestApp, bearer } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { EventLog } from '../tracking/event-log';
import {
  type MatrixFixtures,
  PRINCIPALS,
  type PrincipalName,
  type RouteRule,
} from './authorization-rules.testing';
import type { RouteKey } from './route-table.testing';

export interface SeededMatrix {
  fixtures: MatrixFixtures;
  /** A session per principal; `anonymous` has none. */
  tokens: Partial<Record<PrincipalName, LoginResponse>>;
}

/**
 * Makes what the routes of the rule table name (a lead, a task, a draft material, shares, invitations…) in
 * 星辰科技, and signs in every principal. Needs a test app created with `demoMode: true` (demo logins).
 */
export async function seedMatrix(t: TestApp): Promise<SeededMatrix> {
  const loop = cardLoop(t);
  const site = siteTracker(t);
  const [employee, manager, admin, otherAdmin] = await Promise.all(
    [t.demo.employeeIds[0]!, t.demo.managerId, t.demo.adminId, t.demo.otherAdminId].map((id) =>
      t.loginAs(id),
    ),
  );
  const prospect = await t.loginWithWechat('matrix-prospect');

  const asAdmin = <T>(request: Test, status: number): Promise<T> =>
    request.set(bearer(admin!)).then((response) => {
      if (response.status !== status)
        throw new Error(`fixture: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as T;
    });
  const newEmployee = async (name: string) =>
    (await asAdmin<{ employee: EmployeeDto }>(t.http.post('/api/employees').send({ name }), 201)).employee;

  const cardShare = await loop.shareOwnCard(employee!);
  const materialId = t.demo.materialIds[0]!;
  const materialShareResponse = await loop.share(employee, {
    targetType: 'material',
    targetId: materialId,
  });
  const materialShare = materialShareResponse.body as ShareDto;
  const cardId = await loop.cardIdOf(t.demo.employeeIds[0]!);
  const { visitToken } = await loop.viewOk({
    targetId: cardId,
    shareCode: cardShare.code,
    visitorKey: loop.newVisitorKey(),
  });
  const materialVisit = await loop.viewOk({
    targetType: 'material',
    targetId: materialId,
    shareCode: materialShare.code,
    visitorKey: loop.newVisitorKey(),
  });
  // Erasure ends a visitor: every call of it gets a visitor of its own.
  const spareVisitTokens: string[] = [];
  for (let index = 0; index < PRINCIPALS.length; index += 1) {
    spareVisitTokens.push(
      (await loop.viewOk({ targetId: cardId, visitorKey: loop.newVisitorKey() })).visitToken,
    );
  }
  await t.http.post('/api/track/contact').send({
    eventId: randomUUID(),
    visitToken: materialVisit.visitToken,
    consent: { granted: true },
    phone: '13800001111',
  });
  await t.get(EventLog).settled();
  const leads = await t.http.get('/api/leads').set(bearer(employee!));
  const [pending, invited, acceptable] = await Promise.all(
    ['待激活员工', '受邀员工', '接受邀请员工'].map(newEmployee),
  );
  let counter = 0;
  const fixtures: MatrixFixtures = {
    employeeId: t.demo.employeeIds[0]!,
    cardId,
    materialId,
    draftMaterialId: (
      await asAdmin<{ id: string }>(
        t.http.post('/api/materials').send({ type: 'article', title: '草稿', body: '<p>草稿</p>' }),
        201,
      )
    ).id,
    departmentId: (
      await asAdmin<{ id: string }>(t.http.post('/api/departments').send({ name: '临时部门' }), 201)
    ).id,
    pendingEmployeeId: pending!.id,
    invitationCode: invited!.invitation!.code,
    acceptableInvitationCode: acceptable!.invitation!.code,
    importId: (
      await asAdmin<{ id: string }>(
        t.http
          .post('/api/employee-imports')
          .attach('file', Buffer.from('姓名\n导入员工\n'), { filename: 'a.csv', contentType: 'text/csv' }),
        202,
      )
    ).id,
    taskId: (
      await asAdmin<{ id: string }>(
        t.http.post('/api/tasks').send({
          title: '矩阵任务',
          materialId,
          employeeIds: [t.demo.employeeIds[0]],
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
          goalShares: 1,
        }),
        201,
      )
    ).id,
    leadId: (leads.body as LeadListResponse).items[0]!.id,
    cardShareCode: cardShare.code,
    materialShareCode: materialShare.code,
    siteLinkCode: (await site.createLink(employee!, `${DEMO_SITE}/products/cloud`)).code,
    visitToken,
    spareVisitToken: () => {
      const token = spareVisitTokens.pop();
      if (!token) throw new Error('more calls than spare visit tokens');
      return token;
    },
    siteOrigin: DEMO_SITE,
    uploadPath: new URL(
      (
        await asAdmin<{ url: string }>(
          t.http.post('/api/materials/images').attach('file', PNG_BYTES, { filename: 'a.png' }),
          201,
        )
      ).url,
    ).pathname,
    organizationKey: DEMO_KEY,
    wechatCode: () => t.wechat!.issueLoginCode(`matrix-user-${counter++}`),
    unique: (prefix) => `${prefix}${++counter}`,
  };
  return { fixtures, tokens: { prospect, employee, manager, admin, otherAdmin } };
}

/** The request a rule describes, made as `principal` (headers may be added before it is awaited). */
export function routeRequest(
  t: TestApp,
  { fixtures, tokens }: SeededMatrix,
  route: RouteKey,
  rule: RouteRule,
  principal: PrincipalName,
): Test {
  const [method, pattern] = route.split(' ') as [string, string];
  const agent = t.http as unknown as Record<string, (path: string) => Test>;
  const request = agent[method.toLowerCase()]!(rule.path?.(fixtures) ?? pattern);
  const token = tokens[principal];
  if (token) void request.set(bearer(token));
  for (const [name, value] of Object.entries(rule.headers?.(fixtures) ?? {})) void request.set(name, value);
  return request;
}

/** Sends a body as the route expects it: the site tracker's as text/plain JSON, the rest as JSON. */
export function sendBody(request: Test, rule: RouteRule, fixtures: MatrixFixtures, body: unknown): Test {
  const asText = Boolean(rule.headers?.(fixtures)['Content-Type']);
  return request.send(asText ? JSON.stringify(body) : (body as object));
}
