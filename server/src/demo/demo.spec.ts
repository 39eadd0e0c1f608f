import type { DemoAccount, LoginResponse, MaterialListResponse } from '@cardhub/shared';
import { DataSource, In } from 'typeorm';
import { Card } from '../cards/entities/card.entity';
import { Material } from '../materials/entities/material.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { DemoSeeder } from './demo.seeder';

describeEachDatabase('demo mode', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, demoMode: true, seed: false });
  });
  afterAll(() => t.close());

  it('seeds 星辰科技 and a second organization at startup, each staff member with a complete card', async () => {
    const dataSource = t.get(DataSource);
    const organizations = await dataSource.getRepository(Organization).find({ order: { slug: 'ASC' } });
    expect(organizations.map((organization) => [organization.slug, organization.name])).toEqual([
      ['demo', '星辰科技'],
      ['yunfan', '云帆贸易'],
    ]);
    const demoId = organizations[0]!.id;
    const cards = await dataSource.getRepository(Card).findBy({ organizationId: demoId });
    expect(cards).toHaveLength(7);
    for (const card of cards) {
      expect(card).toMatchObject({
        company: '星辰科技',
        siteUrl: 'http://localhost:3200/',
        phone: expect.stringMatching(/^1380013800\d$/),
        wechatId: expect.stringMatching(/^[A-Za-z][-_A-Za-z0-9]{5,19}$/),
        email: expect.stringContaining('@'),
        address: expect.stringContaining('上海'),
        bio: expect.any(String),
      });
      expect(card.title).not.toBe('');
      expect(card.bio).not.toBe('');
    }
  });

  it('publishes one material of each type for 星辰科技, listed to its staff', async () => {
    const roster = await t.get(DemoSeeder).seed();
    const materials = await t
      .get(DataSource)
      .getRepository(Material)
      .findBy({ id: In(roster.materialIds) });
    expect(materials.map((material) => material.type).sort()).toEqual([
      'article',
      'poster',
      'product',
      'video',
    ]);
    for (const material of materials) {
      expect(material).toMatchObject({ organizationId: roster.organizationId, status: 'published' });
      expect(material.category).not.toBe('');
      expect(material.tags.length).toBeGreaterThan(0);
      expect(material.publishedAt).toBeInstanceOf(Date);
    }
    const byType = (type: string) => materials.find((material) => material.type === type)!;
    expect(byType('article').body!.match(/<p>/g)!.length).toBeGreaterThanOrEqual(3);
    expect(byType('product')).toMatchObject({ priceText: expect.stringContaining('¥') });
    expect(byType('product').specs!.length).toBeGreaterThan(0);

    const login = await t.http.post('/api/auth/demo-login').send({ employeeId: roster.employeeIds[0] });
    const library = await t.http.get('/api/materials').set(bearer(login.body as LoginResponse));
    expect(library.status).toBe(200);
    // Every cover, poster, product photo and the video is a real file the server serves.
    const served = async (url: string | null) => {
      const response = await t.http.get(new URL(url!).pathname);
      return `${response.status} ${response.headers['content-type']}`;
    };
    for (const material of (library.body as MaterialListResponse).items) {
      expect(await served(material.coverUrl)).toBe('200 image/jpeg');
      for (const image of material.images) expect(await served(image)).toBe('200 image/jpeg');
    }
    const listed = (type: string) =>
      (library.body as MaterialListResponse).items.find((item) => item.type === type)!;
    expect(await served(listed('poster').mediaUrl)).toBe('200 image/jpeg');
    expect(await served(listed('video').mediaUrl)).toBe('200 video/mp4');
    expect(listed('product').images).toHaveLength(2);
    expect((library.body as MaterialListResponse).total).toBe(4);
  });

  it('changes nothing when seeded again', async () => {
    const dataSource = t.get(DataSource);
    const before = [
      await dataSource.getRepository(Employee).count(),
      await dataSource.getRepository(Material).count(),
    ];
    const first = await t.get(DemoSeeder).seed();
    const second = await t.get(DemoSeeder).seed();
    expect(second).toEqual(first);
    expect([
      await dataSource.getRepository(Employee).count(),
      await dataSource.getRepository(Material).count(),
    ]).toEqual(before);
  });

  it('lists the demo accounts and logs any of them in with one click', async () => {
    const accounts = await t.http.get('/api/auth/demo-accounts');
    expect(accounts.status).toBe(200);
    const list = accounts.body as DemoAccount[];
    expect(list).toHaveLength(7);
    expect(list.map((account) => [account.role, account.departmentName, account.name])).toEqual([
      ['admin', null, '王总'],
      ['manager', '销售一部', '李经理'],
      ['employee', '市场部', '赵敏'],
      ['employee', '销售二部', '陈静'],
      ['employee', '销售二部', '杨帆'],
      ['employee', '销售一部', '刘洋'],
      ['employee', '销售一部', '张伟'],
    ]);
    expect(list[0]).toMatchObject({ title: '总经理' });

    const employee = list.find((account) => account.name === '张伟')!;
    const login = await t.http.post('/api/auth/demo-login').send({ employeeId: employee.employeeId });
    expect(login.status).toBe(200);
    const session = login.body as LoginResponse;
    expect(session.role).toBe('employee');
    expect((await t.http.get('/api/auth/me').set(bearer(session))).body).toMatchObject({ name: '张伟' });
  });

  it('does not log in staff of another organization through the demo login', async () => {
    const roster = await t.get(DemoSeeder).seed();
    const login = await t.http.post('/api/auth/demo-login').send({ employeeId: roster.otherAdminId });
    expect(login.status).toBe(404);
  });
});
