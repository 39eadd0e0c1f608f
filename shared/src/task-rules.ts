import type { ShareProgress } from './api-tasks';

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
