import { Injectable, Logger } from '@nestjs/common';
import type { RescoreProgress } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { OrganizationJobQueue } from '../common/jobs/organization-job-queue';
import { VisitorsService } from '../visitors/visitors.service';
import { LeadScorer, RESCORE_BATCH, SCORING_LOOKBACK_DAYS } from './lead-scorer';

/**
 * Re-scores an organization's recent visitors after its rules change, in the background, one batch at a
 * time so ingest keeps flowing; the console polls the progress. One job per organization at a time: a new
 * change starts over.
 */
@Injectable()
export class RescoreJobs {
  private readonly logger = new Logger(RescoreJobs.name);
  private readonly jobs = new OrganizationJobQueue<RescoreProgress>();

  constructor(
    private readonly visitors: VisitorsService,
    private readonly scorer: LeadScorer,
  ) {}

  progressOf(organizationId: string): RescoreProgress | null {
    return this.jobs.progressOf(organizationId) ?? null;
  }

  /** Resolves when the organization's current job has finished (tests, shutdown). */
  finished(organizationId: string): Promise<void> {
    return this.jobs.finished(organizationId);
  }

  start(organizationId: string): RescoreProgress {
    const progress: RescoreProgress = {
      id: randomUUID(),
      status: 'running',
      total: 0,
      processed: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    return this.jobs.enqueue(organizationId, progress, () => this.run(organizationId, progress));
  }

  private async run(organizationId: string, progress: RescoreProgress): Promise<void> {
    try {
      const since = new Date(Date.now() - SCORING_LOOKBACK_DAYS * 86_400_000);
      const visitorIds = await this.visitors.idsSeenSince(organizationId, since);
      progress.total = visitorIds.length;
      for (let start = 0; start < visitorIds.length; start += RESCORE_BATCH) {
        // A newer change supersedes this job.
        if (this.jobs.isSuperseded(organizationId, progress)) return;
        const batch = visitorIds.slice(start, start + RESCORE_BATCH);
        await this.scorer.rescoreMany(organizationId, batch);
        progress.processed += batch.length;
      }
      progress.status = 'done';
    } catch (error) {
      progress.status = 'failed';
      this.logger.error(`re-scoring ${organizationId} failed: ${String(error)}`);
    } finally {
      progress.finishedAt = new Date().toISOString();
    }
  }
}
