import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '@cardhub/shared';
import { Repository } from 'typeorm';
import { ScoringSettings } from './entities/scoring-settings.entity';

/** Each organization's scoring rules, the defaults until an admin changes them. */
@Injectable()
export class ScoringSettingsService {
  constructor(@InjectRepository(ScoringSettings) private readonly settings: Repository<ScoringSettings>) {}

  async configOf(organizationId: string): Promise<{ config: ScoringConfig; updatedAt: Date | null }> {
    const row = await this.settings.findOneBy({ organizationId });
    return row
      ? { config: row.config, updatedAt: row.updatedAt }
      : { config: DEFAULT_SCORING_CONFIG, updatedAt: null };
  }

  async save(organizationId: string, config: ScoringConfig, employeeId: string): Promise<Date> {
    const saved = await this.settings.save(
      this.settings.create({ organizationId, config, updatedByEmployeeId: employeeId }),
    );
    // TypeORM skips the UPDATE of a row saved unchanged and leaves updatedAt unset: it is the stored one.
    return saved.updatedAt ?? (await this.settings.findOneByOrFail({ organizationId })).updatedAt;
  }
}
