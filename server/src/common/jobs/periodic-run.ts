import { Logger } from '@nestjs/common';

/**
 * Runs a job on a timer while the server runs: never two runs at once, never keeping a stopping process alive,
 * and a run in progress is waited for at shutdown. The job gets the clock, so tests can run it with theirs.
 */
export class PeriodicRun {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly job: (now: Date) => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.job(new Date())
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`${this.name} failed: ${String(error)}`))
      .finally(() => (this.running = null));
    await this.running;
  }
}
