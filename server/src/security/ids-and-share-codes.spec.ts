import type { LoginResponse, ShareDto } from '@cardhub/shared';
import { generateShareCode, isShareCode } from '@cardhub/shared';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Share } from '../shares/entities/share.entity';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { cardLoop } from '../tracking/card-loop.testing';
import { type SeededMatrix, seedMatrix } from './matrix.testing';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describeEachDatabase('ids and share codes', (database) => {
  let t: TestApp;
  let seeded: SeededMatrix;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  let liu: LoginResponse;
  let zhangCardId: string;
  let liuCardId: string;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, demoMode: true });
    seeded = await seedMatrix(t);
    loop = cardLoop(t);
    [zhang, liu] = await Promise.all(t.demo.employeeIds.slice(0, 2).map((id) => t.loginAs(id)));
    [zhangCardId, liuCardId] = await Promise.all(
      t.demo.employeeIds.slice(0, 2).map((id) => loop.cardIdOf(id)),
    );
  });
  afterAll(() => t.close());

  describe('ids in URLs', () => {
    it('are random UUIDs (v4): no table numbers its rows', () => {
      const generated = t
        .get(DataSource)
        .entityMetadatas.flatMap((entity) =>
          entity.primaryColumns
            .filter((column) => column.isGenerated)
            .map((column) => `${entity.tableName}.${column.propertyName}: ${column.generationStrategy}`),
        );
      expect(generated.length).toBeGreaterThan(10);
      expect(generated.filter((column) => !column.endsWith(': uuid'))).toEqual([]);

      const { fixtures } = seeded;
      const exposed = [
        fixtures.employeeId,
        fixtures.cardId,
        fixtures.materialId,
        fixtures.draftMaterialId,
        fixtures.departmentId,
        fixtures.pendingEmployeeId,
        fixtures.importId,
        fixtures.taskId,
        fixtures.leadId,
      ];
      expect(exposed.filter((id) => !UUID_V4.test(id))).toEqual([]);
    });

    it('answer a neighbouring or made-up id like a missing one', async () => {
      const admin = seeded.tokens.admin!;
      const neighbour = seeded.fixtures.leadId.replace(/.$/, (digit) => (digit === '0' ? '1' : '0'));
      for (const path of [
        `/api/leads/${neighbour}`,
        '/api/leads/1',
        '/api/materials/2',
        '/api/tasks/00000000-0000-4000-8000-000000000000',
      ]) {
        const response = await t.http.get(path).set(bearer(admin));
        expect([400, 404]).toContain(response.status);
      }
    });
  });

  describe('share and invitation codes', () => {
    it('are drawn uniformly from 62 characters: 10 000 codes, no repeat, no favoured character', () => {
      const codes = Array.from({ length: 10_000 }, () => generateShareCode(randomBytes));
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.every(isShareCode)).toBe(true);
      const counts = new Map<string, number>();
      for (const character of codes.join('')) counts.set(character, (counts.get(character) ?? 0) + 1);
      expect(counts.size).toBe(62);
      // 100 000 characters over 62: about 1613 each; a biased generator (modulo bias, a fixed prefix) leaves this.
      expect(Math.min(...counts.values())).toBeGreaterThan(1400);
      expect(Math.max(...counts.values())).toBeLessThan(1850);
    });

    it('issued by the server are never sequential', async () => {
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) codes.push((await loop.shareOwnCard(zhang)).code);
      const prefixLengths = codes.slice(1).map((code, i) => commonPrefix(code, codes[i]!));
      expect(Math.max(...prefixLengths)).toBeLessThan(5);
      expect(seeded.fixtures.invitationCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
    });

    it('that nobody issued open nothing', async () => {
      const madeUp = generateShareCode(randomBytes);
      expect((await t.http.get(`/api/public/shares/${madeUp}`)).status).toBe(404);
      expect((await t.http.get(`/api/public/materials/shares/${madeUp}`)).status).toBe(404);
      expect((await t.http.get(`/s/${madeUp}`)).status).toBe(404);
      expect((await t.http.get(`/v/${madeUp}`)).status).toBe(404);
      expect((await t.http.get('/api/invitations/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    });
  });

  describe('forging a share code into someone else’s credit', () => {
    const viewCard = (targetId: string, shareCode: string) =>
      loop.view({ targetId, shareCode, visitorKey: loop.newVisitorKey() });

    it("refuses 张伟's code on 刘洋's card: the code names another target", async () => {
      const zhangShare = await loop.shareOwnCard(zhang);
      const response = await viewCard(liuCardId, zhangShare.code);
      expect(response.status).toBe(400);
      expect(response.body.fields[0].path).toBe('shareCode');
    });

    it("refuses another organization's code and a made-up one (404) and stores nothing", async () => {
      const otherAdmin = seeded.tokens.otherAdmin!;
      const principal = otherAdmin.principal as { employeeId: string };
      const foreignShare = (
        await loop.share(otherAdmin, {
          targetId: await loop.cardIdOf(principal.employeeId),
        })
      ).body as ShareDto;
      const events = t.get(DataSource).getRepository(TrackedEvent);
      const before = await events.count();
      expect((await viewCard(zhangCardId, foreignShare.code)).status).toBe(404);
      expect((await viewCard(zhangCardId, generateShareCode(randomBytes))).status).toBe(404);
      expect(await events.count()).toBe(before);
    });

    it("refuses staff sharing a colleague's card as their own (403)", async () => {
      const response = await loop.share(liu, { targetId: zhangCardId });
      expect(response.status).toBe(403);
    });

    it("stops crediting an employee once disabled: their card's links open nothing", async () => {
      const share = await loop.shareOwnCard(liu);
      const admin = seeded.tokens.admin!;
      const liuId = t.demo.employeeIds[1]!;
      expect((await t.http.post(`/api/employees/${liuId}/disable`).set(bearer(admin))).status).toBe(200);
      expect((await t.http.get(`/api/public/shares/${share.code}`)).status).toBe(404);
      expect((await viewCard(liuCardId, share.code)).status).toBe(404);
      expect((await t.http.post(`/api/employees/${liuId}/enable`).set(bearer(admin))).status).toBe(200);
    });

    it("does not let a forward re-root a chain: the child's credit stays with the original sharer", async () => {
      const root = await loop.shareOwnCard(zhang);
      const { visitToken } = await loop.viewOk({
        targetId: zhangCardId,
        shareCode: root.code,
        visitorKey: loop.newVisitorKey(),
      });
      const forward = await loop.share(undefined, {
        targetId: zhangCardId,
        parentCode: root.code,
        visitToken,
      });
      expect(forward.status).toBe(201);
      const child = await t
        .get(DataSource)
        .getRepository(Share)
        .findOneByOrFail({ code: (forward.body as ShareDto).code });
      expect(child.creditedEmployeeId).toBe(t.demo.employeeIds[0]);

      const liuShare = await loop.shareOwnCard(liu);
      const mismatched = await loop.share(undefined, {
        targetId: zhangCardId,
        parentCode: liuShare.code,
        visitToken,
      });
      expect(mismatched.status).toBeGreaterThanOrEqual(400);
      expect(mismatched.status).toBeLessThan(500);
    });
  });
});

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}
