import type {
  CreateSharingTaskInput,
  LoginResponse,
  MaterialDto,
  MyTasksResponse,
  SharingTaskDetail,
  SharingTaskListResponse,
  TaskTargetsResponse,
} from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { GOOGLEBOT, materialLoop } from '../stats/material-loop.testing';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { SharingTaskAssignee } from './entities/sharing-task-assignee.entity';

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

describeEachDatabase('sharing tasks', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof materialLoop>;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse;
  let liu: LoginResponse;
  let chen: LoginResponse;
  let sun: LoginResponse;
  let otherAdmin: LoginResponse;
  let material: MaterialDto;
  let salesOne: string;
  let salesTwo: string;
  let eastTeam: string;
  let task: SharingTaskDetail;

  const createTask = (who: LoginResponse, fields: Partial<CreateSharingTaskInput> = {}) =>
    t.http
      .post('/api/tasks')
      .set(bearer(who))
      .send({
        title: '本周推广白皮书',
        materialId: material.id,
        note: '每人至少转发一次到客户群',
        departmentIds: [salesOne],
        employeeIds: [t.demo.employeeIds[2]],
        deadline: inAWeek(),
        goalShares: 1,
        goalViews: 2,
        ...fields,
      });
  const detailOf = async (who: LoginResponse, id = task.id) => {
    const response = await t.http.get(`/api/tasks/${id}`).set(bearer(who));
    expect(response.status).toBe(200);
    return response.body as SharingTaskDetail;
  };
  const myTasks = async (who: LoginResponse) => {
    const response = await t.http.get('/api/me/tasks').set(bearer(who));
    expect(response.status).toBe(200);
    return (response.body as MyTasksResponse).items;
  };
  const progressByName = (detail: SharingTaskDetail) =>
    Object.fromEntries(detail.assigneeProgress.map((row) => [row.name, { ...row.progress, done: row.done }]));

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = materialLoop(t);
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    [zhang, liu, chen] = await Promise.all(t.demo.employeeIds.slice(0, 3).map((id) => t.loginAs(id)));
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
    salesOne = t.demo.departmentIds['销售一部']!;
    salesTwo = t.demo.departmentIds['销售二部']!;

    // A team below 销售一部, whose one member joined through the mini-program (so WeChat knows them).
    eastTeam = (
      await t
        .get(DataSource)
        .getRepository(Department)
        .save({ organizationId: t.demo.organizationId, parentId: salesOne, name: '华东组', sortOrder: 0 })
    ).id;
    const invitation = await t.http
      .post('/api/invitations')
      .set(bearer(admin))
      .send({ name: '孙磊', title: '销售代表', departmentId: eastTeam });
    expect(invitation.status).toBe(201);
    const joined = await t.http
      .post(`/api/invitations/${invitation.body.code}/accept`)
      .send({ code: t.wechat!.issueLoginCode('sunlei') });
    expect(joined.status).toBe(200);
    sun = joined.body as LoginResponse;

    material = await loop.publish(admin, {
      title: '全员营销白皮书',
      coverUrl: 'https://cdn.example.com/cover.png',
    });
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('assigns the chosen departments with their sub-departments and the chosen people, and notifies them in WeChat', async () => {
      // Shared before the task: neither this share nor its views count toward it.
      const earlyShare = await loop.shareMaterial(zhang, material.id);

      const response = await createTask(admin);
      expect(response.status).toBe(201);
      task = response.body as SharingTaskDetail;
      expect(task).toMatchObject({
        title: '本周推广白皮书',
        note: '每人至少转发一次到客户群',
        status: 'active',
        material: { id: material.id, title: '全员营销白皮书', type: 'article', coverUrl: material.coverUrl },
        createdBy: { id: t.demo.adminId, name: '王总' },
        goal: { shares: 1, views: 2 },
        assignees: 5,
        completed: 0,
        progress: { shares: 0, views: 0 },
      });
      expect(task.assigneeProgress.map((row) => row.name).sort()).toEqual(
        ['刘洋', '孙磊', '张伟', '李经理', '陈静'].sort(),
      );

      // Only 孙磊 has a WeChat login; the message carries the task, the material, the deadline and the goal.
      expect(t.wechat!.subscribeMessages).toEqual([
        expect.objectContaining({
          touser: t.wechat!.openidOf('sunlei'),
          template_id: 'cardhub-demo-task-assigned',
          page: 'pages/tasks/index',
          data: {
            thing1: { value: '本周推广白皮书' },
            thing2: { value: '全员营销白皮书' },
            time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
            thing4: { value: '分享 1 次 · 浏览 2 次' },
          },
        }),
      ]);
      const notified = await t
        .get(DataSource)
        .getRepository(SharingTaskAssignee)
        .findOneByOrFail({
          taskId: task.id,
          employeeId: sun.principal.kind === 'employee' ? sun.principal.employeeId : '',
        });
      expect(notified.notifiedAt).not.toBeNull();

      await loop.viewMaterial(material.id, earlyShare.code);
    });

    it('offers an admin every department and a manager only their own subtree', async () => {
      const forAdmin = (await t.http.get('/api/tasks/targets').set(bearer(admin)))
        .body as TaskTargetsResponse;
      expect(forAdmin.departments.map((department) => department.name)).toEqual([
        '销售一部',
        '华东组',
        '销售二部',
        '市场部',
      ]);
      expect(forAdmin.departments[0]).toMatchObject({ parentId: null, staff: 3 });
      const forManager = (await t.http.get('/api/tasks/targets').set(bearer(manager)))
        .body as TaskTargetsResponse;
      expect(forManager.departments).toEqual([
        { id: salesOne, parentId: null, name: '销售一部', staff: 3 },
        { id: eastTeam, parentId: salesOne, name: '华东组', staff: 1 },
      ]);
      expect(forManager.employees.map((employee) => employee.name).sort()).toEqual(
        ['刘洋', '孙磊', '张伟', '李经理'].sort(),
      );
    });

    it('lets a manager assign within their department subtree only', async () => {
      const ownTeam = await createTask(manager, {
        title: '华东组专项',
        departmentIds: [eastTeam],
        employeeIds: [],
      });
      expect(ownTeam.status).toBe(201);
      expect((ownTeam.body as SharingTaskDetail).assignees).toBe(1);

      const otherDepartment = await createTask(manager, { departmentIds: [salesTwo], employeeIds: [] });
      expect(otherDepartment.status).toBe(403);
      expect(otherDepartment.body.message).toBe('只能给本部门及下级部门的员工布置任务');
      expect((await createTask(manager, { departmentIds: [] })).status).toBe(403);
    });

    it('refuses bad input with the field at fault, and creates nothing', async () => {
      const before = ((await t.http.get('/api/tasks').set(bearer(admin))).body as SharingTaskListResponse)
        .items.length;
      const past = await createTask(admin, { deadline: new Date(Date.now() - 60_000).toISOString() });
      expect(past.status).toBe(400);
      expect(past.body).toMatchObject({ message: '截止时间必须晚于现在', fields: [{ path: 'deadline' }] });

      const invalid = await createTask(admin, {
        title: '',
        deadline: 'next friday',
        departmentIds: [],
        employeeIds: [],
        goalShares: 0,
        goalViews: 0,
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields.map((field: { path: string }) => field.path).sort()).toEqual([
        'deadline',
        'departmentIds',
        'goalShares',
        'title',
      ]);

      const unknownDepartment = await createTask(admin, { departmentIds: [randomUUID()] });
      expect(unknownDepartment.status).toBe(400);
      expect(unknownDepartment.body.fields[0].path).toBe('departmentIds');
      const theirEmployee = await createTask(admin, {
        departmentIds: [],
        employeeIds: [t.demo.otherAdminId],
      });
      expect(theirEmployee.status).toBe(400);
      expect(theirEmployee.body.fields[0].path).toBe('employeeIds');

      const draft = await t.http
        .post('/api/materials')
        .set(bearer(admin))
        .send({ type: 'poster', title: '还没发布' });
      const archived = await loop.publish(admin, { title: '已下架' });
      await t.http.post(`/api/materials/${archived.id}/archive`).set(bearer(admin));
      const theirs = await loop.publish(otherAdmin, { title: '别家的物料' });
      for (const materialId of [randomUUID(), draft.body.id, archived.id, theirs.id]) {
        const response = await createTask(admin, { materialId });
        expect(response.status).toBe(404);
        expect(response.body.fields[0].path).toBe('materialId');
      }
      const after = ((await t.http.get('/api/tasks').set(bearer(admin))).body as SharingTaskListResponse)
        .items.length;
      expect(after).toBe(before);
    });

    it('is for managers and admins: an employee gets 403, nobody signed in 401', async () => {
      expect((await createTask(zhang)).status).toBe(403);
      expect((await t.http.get('/api/tasks').set(bearer(zhang))).status).toBe(403);
      expect((await t.http.post('/api/tasks').send({})).status).toBe(401);
      expect((await t.http.get('/api/me/tasks')).status).toBe(401);
    });
  });

  describe('progress', () => {
    beforeAll(async () => {
      // 张伟 shares once; two prospects read it, one forwards it and a third reads the forward.
      const zhangShare = await loop.shareMaterial(zhang, material.id);
      const first = await loop.viewMaterial(material.id, zhangShare.code);
      await loop.viewMaterial(material.id, zhangShare.code);
      const forward = await loop.forward(first, material.id, zhangShare.code);
      await loop.viewMaterial(material.id, forward.code);
      // 刘洋 shares twice; one prospect reads.
      const liuShare = await loop.shareMaterial(liu, material.id);
      await loop.shareMaterial(liu, material.id);
      await loop.viewMaterial(material.id, liuShare.code);
      // 陈静's only readers are herself and a crawler.
      const chenShare = await loop.shareMaterial(chen, material.id);
      await loop.viewMaterial(material.id, chenShare.code, { token: chen });
      await loop.viewMaterial(material.id, chenShare.code, { userAgent: GOOGLEBOT });
      // Another material does not count toward this task.
      const elsewhere = await loop.shareMaterial(liu, t.demo.materialIds[0]!);
      await loop.viewMaterial(t.demo.materialIds[0]!, elsewhere.code);
    });

    it('counts each assignee’s shares in the period and the counted views they brought', async () => {
      const detail = await detailOf(admin);
      expect(progressByName(detail)).toEqual({
        张伟: { shares: 1, views: 3, done: true },
        刘洋: { shares: 2, views: 1, done: false },
        陈静: { shares: 1, views: 0, done: false },
        李经理: { shares: 0, views: 0, done: false },
        孙磊: { shares: 0, views: 0, done: false },
      });
      expect(detail.assigneeProgress[0]).toMatchObject({ name: '张伟', departmentName: '销售一部' });
      expect(detail).toMatchObject({ assignees: 5, completed: 1, progress: { shares: 4, views: 4 } });
    });

    it('sums progress per department against the department’s goal', async () => {
      const detail = await detailOf(admin);
      // department, assignees, done, shares / views made, shares / views the department's goal adds up to
      const row = (
        departmentId: string,
        name: string,
        assignees: number,
        completed: number,
        made: number[],
        goal: number[],
      ) => ({
        departmentId,
        name,
        assignees,
        completed,
        progress: { shares: made[0], views: made[1] },
        goal: { shares: goal[0], views: goal[1] },
      });
      expect(detail.departments).toEqual([
        row(salesOne, '销售一部', 3, 1, [3, 4], [3, 6]),
        row(eastTeam, '销售一部 / 华东组', 1, 0, [0, 0], [1, 2]),
        row(salesTwo, '销售二部', 1, 0, [1, 0], [1, 2]),
      ]);
    });

    it('shows a manager only the progress of their department subtree', async () => {
      const list = (await t.http.get('/api/tasks').set(bearer(manager))).body as SharingTaskListResponse;
      expect(list.items.find((item) => item.id === task.id)).toMatchObject({
        assignees: 4,
        completed: 1,
        progress: { shares: 3, views: 4 },
      });
      const detail = await detailOf(manager);
      expect(detail.departments.map((department) => department.name)).toEqual([
        '销售一部',
        '销售一部 / 华东组',
      ]);
      expect(detail.assigneeProgress.map((row) => row.name)).not.toContain('陈静');
    });

    it('shows employees their own open tasks with their progress', async () => {
      const [mine] = (await myTasks(zhang)).filter((item) => item.id === task.id);
      expect(mine).toEqual({
        id: task.id,
        title: '本周推广白皮书',
        note: '每人至少转发一次到客户群',
        material: { id: material.id, title: '全员营销白皮书', type: 'article', coverUrl: material.coverUrl },
        deadline: task.deadline,
        goal: { shares: 1, views: 2 },
        progress: { shares: 1, views: 3 },
        done: true,
      });
      expect((await myTasks(chen)).map((item) => item.progress)).toEqual([{ shares: 1, views: 0 }]);
      expect(await myTasks(await t.loginAs(t.demo.employeeIds[4]!))).toEqual([]);
    });
  });

  describe('closing', () => {
    it('lets a manager close only their own tasks', async () => {
      const response = await t.http.post(`/api/tasks/${task.id}/close`).set(bearer(manager));
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('只能结束自己创建的任务');
    });

    it('stops the count and takes the task off employees’ lists', async () => {
      const response = await t.http.post(`/api/tasks/${task.id}/close`).set(bearer(admin));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'closed', progress: { shares: 4, views: 4 } });
      expect(Date.parse(response.body.closedAt)).not.toBeNaN();

      await loop.shareMaterial(zhang, material.id);
      expect((await detailOf(admin)).progress).toEqual({ shares: 4, views: 4 });
      expect((await myTasks(zhang)).map((item) => item.id)).not.toContain(task.id);
      // Closing again changes nothing.
      const again = await t.http.post(`/api/tasks/${task.id}/close`).set(bearer(admin));
      expect(again.body.closedAt).toBe(response.body.closedAt);
    });
  });

  it('hides tasks from another organization (404) and from managers outside them', async () => {
    expect((await t.http.get(`/api/tasks/${task.id}`).set(bearer(otherAdmin))).status).toBe(404);
    expect((await t.http.post(`/api/tasks/${task.id}/close`).set(bearer(otherAdmin))).status).toBe(404);
    const theirs = (await t.http.get('/api/tasks').set(bearer(otherAdmin))).body as SharingTaskListResponse;
    expect(theirs.items).toEqual([]);

    const marketingOnly = await createTask(admin, {
      departmentIds: [t.demo.departmentIds['市场部']!],
      employeeIds: [],
    });
    expect((await t.http.get(`/api/tasks/${marketingOnly.body.id}`).set(bearer(manager))).status).toBe(404);
    expect((await t.http.get(`/api/tasks/${randomUUID()}`).set(bearer(admin))).status).toBe(404);
  });
});

describeEachDatabase('sharing tasks when WeChat is unreachable', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    // Port 9 (discard) refuses connections: every WeChat call fails at once.
    t = await createTestApp({ databaseUrl: database.url, wechatBaseUrl: 'http://127.0.0.1:9' });
  });
  afterAll(() => t.close());

  it('still creates the task, and leaves the assignee un-notified', async () => {
    const dataSource = t.get(DataSource);
    const user = await dataSource
      .getRepository(WechatUser)
      .save({ openid: 'o' + 'x'.repeat(27), sessionKey: 'k', lastLoginAt: new Date() });
    const zhangId = t.demo.employeeIds[0]!;
    await dataSource.getRepository(Employee).update({ id: zhangId }, { wechatUserId: user.id });

    const admin = await t.loginAs(t.demo.adminId);
    const response = await t.http
      .post('/api/tasks')
      .set(bearer(admin))
      .send({
        title: '推广新品发布会',
        materialId: t.demo.materialIds[0],
        employeeIds: [zhangId],
        deadline: inAWeek(),
        goalShares: 3,
      });
    expect(response.status).toBe(201);
    const assignee = await dataSource
      .getRepository(SharingTaskAssignee)
      .findOneByOrFail({ taskId: response.body.id, employeeId: zhangId });
    expect(assignee.notifiedAt).toBeNull();
  });
});
