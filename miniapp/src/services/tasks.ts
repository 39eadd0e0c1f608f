import type {
  CreateSharingTaskInput,
  MaterialListResponse,
  MyTasksResponse,
  SharingTaskDetail,
  SharingTaskListResponse,
  TaskTargetsResponse,
} from '@cardhub/shared';
import { request } from './request';

/** The console's task list (a manager sees the tasks of their department subtree). */
export function fetchTasks(): Promise<SharingTaskListResponse> {
  return request<SharingTaskListResponse>('GET', '/api/tasks');
}

export function fetchTask(taskId: string): Promise<SharingTaskDetail> {
  return request<SharingTaskDetail>('GET', `/api/tasks/${encodeURIComponent(taskId)}`);
}

/** The departments and people the signed-in admin or manager may assign a task to. */
export function fetchTaskTargets(): Promise<TaskTargetsResponse> {
  return request<TaskTargetsResponse>('GET', '/api/tasks/targets');
}

/** The published materials a task can ask staff to share, newest first. */
export function fetchShareableMaterials(): Promise<MaterialListResponse> {
  return request<MaterialListResponse>('GET', '/api/materials?status=published&limit=50');
}

export function createTask(input: CreateSharingTaskInput): Promise<SharingTaskDetail> {
  return request<SharingTaskDetail>('POST', '/api/tasks', input);
}

export function closeTask(taskId: string): Promise<SharingTaskDetail> {
  // An empty object, not no body: the server refuses an empty body sent as JSON.
  return request<SharingTaskDetail>('POST', `/api/tasks/${encodeURIComponent(taskId)}/close`, {});
}

/** My open tasks, nearest deadline first (employees, in the mini-program). */
export function fetchMyTasks(): Promise<MyTasksResponse> {
  return request<MyTasksResponse>('GET', '/api/me/tasks');
}
