import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CreateSharingTaskInput,
  type MyTasksResponse,
  type ShareProgress,
  type SharingTaskDetail,
  type SharingTaskDto,
  type SharingTaskListResponse,
  type TaskAssigneeProgress,
  type TaskDepartmentProgress,
  type TaskMaterial,
  type TaskTargetsResponse,
  departmentPath,
  departmentSubtreeIds,
  goalReached,
  roleAtLeast,
} from '@cardhub/shared';
import { In, MoreThan, Repository } from 'typeorm';
import { type StaffPrincipal, findInOrganization } from '../common/auth';
import type { Material } from '../materials/entities/material.entity';
import { MATERIAL_NOT_FOUND, MaterialsService } from '../materials/materials.service';
import type { Department } from '../org/entities/department.entity';
import type { Employee } from '../org/entities/employee.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { type ShareCounts, ShareActivity } from '../stats/share-activity';
import { SharingTaskAssignee } from './entities/sharing-task-assignee.entity';
import { SharingTask } from './entities/sharing-task.entity';
import { TaskNotifier } from './task-notifier';
import { Transactions } from '../infra/database/transactions';

export const TASK_NOT_FOUND = '任务不存在';

/** How many tasks the console lists, newest first. */
const TASKS_LISTED = 100;

/**
 * Whom a member of staff may assign work to and see progress of: an admin the whole organization, a manager
 * their department and the departments below it.
 */
interface Reach {
  departments: Department[];
  /** Null: the whole organization. */
  departmentIds: Set<string> | null;
}

const withinReach = (reach: Reach, departmentId: string | null) =>
  reach.departmentIds === null || (departmentId !== null && reach.departmentIds.has(departmentId));

type TaskInput = Required<CreateSharingTaskInput>;

/** Context shared by the DTOs of a batch of tasks: loaded once, not once per task. */
interface Lookups {
  materials: Map<string, Material>;
  staff: Map<string, Employee>;
}

/**
 * Sharing tasks (营销任务): an admin or manager asks staff to share a material by a deadline; progress is
 * each assignee's shares of that material in the task's period and the counted views those shares brought.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly materials: MaterialsService,
    private readonly directory: OrgDirectory,
    private readonly activity: ShareActivity,
    private readonly notifier: TaskNotifier,
    @InjectRepository(SharingTask) private readonly tasks: Repository<SharingTask>,
    @InjectRepository(SharingTaskAssignee) private readonly assignees: Repository<SharingTaskAssignee>,
  ) {}

  async targetsFor(staff: StaffPrincipal): Promise<TaskTargetsResponse> {
    const reach = await this.reachOf(staff);
    const people = (await this.directory.assignableStaffOf(staff.organizationId)).filter((employee) =>
      withinReach(reach, employee.departmentId),
    );
    return {
      departments: reach.departments
        .filter((department) => withinReach(reach, department.id))
        .map((department) => ({
          id: department.id,
          // A manager's own department is the top of what they see.
          parentId:
            department.parentId !== null && withinReach(reach, department.parentId)
              ? department.parentId
              : null,
          name: department.name,
          staff: people.filter((employee) => employee.departmentId === department.id).length,
        })),
      employees: people.map((employee) => ({
        id: employee.id,
        name: employee.name,
        title: employee.title,
        departmentId: employee.departmentId,
      })),
    };
  }

  async create(staff: StaffPrincipal, input: TaskInput): Promise<SharingTaskDetail> {
    const now = new Date();
    const deadline = new Date(input.deadline);
    if (deadline <= now) {
      throw new BadRequestException({
        message: '截止时间必须晚于现在',
        fields: [{ path: 'deadline', message: 'deadline must be in the future' }],
      });
    }
    const material = await this.materials.findPublished(input.materialId, staff.organizationId);
    if (!material) {
      throw new NotFoundException({
        message: MATERIAL_NOT_FOUND,
        fields: [
          { path: 'materialId', message: 'materialId must be a published material of your organization' },
        ],
      });
    }
    const reach = await this.reachOf(staff);
    const people = await this.assigneesFor(staff, reach, input);

    const task = this.tasks.create({
      organizationId: staff.organizationId,
      title: input.title,
      materialId: material.id,
      note: input.note,
      targetDepartmentIds: [...new Set(input.departmentIds)],
      targetEmployeeIds: [...new Set(input.employeeIds)],
      goalShares: input.goalShares,
      goalViews: input.goalViews,
      startsAt: now,
      deadline,
      status: 'active',
      closedAt: null,
      createdByEmployeeId: staff.employeeId,
    });
    await this.transactions.run(async (transaction) => {
      await transaction.save(task);
      await transaction.insert(
        SharingTaskAssignee,
        people.map((employee) => ({
          taskId: task.id,
          employeeId: employee.id,
          organizationId: staff.organizationId,
          departmentId: employee.departmentId,
          notifiedAt: null,
        })),
      );
    });
    await this.notifier.notifyAssigned(task, material, people);
    return this.detail(staff, task.id);
  }

  async list(staff: StaffPrincipal): Promise<SharingTaskListResponse> {
    const reach = await this.reachOf(staff);
    const tasks = await this.tasks.find({
      where: { organizationId: staff.organizationId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: TASKS_LISTED,
    });
    const assignees = await this.assigneesOf(tasks, reach);
    const visible = tasks.filter((task) => (assignees.get(task.id) ?? []).length > 0);
    const lookups = await this.lookups(staff.organizationId, visible, []);
    const items: SharingTaskDto[] = [];
    for (const task of visible) {
      const mine = assignees.get(task.id)!;
      items.push(this.summary(task, lookups, mine, await this.progressOf(task, mine)));
    }
    return { items };
  }

  async detail(staff: StaffPrincipal, taskId: string): Promise<SharingTaskDetail> {
    const reach = await this.reachOf(staff);
    const task = await this.visibleTask(staff, reach, taskId);
    const assignees = (await this.assigneesOf([task], reach)).get(task.id)!;
    const lookups = await this.lookups(staff.organizationId, [task], assignees);
    const progress = await this.progressOf(task, assignees);
    const goal = goalOf(task);

    const rows: TaskAssigneeProgress[] = assignees.map((assignee) => {
      const employee = lookups.staff.get(assignee.employeeId);
      const counts = progress.get(assignee.employeeId)!;
      return {
        employeeId: assignee.employeeId,
        name: employee?.name ?? '已删除的员工',
        title: employee?.title ?? '',
        departmentId: assignee.departmentId,
        departmentName: departmentName(reach.departments, assignee.departmentId),
        progress: counts,
        done: goalReached(counts, goal),
      };
    });
    rows.sort(
      (a, b) =>
        b.progress.views - a.progress.views ||
        b.progress.shares - a.progress.shares ||
        a.name.localeCompare(b.name, 'zh'),
    );
    return {
      ...this.summary(task, lookups, assignees, progress),
      departments: departmentProgress(reach.departments, rows, goal),
      assigneeProgress: rows,
    };
  }

  /** Ends a task before its deadline: progress stops counting now. Admins close any, managers their own. */
  async close(staff: StaffPrincipal, taskId: string): Promise<SharingTaskDetail> {
    const task = await this.visibleTask(staff, await this.reachOf(staff), taskId);
    if (!roleAtLeast(staff.role, 'admin') && task.createdByEmployeeId !== staff.employeeId) {
      throw new ForbiddenException('只能结束自己创建的任务');
    }
    if (task.status === 'active') {
      await this.tasks.update({ id: task.id }, { status: 'closed', closedAt: new Date() });
    }
    return this.detail(staff, task.id);
  }

  /** The caller's own tasks that are still open, nearest deadline first. */
  async mine(staff: StaffPrincipal): Promise<MyTasksResponse> {
    const assigned = await this.assignees.findBy({
      organizationId: staff.organizationId,
      employeeId: staff.employeeId,
    });
    if (assigned.length === 0) return { items: [] };
    const tasks = await this.tasks.find({
      where: {
        organizationId: staff.organizationId,
        id: In(assigned.map((assignee) => assignee.taskId)),
        status: 'active',
        deadline: MoreThan(new Date()),
      },
      order: { deadline: 'ASC', id: 'ASC' },
    });
    const { materials } = await this.lookups(staff.organizationId, tasks, []);
    const items = [];
    for (const task of tasks) {
      const progress = (
        await this.activity.sharingBetween(
          task.organizationId,
          task.materialId,
          [staff.employeeId],
          task.startsAt,
          task.deadline,
        )
      ).get(staff.employeeId)!;
      items.push({
        id: task.id,
        title: task.title,
        note: task.note,
        material: this.taskMaterial(task, materials),
        deadline: task.deadline.toISOString(),
        goal: goalOf(task),
        progress,
        done: goalReached(progress, goalOf(task)),
      });
    }
    return { items };
  }

  private async reachOf(staff: StaffPrincipal): Promise<Reach> {
    const departments = await this.directory.departmentsOf(staff.organizationId);
    if (roleAtLeast(staff.role, 'admin')) return { departments, departmentIds: null };
    const [me] = await this.directory.findByIds(staff.organizationId, [staff.employeeId]);
    if (!me?.departmentId) throw new ForbiddenException('你还没有所属部门，请联系管理员设置后再布置任务');
    return { departments, departmentIds: new Set(departmentSubtreeIds(departments, [me.departmentId])) };
  }

  /** Everyone in the chosen departments (sub-departments included) and the chosen people, once each. */
  private async assigneesFor(staff: StaffPrincipal, reach: Reach, input: TaskInput): Promise<Employee[]> {
    const knownDepartments = new Set(reach.departments.map((department) => department.id));
    const unknownDepartment = input.departmentIds.find((id) => !knownDepartments.has(id));
    if (unknownDepartment) {
      throw new BadRequestException({
        message: '所选部门不存在',
        fields: [{ path: 'departmentIds', message: `department ${unknownDepartment} does not exist` }],
      });
    }
    const everyone = await this.directory.assignableStaffOf(staff.organizationId);
    const byId = new Map(everyone.map((employee) => [employee.id, employee]));
    const unknownEmployee = input.employeeIds.find((id) => !byId.has(id));
    if (unknownEmployee) {
      throw new BadRequestException({
        message: '所选员工不存在或已停用',
        fields: [
          { path: 'employeeIds', message: `employee ${unknownEmployee} does not exist or is disabled` },
        ],
      });
    }
    const outOfReach =
      input.departmentIds.some((id) => !withinReach(reach, id)) ||
      input.employeeIds.some((id) => !withinReach(reach, byId.get(id)!.departmentId));
    if (outOfReach) throw new ForbiddenException('只能给本部门及下级部门的员工布置任务');

    const departments = new Set(departmentSubtreeIds(reach.departments, input.departmentIds));
    const chosen = new Set(input.employeeIds);
    const people = everyone.filter(
      (employee) =>
        chosen.has(employee.id) || (employee.departmentId !== null && departments.has(employee.departmentId)),
    );
    if (people.length === 0) {
      throw new BadRequestException({
        message: '所选部门里还没有员工',
        fields: [{ path: 'departmentIds', message: 'the chosen departments have no staff' }],
      });
    }
    return people;
  }

  /** A task of the caller's organization with at least one assignee within their reach; else 404. */
  private async visibleTask(staff: StaffPrincipal, reach: Reach, taskId: string): Promise<SharingTask> {
    const task = await findInOrganization(this.tasks, staff.organizationId, { id: taskId }, TASK_NOT_FOUND);
    if (((await this.assigneesOf([task], reach)).get(task.id) ?? []).length === 0)
      throw new NotFoundException(TASK_NOT_FOUND);
    return task;
  }

  /** The assignees of each task that the caller may see. */
  private async assigneesOf(tasks: SharingTask[], reach: Reach): Promise<Map<string, SharingTaskAssignee[]>> {
    if (tasks.length === 0) return new Map();
    const rows = await this.assignees.find({
      where: { taskId: In(tasks.map((task) => task.id)) },
      order: { employeeId: 'ASC' },
    });
    const byTask = new Map<string, SharingTaskAssignee[]>();
    for (const row of rows) {
      if (!withinReach(reach, row.departmentId)) continue;
      byTask.set(row.taskId, [...(byTask.get(row.taskId) ?? []), row]);
    }
    return byTask;
  }

  private async lookups(
    organizationId: string,
    tasks: SharingTask[],
    assignees: SharingTaskAssignee[],
  ): Promise<Lookups> {
    const materials = await this.materials.findManyInOrganization(
      organizationId,
      tasks.map((task) => task.materialId),
    );
    const staff = await this.directory.findByIds(organizationId, [
      ...tasks.map((task) => task.createdByEmployeeId),
      ...assignees.map((assignee) => assignee.employeeId),
    ]);
    return {
      materials: new Map(materials.map((material) => [material.id, material])),
      staff: new Map(staff.map((employee) => [employee.id, employee])),
    };
  }

  private progressOf(task: SharingTask, assignees: SharingTaskAssignee[]): Promise<Map<string, ShareCounts>> {
    return this.activity.sharingBetween(
      task.organizationId,
      task.materialId,
      assignees.map((assignee) => assignee.employeeId),
      task.startsAt,
      periodEnd(task),
    );
  }

  private summary(
    task: SharingTask,
    lookups: Lookups,
    assignees: SharingTaskAssignee[],
    progress: Map<string, ShareCounts>,
  ): SharingTaskDto {
    const goal = goalOf(task);
    const counts = assignees.map((assignee) => progress.get(assignee.employeeId)!);
    return {
      id: task.id,
      title: task.title,
      note: task.note,
      material: this.taskMaterial(task, lookups.materials),
      status: task.status,
      startsAt: task.startsAt.toISOString(),
      deadline: task.deadline.toISOString(),
      closedAt: task.closedAt?.toISOString() ?? null,
      createdBy: {
        id: task.createdByEmployeeId,
        name: lookups.staff.get(task.createdByEmployeeId)?.name ?? '已删除的员工',
      },
      goal,
      assignees: assignees.length,
      completed: counts.filter((count) => goalReached(count, goal)).length,
      progress: sum(counts),
      createdAt: task.createdAt.toISOString(),
    };
  }

  private taskMaterial(task: SharingTask, materials: Map<string, Material>): TaskMaterial {
    const material = materials.get(task.materialId);
    if (!material) return { id: task.materialId, title: '已删除的物料', type: 'article', coverUrl: null };
    return {
      id: material.id,
      title: material.title,
      type: material.type,
      coverUrl: this.materials.toDto(material).coverUrl,
    };
  }
}

const goalOf = (task: SharingTask): ShareProgress => ({ shares: task.goalShares, views: task.goalViews });

/** Progress counts until the deadline, or until the task was closed if that came first. */
const periodEnd = (task: SharingTask): Date =>
  task.closedAt && task.closedAt < task.deadline ? task.closedAt : task.deadline;

const sum = (counts: ShareProgress[]): ShareProgress =>
  counts.reduce(
    (total, count) => ({ shares: total.shares + count.shares, views: total.views + count.views }),
    {
      shares: 0,
      views: 0,
    },
  );

function departmentName(departments: Department[], departmentId: string | null): string {
  if (departmentId === null) return '未分配部门';
  return departmentPath(departments, departmentId).join(' / ') || '已删除的部门';
}

/** Assignees grouped by the department they were in when assigned, in the organization's department order. */
function departmentProgress(
  departments: Department[],
  rows: TaskAssigneeProgress[],
  goal: ShareProgress,
): TaskDepartmentProgress[] {
  const order = new Map(departments.map((department, index) => [department.id, index]));
  const groups = new Map<string | null, TaskAssigneeProgress[]>();
  for (const row of rows) groups.set(row.departmentId, [...(groups.get(row.departmentId) ?? []), row]);
  return [...groups.entries()]
    .sort(
      ([a], [b]) =>
        (order.get(a ?? '') ?? Number.MAX_SAFE_INTEGER) - (order.get(b ?? '') ?? Number.MAX_SAFE_INTEGER),
    )
    .map(([departmentId, members]) => ({
      departmentId,
      name: members[0]!.departmentName,
      assignees: members.length,
      completed: members.filter((member) => member.done).length,
      progress: sum(members.map((member) => member.progress)),
      goal: { shares: goal.shares * members.length, views: goal.views * members.length },
    }));
}
