import { forEachAtMost } from './for-each-at-most';

describe('forEachAtMost', () => {
  it('runs every item once, never more than the limit at a time, starting them in order', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const started: number[] = [];
    await forEachAtMost([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      started.push(item);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 5 + (item % 3)));
      running -= 1;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(mostAtOnce).toBe(3);
    expect(running).toBe(0);
  });

  it('does nothing for no items', async () => {
    const task = jest.fn(async () => undefined);
    await forEachAtMost([], 4, task);
    expect(task).not.toHaveBeenCalled();
  });
});
