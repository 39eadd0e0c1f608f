import type { SharingTaskDto } from '@cardhub/shared';

/** 进行中 / 已截止 / 已结束, with the chip style that goes with it. */
export function taskStatus(task: Pick<SharingTaskDto, 'status' | 'deadline'>, now: Date) {
  if (task.status === 'closed') return { label: '已结束', tone: 'closed' } as const;
  if (Date.parse(task.deadline) <= now.getTime()) return { label: '已截止', tone: 'ended' } as const;
  return { label: '进行中', tone: 'active' } as const;
}

/** "60%": the share of assignees who reached every goal. */
export function completionRate(completed: number, assignees: number): string {
  return assignees === 0 ? '0%' : `${Math.round((completed / assignees) * 100)}%`;
}

export const taskUrl = (taskId: string) => `/pages/console/tasks/index?id=${encodeURIComponent(taskId)}`;
