import type { AuditLogResponse, LeadListResponse, LoginResponse, ShareDto } from '@cardhub/shared';
import ExcelJS from 'exceljs';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { EventLog } from '../tracking/event-log';

const HEADER = '线索,手机号,阶段,评分,标签,来源,负责人,最近活动,创建时间';

describeEachDatabase('lead exports and the audit log', (database) => {
  let t: TestApp;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse;
  let chen: LoginResponse;
  let otherAdmin: LoginResponse;

  /** A prospect who calls and consults: a lead of whoever shared (or of the pool, without a share). */
  const hotLead = async (loop: ReturnType<typeof cardLoop>, productId: string, sharer?: LoginResponse) => {
    const share = sharer
      ? ((await loop.share(sharer, { targetType: 'material', targetId: productId })).body as ShareDto)
      : undefined;
    const view = await loop.viewOk({
      targetType: 'material',
      targetId: productId,
      visitorKey: loop.newVisitorKey(),
      ...(share ? { shareCode: share.code } : {}),
    });
    await loop.actions(view.visitToken, [
      { type: 'click', action: 'call' },
      { type: 'click', action: 'consult' },
      { type: 'click', action: 'copy_wechat' },
    ]);
    await t.get(EventLog).settled();
  };

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    const loop = cardLoop(t);
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    [zhang, chen] = await Promise.all(
      [t.demo.employeeIds[0]!, t.demo.employeeIds[2]!].map((id) => t.loginAs(id)),
    );
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
    const productId = t.demo.materialIds[1]!;
    await hotLead(loop, productId, zhang);
    await hotLead(loop, productId, chen);
    await hotLead(loop, productId);
  });
  afterAll(() => t.close());

  const csvAs = (who: LoginResponse, query: Record<string, string> = {}) =>
    t.http.get('/api/leads/export.csv').query(query).set(bearer(who));
  const csvLines = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
  const auditAs = (who: LoginResponse, query: Record<string, string> = {}) =>
    t.http.get('/api/audit-log').query(query).set(bearer(who));

  it('exports the admin every lead as a UTF-8 CSV with a BOM and Chinese headers', async () => {
    const response = await csvAs(admin).buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="leads.csv"; filename\*=UTF-8''/,
    );
    const text = response.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csvLines(text);
    expect(header).toBe(HEADER);
    expect(rows).toHaveLength(3);
    const owners = rows.map((row) => row.split(',')[6]).sort();
    expect(owners).toEqual(['公海', '张伟', '陈静'].sort());
    expect(rows.every((row) => row.split(',')[5] === '物料' || row.split(',')[5] === '自然来访')).toBe(true);
    expect(rows[0]).toMatch(/^访客 #\w+,,(MQL|SQL),\d+,/);
  });

  it("gives an employee only their own leads and the pool, and another company's admin nothing", async () => {
    const [, ...rows] = csvLines((await csvAs(zhang).buffer(true)).text);
    expect(rows.map((row) => row.split(',')[6]).sort()).toEqual(['公海', '张伟'].sort());
    const [header, ...none] = csvLines((await csvAs(otherAdmin).buffer(true)).text);
    expect(header).toBe(HEADER);
    expect(none).toEqual([]);
  });

  it('applies the same filters as the list, and exports Excel with the same rows', async () => {
    const [, ...pool] = csvLines((await csvAs(admin, { owner: 'pool' }).buffer(true)).text);
    expect(pool).toHaveLength(1);
    expect(pool[0]!.split(',')[6]).toBe('公海');

    const response = await t.http
      .get('/api/leads/export.xlsx')
      .query({ owner: t.demo.employeeIds[0]! })
      .set(bearer(manager))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('线索')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADER);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(7).value).toBe('张伟');
    expect(typeof sheet.getRow(2).getCell(4).value).toBe('number');
  });

  it('refuses bad filters with 400 naming the field, and no session with 401', async () => {
    const bad = await csvAs(admin, { minScore: '-1' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].path).toBe('minScore');
    expect((await csvAs(admin, { stage: 'hot' })).status).toBe(400);
    expect(
      (await t.http.get('/api/leads/export.xlsx').query({ from: 'yesterday' }).set(bearer(admin))).status,
    ).toBe(400);
    expect((await t.http.get('/api/leads/export.csv')).status).toBe(401);
  });

  it('audits exports, lead views and assignments, newest first, for admins only', async () => {
    const before = ((await auditAs(admin)).body as AuditLogResponse).total;
    await csvAs(zhang, { stage: 'sql' }).buffer(true);
    const lead = (
      (await t.http.get('/api/leads').query({ owner: 'pool' }).set(bearer(admin))).body as LeadListResponse
    ).items[0]!;
    expect((await t.http.get(`/api/leads/${lead.id}`).set(bearer(manager))).status).toBe(200);
    const assigned = await t.http
      .post(`/api/leads/${lead.id}/assign`)
      .set(bearer(admin))
      .send({ employeeId: t.demo.employeeIds[2] });
    expect(assigned.status).toBe(200);

    const log = (await auditAs(admin, { limit: '3' })).body as AuditLogResponse;
    expect(log.total).toBe(before + 3);
    expect(log.items.map((entry) => [entry.action, entry.employee?.name, entry.target])).toEqual([
      ['lead.assign', '王总', lead.id],
      ['lead.view', '李经理', lead.id],
      ['leads.export', '张伟', 'leads'],
    ]);
    expect(log.items[0]!.detail).toMatchObject({ toEmployeeId: t.demo.employeeIds[2], to: '陈静' });
    expect(log.items[2]!.detail).toEqual({ format: 'csv', rows: expect.any(Number), stage: 'sql' });

    const exports = (await auditAs(admin, { action: 'leads.export' })).body as AuditLogResponse;
    expect(exports.items.every((entry) => entry.action === 'leads.export')).toBe(true);
    expect(exports.items.some((entry) => entry.detail.format === 'xlsx')).toBe(true);

    expect((await auditAs(manager)).status).toBe(403);
    expect((await auditAs(zhang)).status).toBe(403);
    expect((await auditAs(admin, { action: 'lead.delete' })).status).toBe(400);
    // Another company's admin sees only their own organization's log: their one empty export.
    const theirs = (await auditAs(otherAdmin)).body as AuditLogResponse;
    expect(theirs.items.map((entry) => [entry.action, entry.detail.rows])).toEqual([['leads.export', 0]]);
  });
});
