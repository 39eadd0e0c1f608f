import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BoardSettings, BoardSettingsResponse } from '@cardhub/shared';
import { Repository } from 'typeorm';
import { Organization } from '../org/entities/organization.entity';
import { RebuildJobs } from './rebuild-jobs';

/** The organization's board settings; a change that alters the figures rebuilds its rollups in the background. */
@Injectable()
export class BoardSettingsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly jobs: RebuildJobs,
  ) {}

  async get(organizationId: string): Promise<BoardSettingsResponse> {
    const organization = await this.organizations.findOneByOrFail({ id: organizationId });
    return {
      timeZone: organization.timezone,
      creditSplit: organization.creditSplit,
      rebuild: this.jobs.progressOf(organizationId),
    };
  }

  async update(organizationId: string, settings: BoardSettings): Promise<BoardSettingsResponse> {
    const organization = await this.organizations.findOneByOrFail({ id: organizationId });
    const changed =
      organization.timezone !== settings.timeZone || organization.creditSplit !== settings.creditSplit;
    if (changed) {
      await this.organizations.update(
        { id: organizationId },
        { timezone: settings.timeZone, creditSplit: settings.creditSplit },
      );
      this.jobs.start(organizationId);
    }
    return this.get(organizationId);
  }
}
