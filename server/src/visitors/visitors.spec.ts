import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
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
