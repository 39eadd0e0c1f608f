import { OrganizationJobQueue } from './organization-job-queue';

describe('OrganizationJobQueue', () => {
  it("runs one organization's jobs one after another, shows the newest, and tells the older one it was superseded", async () => {
    const queue = new OrganizationJobQueue<{ job: string }>();
    const log: string[] = [];
    let finishFirst!: () => void;
    const first = { job: 'first' };
    const second = { job: 'second' };
    queue.enqueue('org-a', first, async () => {
      log.push('first started');
      await new Promise<void>((done) => (finishFirst = done));
      log.push(`first superseded: ${queue.isSuperseded('org-a', first)}`);
    });
    queue.enqueue('org-a', second, async () => {
      log.push('second started');
    });
    // Another organization's job does not wait for org-a's.
    queue.enqueue('org-b', { job: 'other' }, async () => {
      log.push('other started');
    });
    await queue.finished('org-b');
    expect(queue.progressOf('org-a')).toBe(second);
    finishFirst();
    await queue.finished('org-a');
    expect(log).toEqual(['first started', 'other started', 'first superseded: true', 'second started']);
    expect(queue.isSuperseded('org-a', second)).toBe(false);
    expect(queue.progressOf('org-c')).toBeUndefined();
  });
});
