import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { anonymousVisitorLabel } from '@cardhub/shared';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { VisitorIdentity } from './entities/visitor-identity.entity';
import { VisitorsService } from './visitors.service';

describeEachDatabase('visitors', (database) => {
  let t: TestApp;
  let visitors: VisitorsService;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    visitors = t.get(VisitorsService);
  });
  afterAll(() => t.close());

  it('knows a WeChat prospect with a unionid as the visitor another app of the company already met', async () => {
    // Someone first met through another app of the company's WeChat account: known by their unionid only.
    const prospect = await t.loginWithWechat('u_sunli');
    const wechatUser = await t
      .get(DataSource)
      .getRepository(WechatUser)
      .findOneByOrFail({ id: (prospect.principal as { wechatUserId: string }).wechatUserId });
    const earlier = await visitors.resolve(
      t.demo.organizationId,
      { kind: 'web', value: randomUUID().replace(/-/g, '') },
      null,
      new Date('2026-11-01T08:00:00Z'),
    );
    await t.get(DataSource).getRepository(VisitorIdentity).insert({
      id: randomUUID(),
      organizationId: t.demo.organizationId,
      visitorId: earlier.id,
      kind: 'unionid',
      value: wechatUser.unionid!,
    });

    // Now they open a card in our mini-program: the view is theirs, one visitor with both identities.
    const loop = cardLoop(t);
    const view = await loop.viewOk(
      { targetId: await loop.cardIdOf(t.demo.employeeIds[0]!), touchpoint: 'miniapp' },
      { token: prospect },
    );
    expect(view.visitorLabel).toBe(anonymousVisitorLabel(earlier.id));
    const kinds = await t.get(DataSource).getRepository(VisitorIdentity).findBy({ visitorId: earlier.id });
    expect(kinds.map((identity) => identity.kind).sort()).toEqual(['openid', 'unionid', 'web']);
  });

  it('makes one visitor of concurrent first requests with the same identity', async () => {
    const identity = { kind: 'web' as const, value: randomUUID().replace(/-/g, '') };
    const resolved = await Promise.all(
      Array.from({ length: 5 }, () => visitors.resolve(t.demo.organizationId, identity, null)),
    );
    expect(new Set(resolved.map((visitor) => visitor.id)).size).toBe(1);
    expect(await t.get(DataSource).getRepository(VisitorIdentity).countBy({ value: identity.value })).toBe(1);
  });

  it('keeps the first share that brought a visitor, and moves lastSeenAt', async () => {
    const identity = { kind: 'web' as const, value: randomUUID().replace(/-/g, '') };
    const organizationId = t.demo.organizationId;
    const [firstEmployee, laterEmployee] = t.demo.employeeIds as [string, string];
    const arrivedDirectly = await visitors.resolve(
      organizationId,
      identity,
      null,
      new Date('2026-11-20T08:00:00Z'),
    );
    expect(arrivedDirectly.firstEmployeeId).toBeNull();

    const firstShare = randomUUID();
    await visitors.resolve(
      organizationId,
      identity,
      { shareId: firstShare, employeeId: firstEmployee },
      new Date('2026-11-21T08:00:00Z'),
    );
    const later = await visitors.resolve(
      organizationId,
      identity,
      { shareId: randomUUID(), employeeId: laterEmployee },
      new Date('2026-11-22T08:00:00Z'),
    );
    expect(later).toMatchObject({
      id: arrivedDirectly.id,
      firstShareId: firstShare,
      firstEmployeeId: firstEmployee,
    });
    expect(later.lastSeenAt.toISOString()).toBe('2026-11-22T08:00:00.000Z');
    expect(later.firstSeenAt.toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });

  it('keeps organizations apart: the same browser key is a different visitor elsewhere', async () => {
    const identity = { kind: 'web' as const, value: randomUUID().replace(/-/g, '') };
    const here = await visitors.resolve(t.demo.organizationId, identity, null);
    const there = await visitors.resolve(t.demo.otherOrganizationId, identity, null);
    expect(there.id).not.toBe(here.id);
  });
});
