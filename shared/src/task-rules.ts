import type { ShareProgress } from './api-tasks';

/** A department as the tree needs it. */
export interface DepartmentNode {
  id: string;
  parentId: string | null;
  name: string;
}

/**
 * The given departments and every department below them. A parent link that loops (corrupt data) is
 * walked once, not forever.
 */
export function departmentSubtree(
  departments: readonly DepartmentNode[],
  rootIds: readonly string[],
): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const department of departments) {
    if (department.parentId === null) continue;
    childrenOf.set(department.parentId, [...(childrenOf.get(department.parentId) ?? []), department.id]);
  }
  const reached = new Set<string>();
  const pending = [...rootIds];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(childrenOf.get(id) ?? []));
  }
  return reached;
}

/**
 * The departments parents first, each followed by its sub-departments (depth first), siblings in the given
 * order. Departments whose parent is missing are treated as top-level.
 */
export function departmentsInTreeOrder<T extends DepartmentNode>(departments: readonly T[]): T[] {
  const ids = new Set(departments.map((department) => department.id));
  const childrenOf = new Map<string | null, T[]>();
  for (const department of departments) {
    const parentId =
      department.parentId !== null && ids.has(department.parentId) ? department.parentId : null;
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), department]);
  }
  const ordered: T[] = [];
  const visit = (parentId: string | null) => {
    for (const department of childrenOf.get(parentId) ?? []) {
      if (ordered.includes(department)) continue;
      ordered.push(department);
      visit(department.id);
    }
  };
  visit(null);
  return ordered;
}

/** "销售部 / 华东组": the department's name under its ancestors'. */
export function departmentPath(departments: readonly DepartmentNode[], id: string): string {
  const byId = new Map(departments.map((department) => [department.id, department]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (
    let current = byId.get(id);
    current && !seen.has(current.id);
    current = byId.get(current.parentId ?? '')
  ) {
    seen.add(current.id);
    names.unshift(current.name);
  }
  return names.join(' / ');
}

/** An assignee is done when every goal the task sets (a goal of 0 is none) is reached. */
export function goalReached(progress: ShareProgress, goal: ShareProgress): boolean {
  return progress.shares >= goal.shares && progress.views >= goal.views;
}

/** Progress toward one goal as a fraction 0–1 for a bar; a goal of 0 counts as reached. */
export function goalFraction(done: number, goal: number): number {
  if (goal <= 0) return 1;
  return Math.min(1, done / goal);
}

/** "分享 3 次 · 浏览 20 次": the per-person goal as the notification and the pages word it. */
export function describeGoal(goal: ShareProgress): string {
  return [goal.shares > 0 ? `分享 ${goal.shares} 次` : null, goal.views > 0 ? `浏览 ${goal.views} 次` : null]
    .filter((part) => part !== null)
    .join(' · ');
}
