import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RebuildProgress } from '@cardhub/shared';
import type { DataSource } from 'typeorm';
import { OrganizationJobQueue } from '../common/jobs/organization-job-queue';
import { RollupRebuild } from './rollup-rebuild';
import { RollupWriter } from './rollup-writer';

const IDLE: RebuildProgress = { state: 'idle', processed: 0, total: 0, startedAt: null, finishedAt: null };

/**
 * Rebuilds an organization's rollups in the background after a settings change that alters its figures; the
 * console polls the progress. A change during a rebuild queues another one, which starts over.
 */
@Injectable()
export class RebuildJobs {
  private readonly logger = new Logger(RebuildJobs.name);
  private readonly jobs = new OrganizationJobQueue<RebuildProgress>();
  private readonly rebuild: RollupRebuild;

  constructor(@InjectDataSource() dataSource: DataSource, writer: RollupWriter) {
    this.rebuild = new RollupRebuild(dataSource, writer);
  }

  progressOf(organizationId: string): RebuildProgress {
    return this.jobs.progressOf(organizationId) ?? IDLE;
  }

  /** Resolves when the organization's rebuilds have finished (tests, shutdown). */
  finished(organizationId: string): Promise<void> {
    return this.jobs.finished(organizationId);
  }

  start(organizationId: string): RebuildProgress {
    const progress: RebuildProgress = {
      state: 'running',
      processed: 0,
      total: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    return this.jobs.enqueue(organizationId, progress, () => this.run(organizationId, progress));
  }

  private async run(organizationId: string, progress: RebuildProgress): Promise<void> {
    try {
      await this.rebuild.run(organizationId, (processed, total) =>
        Object.assign(progress, { processed, total }),
      );
      progress.state = 'idle';
    } catch (error) {
      progress.state = 'failed';
      this.logger.error(`rebuilding the rollups of ${organizationId} failed: ${String(error)}`);
    } finally {
      progress.finishedAt = new Date().toISOString();
    }
  }
}
