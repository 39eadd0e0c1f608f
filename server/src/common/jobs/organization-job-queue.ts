/**
 * Background jobs of one kind, one organization's at a time: a job started while another runs waits for it, and
 * the progress shown is the newest job's, so the console polls one thing and a superseded job can tell.
 */
export class OrganizationJobQueue<Progress> {
  private readonly latest = new Map<string, Progress>();
  private readonly running = new Map<string, Promise<void>>();

  progressOf(organizationId: string): Progress | undefined {
    return this.latest.get(organizationId);
  }

  /** Whether a newer job of the organization has been started since this one. */
  isSuperseded(organizationId: string, progress: Progress): boolean {
    return this.latest.get(organizationId) !== progress;
  }

  /** Resolves when the organization's jobs have finished (tests, shutdown). */
  async finished(organizationId: string): Promise<void> {
    await this.running.get(organizationId);
  }

  /** Queues `work` after the organization's running job; `progress` is what `work` updates as it goes. */
  enqueue(organizationId: string, progress: Progress, work: () => Promise<void>): Progress {
    this.latest.set(organizationId, progress);
    const previous = this.running.get(organizationId) ?? Promise.resolve();
    this.running.set(organizationId, previous.then(work));
    return progress;
  }
}
