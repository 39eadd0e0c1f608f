import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { describeGoal } from '@cardhub/shared';
import { In, Repository } from 'typeorm';
import { AppConfig } from '../common/config';
import type { Material } from '../materials/entities/material.entity';
import type { Employee } from '../org/entities/employee.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { WechatClient } from '../wechat/wechat.client';
import { SharingTaskAssignee } from './entities/sharing-task-assignee.entity';
import type { SharingTask } from './entities/sharing-task.entity';

/** The mini-program page a task notification opens. */
export const MY_TASKS_PAGE = 'pages/tasks/index';

/** WeChat's `thing` fields hold at most 20 characters. */
const THING_MAX_LENGTH = 20;
const thing = (text: string) =>
  text.length <= THING_MAX_LENGTH ? text : `${text.slice(0, THING_MAX_LENGTH - 1)}…`;

/**
 * Tells assignees about a new task with a WeChat subscribe message. Best effort: staff without a WeChat
 * login are skipped, and a refusal or an unreachable WeChat is logged, never passed on to the task's creator.
 */
@Injectable()
export class TaskNotifier {
  private readonly logger = new Logger(TaskNotifier.name);

  constructor(
    private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly directory: OrgDirectory,
    @InjectRepository(SharingTaskAssignee) private readonly assignees: Repository<SharingTaskAssignee>,
  ) {}

  async notifyAssigned(task: SharingTask, material: Material, employees: Employee[]): Promise<void> {
    try {
      const openids = await this.directory.openidsOf(employees);
      const deadline = formatDeadline(task.deadline, await this.directory.timezoneOf(task.organizationId));
      const results = await Promise.allSettled(
        [...openids].map(async ([employeeId, openid]) => {
          await this.wechat.sendSubscribeMessage({
            toOpenId: openid,
            templateId: this.config.subscribeTemplates.taskAssigned,
            page: MY_TASKS_PAGE,
            data: {
              thing1: { value: thing(task.title) },
              thing2: { value: thing(material.title) },
              time3: { value: deadline },
              thing4: { value: thing(describeGoal({ shares: task.goalShares, views: task.goalViews })) },
            },
          });
          return employeeId;
        }),
      );
      const notified = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      if (failures.length > 0) {
        this.logger.warn(
          `Task ${task.id}: ${failures.length} of ${results.length} notifications failed (first: ${String(failures[0])})`,
        );
      }
      if (notified.length > 0) {
        await this.assignees.update(
          { taskId: task.id, employeeId: In(notified) },
          { notifiedAt: new Date() },
        );
      }
    } catch (error) {
      this.logger.warn(`Task ${task.id}: notifications not sent (${String(error)})`);
    }
  }
}

/** "2026-12-01 18:00" in the organization's time zone. */
function formatDeadline(deadline: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(deadline)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
