import { PACED_FROM_EVENTS, PACE_PER_EVENT_MS, PAUSE_SPREAD, RescorePacing } from './rescore-pacing';

describe('rescore pacing', () => {
  /** Each visitor's history size, as the fake rescore "reads" it; the rescores made, in order. */
  const history = new Map<string, number>();
  let rescored: string[];
  let pacing: RescorePacing;

  beforeEach(() => {
    jest.useFakeTimers();
    // Every pause its average length, unless a test draws otherwise.
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    history.clear();
    rescored = [];
    pacing = new RescorePacing(
      async (_organizationId, [visitorId]) => {
        rescored.push(visitorId!);
        pacing.scored(visitorId!, history.get(visitorId!) ?? 0);
      },
      (error) => {
        throw error;
      },
    );
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const arrive = (...visitorIds: string[]) =>
    pacing.stored(new Map(visitorIds.map((visitorId) => [visitorId, 'org'])));

  it('rescores a person browsing every time new events of theirs are stored', async () => {
    history.set('browsing', PACED_FROM_EVENTS - 1);
    await arrive('browsing');
    await arrive('browsing');
    expect(rescored).toEqual(['browsing', 'browsing']);
  });

  it('rescores a flooding visitor once per pause, with everything that arrived meanwhile', async () => {
    history.set('flood', 1_000);
    history.set('browsing', 3);
    await arrive('flood', 'browsing');
    await arrive('flood', 'browsing');
    await arrive('flood');
    // The flood waits for its pause (1,000 events × 10 ms); the person browsing does not.
    expect(rescored).toEqual(['flood', 'browsing', 'browsing']);

    await jest.advanceTimersByTimeAsync(1_000 * PACE_PER_EVENT_MS - 1);
    expect(rescored).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(rescored).toEqual(['flood', 'browsing', 'browsing', 'flood']);
    // Nothing new arrived since: no further rescore comes due.
    await jest.advanceTimersByTimeAsync(60_000);
    expect(rescored).toHaveLength(4);
  });

  it('spreads the turns of floods that began together over a quarter of the pause either side', async () => {
    const pause = 1_000 * PACE_PER_EVENT_MS;
    for (const flood of ['shortest', 'longest']) history.set(flood, 1_000);
    const draws = [0, 0.999];
    jest.spyOn(Math, 'random').mockImplementation(() => draws.shift() ?? 0.5);
    await arrive('shortest', 'longest');
    await arrive('shortest', 'longest');
    expect(rescored).toEqual(['shortest', 'longest']);

    const shortest = pause * (1 - PAUSE_SPREAD / 2);
    await jest.advanceTimersByTimeAsync(shortest - 1);
    expect(rescored).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    // One comes due at three quarters of the pause, the other at nearly one and a quarter: not both at once.
    expect(rescored).toEqual(['shortest', 'longest', 'shortest']);
    const longest = pause * (1 - PAUSE_SPREAD / 2 + 0.999 * PAUSE_SPREAD);
    await jest.advanceTimersByTimeAsync(longest - shortest - 1);
    expect(rescored).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(rescored).toEqual(['shortest', 'longest', 'shortest', 'longest']);
  });

  it('drains the waiting visitors at once when asked (shutdown, tests)', async () => {
    history.set('flood', 2_000);
    await arrive('flood');
    await arrive('flood');
    expect(rescored).toEqual(['flood']);
    await pacing.drain();
    expect(rescored).toEqual(['flood', 'flood']);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(rescored).toHaveLength(2);
  });

  it('goes back to rescoring at once when a history shrinks (events past the lookback, erasure)', async () => {
    history.set('visitor', 500);
    await arrive('visitor');
    history.set('visitor', 10);
    await jest.advanceTimersByTimeAsync(500 * PACE_PER_EVENT_MS);
    await arrive('visitor');
    await arrive('visitor');
    expect(rescored).toEqual(['visitor', 'visitor', 'visitor']);
  });

  it('rescores a paced visitor in a batch of its own, the others together', async () => {
    const batches: string[][] = [];
    const batching = new RescorePacing(
      async (_organizationId, visitorIds) => {
        batches.push(visitorIds);
        for (const visitorId of visitorIds) batching.scored(visitorId, history.get(visitorId) ?? 0);
      },
      (error) => {
        throw error;
      },
      10,
    );
    history.set('flood', 1_000);
    const arrive = (...visitorIds: string[]) =>
      batching.stored(new Map(visitorIds.map((visitorId) => [visitorId, 'org'])));
    // Its history is known once it has been rescored.
    await arrive('flood', 'a', 'b');
    await jest.advanceTimersByTimeAsync(1_000 * PACE_PER_EVENT_MS);
    await arrive('flood', 'a', 'b');
    expect(batches).toEqual([['flood', 'a', 'b'], ['flood'], ['a', 'b']]);
  });

  it('rescores batches of one organization, up to `concurrency` at once, each visitor once, and waits for all', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const batches: string[] = [];
    const parallel = new RescorePacing(
      async (organizationId, visitorIds) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running -= 1;
        batches.push(`${organizationId}:${visitorIds.join('')}`);
      },
      (error) => {
        throw error;
      },
      2,
      3,
    );
    const arrivals = new Map(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((visitorId, index) => [visitorId, index < 5 ? 'x' : 'y']),
    );
    const stored = parallel.stored(arrivals);
    await jest.advanceTimersByTimeAsync(30);
    await stored;
    expect(mostAtOnce).toBe(3);
    expect(batches.sort()).toEqual(['x:ab', 'x:cd', 'x:e', 'y:fg']);
    expect(running).toBe(0);
  });
});
