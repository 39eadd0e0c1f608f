import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_HANDOFF_SETTINGS, type HandoffSettings } from '@cardhub/shared';
import { Repository } from 'typeorm';
import { HandoffSettingsRow } from './entities/handoff-settings.entity';

/** Each organization's hand-off deadlines, the defaults until an admin changes them. */
@Injectable()
export class HandoffSettingsService {
  constructor(
    @InjectRepository(HandoffSettingsRow) private readonly settings: Repository<HandoffSettingsRow>,
  ) {}

  async settingsOf(organizationId: string): Promise<{ settings: HandoffSettings; updatedAt: Date | null }> {
    const row = await this.settings.findOneBy({ organizationId });
    return row
      ? {
          settings: { sqlFollowUpHours: row.sqlFollowUpHours, returnToPoolDays: row.returnToPoolDays },
          updatedAt: row.updatedAt,
        }
      : { settings: DEFAULT_HANDOFF_SETTINGS, updatedAt: null };
  }

  async save(organizationId: string, settings: HandoffSettings, employeeId: string): Promise<Date> {
    const saved = await this.settings.save(
      this.settings.create({ organizationId, ...settings, updatedByEmployeeId: employeeId }),
    );
    // TypeORM skips the UPDATE of a row saved unchanged and leaves updatedAt unset: it is the stored one.
    return saved.updatedAt ?? (await this.settings.findOneByOrFail({ organizationId })).updatedAt;
  }
}
