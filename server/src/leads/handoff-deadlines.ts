import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type HandoffSettings, handoffReminderReason, handoffReturnReason } from '@cardhub/shared';
import { IsNull, Repository } from 'typeorm';
import { LeadStageChange } from './entities/lead-stage-change.entity';
import { Lead } from './entities/lead.entity';
import { HandoffSettingsService } from './handoff-settings.service';
import { LeadAlerts } from './lead-alerts';
import { PeriodicRun } from '../common/jobs/periodic-run';

/** How often the deadlines are checked; a reminder is at most this late. */
const CHECK_EVERY_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
/** Customers and lost leads are settled: no deadline applies to them. */
const OPEN_STAGES = ['visitor', 'mql', 'sql'] as const;

/**
 * Hand-off deadlines (交接时限): an SQL lead its owner has not followed up within the organization's hours
 * reminds them once in WeChat; a lead untouched for its days after assignment returns to the pool (公海).
 * Both are written into the lead's history. "Followed up" is a note or a stage change by the owner.
 */
@Injectable()
export class HandoffDeadlines implements OnModuleInit, OnModuleDestroy {
  private readonly schedule = new PeriodicRun('hand-off deadlines', CHECK_EVERY_MS, (now) => this.runAt(now));

  constructor(
    private readonly settings: HandoffSettingsService,
    private readonly alerts: LeadAlerts,
    @InjectRepository(Lead) private readonly leads: Repository<Lead>,
    @InjectRepository(LeadStageChange) private readonly stageChanges: Repository<LeadStageChange>,
  ) {}

  onModuleInit(): void {
    this.schedule.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.schedule.stop();
  }

  /** Applies every organization's deadlines as of `now` (the timer passes the clock; tests pass theirs). */
  async runAt(now: Date): Promise<void> {
    const organizations: { organizationId: string }[] = await this.leads
      .createQueryBuilder('lead')
      .select('DISTINCT lead.organizationId', 'organizationId')
      .where('lead.ownerEmployeeId IS NOT NULL')
      .andWhere('lead.stage IN (:...open)', { open: OPEN_STAGES })
      .getRawMany();
    for (const { organizationId } of organizations) {
      const { settings } = await this.settings.settingsOf(organizationId);
      await this.remindOwners(organizationId, settings, now);
      await this.returnToPool(organizationId, settings, now);
    }
  }

  private async remindOwners(organizationId: string, settings: HandoffSettings, now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - settings.sqlFollowUpHours * HOUR_MS);
    const due = await this.leads
      .createQueryBuilder('lead')
      .where('lead.organizationId = :organizationId', { organizationId })
      .andWhere("lead.stage = 'sql'")
      .andWhere('lead.ownerEmployeeId IS NOT NULL')
      .andWhere('lead.reminderSentAt IS NULL')
      .andWhere('lead.assignedAt <= :cutoff', { cutoff })
      .andWhere('(lead.sqlAt IS NULL OR lead.sqlAt <= :cutoff)', { cutoff })
      .getMany();
    const reason = handoffReminderReason(settings.sqlFollowUpHours);
    for (const lead of due) {
      // The clock starts when the owner had both the lead and its SQL stage; a later follow-up stops it.
      const from = Math.max(lead.assignedAt!.getTime(), lead.sqlAt?.getTime() ?? 0);
      if (lead.lastFollowedUpAt && lead.lastFollowedUpAt.getTime() >= from) continue;
      // Conditional, so two instances checking at once send one reminder.
      const claimed = await this.leads.update(
        { id: lead.id, reminderSentAt: IsNull() },
        { reminderSentAt: now },
      );
      if (!claimed.affected) continue;
      await this.record(lead, reason, now);
      await this.alerts.tellOwner(lead, reason);
    }
  }

  private async returnToPool(organizationId: string, settings: HandoffSettings, now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - settings.returnToPoolDays * 24 * HOUR_MS);
    const due = await this.leads
      .createQueryBuilder('lead')
      .where('lead.organizationId = :organizationId', { organizationId })
      .andWhere('lead.stage IN (:...open)', { open: OPEN_STAGES })
      .andWhere('lead.ownerEmployeeId IS NOT NULL')
      .andWhere('lead.assignedAt <= :cutoff', { cutoff })
      .andWhere('(lead.lastFollowedUpAt IS NULL OR lead.lastFollowedUpAt < lead.assignedAt)')
      .getMany();
    const reason = handoffReturnReason(settings.returnToPoolDays);
    for (const lead of due) {
      // Only if nobody claimed, assigned or followed it up meanwhile.
      const returned = await this.leads.update(
        { id: lead.id, ownerEmployeeId: lead.ownerEmployeeId!, assignedAt: lead.assignedAt! },
        { ownerEmployeeId: null, assignedAt: null, reminderSentAt: null },
      );
      if (returned.affected) await this.record(lead, reason, now);
    }
  }

  private record(lead: Lead, reason: string, now: Date) {
    return this.stageChanges.insert({
      organizationId: lead.organizationId,
      leadId: lead.id,
      fromStage: lead.stage,
      toStage: lead.stage,
      byEmployeeId: null,
      reason,
      createdAt: now,
    });
  }
}
