import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_RETENTION_SETTINGS, type RetentionRun, type RetentionSettings } from '@cardhub/shared';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Organization } from '../org/entities/organization.entity';
import { EventLog } from '../tracking/event-log';
import { VisitorsService } from '../visitors/visitors.service';
import { RetentionSettingsRow } from './entities/retention-settings.entity';
import { PeriodicRun } from '../common/jobs/periodic-run';

/** Personal data past its limit waits at most this long. */
const PURGE_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Retention (保存期限): every hour, each organization's visitors unseen for longer than its limit are erased
 * exactly as a person's own erasure does, and raw event details (user agents, typed form fields) older than
 * its limit are stripped. Counts stay. Running it again changes nothing more.
 */
@Injectable()
export class RetentionPurge implements OnModuleInit, OnModuleDestroy {
  private readonly schedule = new PeriodicRun('retention purge', PURGE_EVERY_MS, (now) => this.runAt(now));

  constructor(
    private readonly visitors: VisitorsService,
    private readonly eventLog: EventLog,
    private readonly audit: AuditService,
    @InjectRepository(RetentionSettingsRow) private readonly settings: Repository<RetentionSettingsRow>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
  ) {}

  onModuleInit(): void {
    this.schedule.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.schedule.stop();
  }

  async settingsOf(organizationId: string): Promise<{ settings: RetentionSettings; updatedAt: Date | null }> {
    const row = await this.settings.findOneBy({ organizationId });
    return row
      ? {
          settings: { inactiveVisitorDays: row.inactiveVisitorDays, rawEventDays: row.rawEventDays },
          updatedAt: row.updatedAt,
        }
      : { settings: DEFAULT_RETENTION_SETTINGS, updatedAt: null };
  }

  async save(organizationId: string, settings: RetentionSettings, employeeId: string): Promise<Date> {
    const saved = await this.settings.save(
      this.settings.create({ organizationId, ...settings, updatedByEmployeeId: employeeId }),
    );
    // TypeORM skips the UPDATE of a row saved unchanged and leaves updatedAt unset: it is the stored one.
    return saved.updatedAt ?? (await this.settings.findOneByOrFail({ organizationId })).updatedAt;
  }

  /** Applies every organization's limits as of `now` (the timer passes the clock; tests pass theirs). */
  async runAt(now: Date): Promise<Map<string, RetentionRun>> {
    const runs = new Map<string, RetentionRun>();
    const organizations = await this.organizations.find({ select: { id: true } });
    for (const { id } of organizations) runs.set(id, await this.purge(id, now));
    return runs;
  }

  private async purge(organizationId: string, now: Date): Promise<RetentionRun> {
    const { settings } = await this.settingsOf(organizationId);
    const inactiveSince = new Date(now.getTime() - settings.inactiveVisitorDays * DAY_MS);
    const stale = await this.visitors.idsInactiveBefore(organizationId, inactiveSince);
    for (const visitorId of stale) await this.visitors.erase(organizationId, visitorId, now);
    const eventsStripped = await this.eventLog.stripPersonalDetails(organizationId, {
      receivedBefore: new Date(now.getTime() - settings.rawEventDays * DAY_MS),
    });
    const run = { at: now.toISOString(), visitorsErased: stale.length, eventsStripped };
    if (stale.length > 0 || eventsStripped > 0) {
      await this.audit.recordUnattended(organizationId, 'retention', 'retention.purge', 'organization', {
        visitorsErased: stale.length,
        eventsStripped,
        inactiveVisitorDays: settings.inactiveVisitorDays,
        rawEventDays: settings.rawEventDays,
      });
    }
    return run;
  }
}
