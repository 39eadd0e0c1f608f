/**
 * The HTTP contract of sharing tasks (营销任务) and material statistics: request schemas and response types.
 */
import { z } from 'zod';
import type { MaterialStatus, MaterialType, ScrollDepth, ShareChannel } from './events';

// ---------- sharing tasks ----------

export const SHARING_TASK_STATUSES = ['active', 'closed'] as const;
export type SharingTaskStatus = (typeof SHARING_TASK_STATUSES)[number];

export const createSharingTaskSchema = z
  .object({
    title: z.string().trim().min(1, 'is required').max(40),
    materialId: z.uuid('must be the id of a published material'),
    note: z.string().trim().max(300).default(''),
    /** Every member of these departments and of their sub-departments. */
    departmentIds: z.array(z.uuid()).max(100, 'at most 100 departments').default([]),
    employeeIds: z.array(z.uuid()).max(500, 'at most 500 employees').default([]),
    deadline: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
    /** Per assignee; 0 means no goal of that kind, but at least one goal is set. */
    goalShares: z.number().int().min(0).max(100).default(0),
    goalViews: z.number().int().min(0).max(100_000).default(0),
  })
  .refine((task) => task.departmentIds.length + task.employeeIds.length > 0, {
    path: ['departmentIds'],
    message: 'choose at least one department or employee',
  })
  .refine((task) => task.goalShares + task.goalViews > 0, {
    path: ['goalShares'],
    message: 'set a goal for shares, views or both',
  });
export type CreateSharingTaskInput = z.input<typeof createSharingTaskSchema>;

/** What a task card shows of its material. */
export interface TaskMaterial {
  id: string;
  title: string;
  type: MaterialType;
  coverUrl: string | null;
}

/** Shares made and counted views earned; also a goal per assignee (0 = none). */
export interface ShareProgress {
  shares: number;
  views: number;
}

export interface SharingTaskDto {
  id: string;
  title: string;
  note: string;
  material: TaskMaterial;
  status: SharingTaskStatus;
  /** Progress counts from here (the creation)… */
  startsAt: string;
  /** …to here, or to the closing if the task was closed earlier. */
  deadline: string;
  closedAt: string | null;
  createdBy: { id: string; name: string };
  goal: ShareProgress;
  /** Assignees (as far as the caller may see: a manager sees their department's). */
  assignees: number;
  /** Assignees who reached every goal. */
  completed: number;
  /** Sums over those assignees. */
  progress: ShareProgress;
  createdAt: string;
}

export interface SharingTaskListResponse {
  items: SharingTaskDto[];
}

export interface TaskDepartmentProgress {
  /** Null for staff outside any department. */
  departmentId: string | null;
  /** The department's path, e.g. "销售部 / 华东组". */
  name: string;
  assignees: number;
  completed: number;
  progress: ShareProgress;
  /** The goal times the assignees: what the department reaches when everyone is done. */
  goal: ShareProgress;
}

export interface TaskAssigneeProgress {
  employeeId: string;
  name: string;
  title: string;
  departmentId: string | null;
  departmentName: string;
  progress: ShareProgress;
  done: boolean;
}

export interface SharingTaskDetail extends SharingTaskDto {
  departments: TaskDepartmentProgress[];
  assigneeProgress: TaskAssigneeProgress[];
}

/** An employee's own open task. */
export interface MyTaskDto {
  id: string;
  title: string;
  note: string;
  material: TaskMaterial;
  deadline: string;
  goal: ShareProgress;
  progress: ShareProgress;
  done: boolean;
}

export interface MyTasksResponse {
  items: MyTaskDto[];
}

/** Whom the caller may assign a task to: an admin the whole organization, a manager their department subtree. */
export interface TaskTargetsResponse {
  departments: { id: string; parentId: string | null; name: string; staff: number }[];
  employees: { id: string; name: string; title: string; departmentId: string | null }[];
}

// ---------- material statistics ----------

export const materialStatsListQuerySchema = z.object({
  /** Comma-separated material ids: the page of the console's materials table. */
  ids: z
    .string('is required')
    .trim()
    .transform((ids) => ids.split(',').filter((id) => id !== ''))
    .pipe(
      z
        .array(z.uuid('must be material ids separated by commas'))
        .min(1, 'is required')
        .max(100, 'at most 100 ids'),
    ),
});
export type MaterialStatsListQuery = z.input<typeof materialStatsListQuerySchema>;

/** The figures of the console's materials table. */
export interface MaterialStatsSummary {
  materialId: string;
  shares: number;
  /** Counted views (domain.md counting rules). */
  views: number;
  visitors: number;
}

export interface MaterialStatsListResponse {
  items: MaterialStatsSummary[];
}

/** How far a visit scrolled: the deepest mark it reported, 0 when it reported none. */
export type ScrollDepthReached = 0 | ScrollDepth;

/** One share in a material's chain tree, with the counted views it brought directly. */
export interface ShareChainNode {
  code: string;
  depth: number;
  channel: ShareChannel;
  /** The employee's name, or the forwarding visitor's label (访客 #3f2a until they consent to a name). */
  sharer: { kind: 'employee' | 'visitor'; label: string };
  views: number;
  createdAt: string;
  children: ShareChainNode[];
}

export interface MaterialTopSharer {
  employeeId: string;
  name: string;
  departmentName: string;
  /** Shares the employee made themselves. */
  shares: number;
  /** Counted views credited to them, forwards included. */
  views: number;
}

export interface MaterialStats {
  material: {
    id: string;
    title: string;
    type: MaterialType;
    status: MaterialStatus;
    coverUrl: string | null;
    publishedAt: string | null;
  };
  /** Shares by staff (their own and their forwards of colleagues' shares). */
  shares: number;
  views: number;
  visitors: number;
  /** Dwell per counted visit, in seconds (one decimal). */
  averageReadSeconds: number;
  /** The deepest scroll mark per counted visit (0 when none), averaged (one decimal). */
  averageReadDepth: number;
  /** Counted visits that scrolled to the end, and their share of all counted visits (0–1, three decimals). */
  fullReads: number;
  fullReadRate: number;
  /** Counted visits by the deepest mark they reached. */
  depthDistribution: { depth: ScrollDepthReached; visits: number }[];
  video: { plays: number; completions: number };
  /** Forwards by visitors: their forward shares, and forward actions that made no share. */
  forwards: number;
  /** The deepest share of the tree (0: nobody forwarded). */
  deepestChain: number;
  /** Leads whose first touch was a share of this material. */
  leads: number;
  topSharers: MaterialTopSharer[];
  /** Employees' shares with their forwards, the most viewed trees first. */
  chain: ShareChainNode[];
  /** Trees left out of `chain` to keep it readable. */
  chainOmitted: number;
}
