import type { DepartmentDto, DepartmentListResponse, LoginResponse } from '@cardhub/shared';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';

describeEachDatabase('departments', (database) => {
  let t: TestApp;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let employee: LoginResponse;
  let otherAdmin: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    employee = await t.loginAs(t.demo.employeeIds[0]!);
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
  });
  afterAll(() => t.close());

  const list = async (as = admin): Promise<DepartmentListResponse> => {
    const response = await t.http.get('/api/departments').set(bearer(as));
    expect(response.status).toBe(200);
    return response.body as DepartmentListResponse;
  };
  const create = async (name: string, parentId: string | null = null): Promise<DepartmentDto> => {
    const response = await t.http.post('/api/departments').set(bearer(admin)).send({ name, parentId });
    expect(response.status).toBe(201);
    return response.body as DepartmentDto;
  };

  it('lists the departments with their employee counts, for managers too', async () => {
    const { departments, totalEmployees, unassignedEmployees } = await list(manager);
    const counts = Object.fromEntries(
      departments.map((department) => [department.name, department.employeeCount]),
    );
    expect(counts).toMatchObject({ 销售一部: 3, 销售二部: 2, 市场部: 1 });
    expect(totalEmployees).toBe(7);
    expect(unassignedEmployees).toBe(1);
    expect(departments.every((department) => department.parentId === null)).toBe(true);
  });

  it('builds a tree: sub-departments, renames and moves', async () => {
    const east = await create('华东大区');
    const shanghai = await create('上海组', east.id);
    expect(shanghai).toMatchObject({ name: '上海组', parentId: east.id, employeeCount: 0 });

    const moved = await t.http
      .put(`/api/departments/${shanghai.id}`)
      .set(bearer(admin))
      .send({ name: ' 上海一组 ', parentId: t.demo.departmentIds['销售一部'] });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: '上海一组', parentId: t.demo.departmentIds['销售一部'] });

    const toTop = await t.http
      .put(`/api/departments/${shanghai.id}`)
      .set(bearer(admin))
      .send({ name: '上海一组', parentId: null });
    expect(toTop.body.parentId).toBeNull();
  });

  it('refuses a move under the department itself or its own sub-department (400)', async () => {
    const north = await create('华北大区');
    const beijing = await create('北京组', north.id);
    const haidian = await create('海淀小组', beijing.id);
    for (const parentId of [north.id, haidian.id]) {
      const response = await t.http
        .put(`/api/departments/${north.id}`)
        .set(bearer(admin))
        .send({ name: '华北大区', parentId });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([
        { path: 'parentId', message: 'parentId must not be the department itself or below it' },
      ]);
    }
    const unchanged = (await list()).departments.find((department) => department.id === north.id);
    expect(unchanged?.parentId).toBeNull();
  });

  it('keeps sibling names unique (409) and rejects bad names (400)', async () => {
    const clash = await t.http.post('/api/departments').set(bearer(admin)).send({ name: '市场部' });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toBe('同一级下已有名为「市场部」的部门');

    const invalid = await t.http.post('/api/departments').set(bearer(admin)).send({ name: '销售/华东' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields[0].path).toBe('name');
  });

  it('deletes an empty department, and refuses one with people or sub-departments (409)', async () => {
    const withPeople = await t.http
      .delete(`/api/departments/${t.demo.departmentIds['销售一部']}`)
      .set(bearer(admin));
    expect(withPeople.status).toBe(409);
    expect(withPeople.body.message).toBe('「销售一部」下还有 3 名员工，请先移走后再删除');

    const parent = await create('待撤销部门');
    const child = await create('下属小组', parent.id);
    const withChild = await t.http.delete(`/api/departments/${parent.id}`).set(bearer(admin));
    expect(withChild.status).toBe(409);
    expect(withChild.body.message).toContain('1 个下级部门');

    expect((await t.http.delete(`/api/departments/${child.id}`).set(bearer(admin))).status).toBe(204);
    expect((await t.http.delete(`/api/departments/${parent.id}`).set(bearer(admin))).status).toBe(204);
    expect((await list()).departments.some((department) => department.id === parent.id)).toBe(false);
  });

  it('lets only admins write, and only staff of the organization see (401/403/404)', async () => {
    const marketing = t.demo.departmentIds['市场部']!;
    expect((await t.http.get('/api/departments')).status).toBe(401);
    expect((await t.http.get('/api/departments').set(bearer(employee))).status).toBe(403);
    expect((await t.http.post('/api/departments').set(bearer(manager)).send({ name: '越权' })).status).toBe(
      403,
    );
    expect((await t.http.delete(`/api/departments/${marketing}`).set(bearer(manager))).status).toBe(403);

    const foreign = await t.http
      .put(`/api/departments/${marketing}`)
      .set(bearer(otherAdmin))
      .send({ name: '改名', parentId: null });
    expect(foreign.status).toBe(404);
    expect((await t.http.delete(`/api/departments/${marketing}`).set(bearer(otherAdmin))).status).toBe(404);
    const foreignParent = await t.http
      .post('/api/departments')
      .set(bearer(otherAdmin))
      .send({ name: '渗透', parentId: marketing });
    expect(foreignParent.status).toBe(404);
    expect((await list(otherAdmin)).departments).toEqual([]);
  });
});
