import {
  DEFAULT_SCORING_CONFIG,
  type ScoringConfig,
  type ScoringEvent,
  advanceStage,
  detectSignals,
  scoreEvents,
  scoringConfigSchema,
} from './scoring';

const T0 = new Date('2026-11-23T02:00:00.000Z'); // 10:00 in Shanghai
const minutes = (count: number) => new Date(T0.getTime() + count * 60_000);
const days = (count: number) => new Date(T0.getTime() + count * 86_400_000);

let nextId = 0;
function event(fields: Partial<ScoringEvent> & Pick<ScoringEvent, 'type'>): ScoringEvent {
  nextId += 1;
  return {
    id: `e${String(nextId).padStart(4, '0')}`,
    targetType: 'material',
    materialType: 'article',
    visitId: null,
    verdict: null,
    props: null,
    occurredAt: T0,
    ...fields,
  };
}
const view = (fields: Partial<ScoringEvent> = {}) => event({ type: 'view', verdict: 'counted', ...fields });
const productView = (at: Date, verdict: ScoringEvent['verdict'] = 'counted') =>
  view({ materialType: 'product', occurredAt: at, verdict });
const click = (action: string, at = T0) => event({ type: 'click', props: { action }, occurredAt: at });

/** A small configuration whose numbers are easy to follow by hand. */
const config: ScoringConfig = scoringConfigSchema.parse({
  halfLifeDays: 10,
  mqlThreshold: 10,
  sqlThreshold: 20,
  rules: [
    {
      id: 'view_article',
      label: '阅读文章',
      match: { type: 'view', materialType: 'article' },
      points: 4,
      maxPerDay: 2,
    },
    { id: 'long_visit', label: '停留超过 60 秒', match: { type: 'dwell' }, minVisitSeconds: 60, points: 5 },
    { id: 'call', label: '拨打电话', match: { type: 'click', action: 'call' }, points: 10 },
    { id: 'read_end', label: '读完全文', match: { type: 'scroll', minDepth: 100 }, points: 3 },
  ],
  signals: [],
});

describe('scoreEvents', () => {
  it.each<[string, () => ScoringEvent[], number, string]>([
    ['nothing yet', () => [], 0, 'visitor'],
    ['one article read', () => [view()], 4, 'visitor'],
    [
      'a repeat view within 30 minutes earns nothing',
      () => [view(), view({ verdict: 'repeat' })],
      4,
      'visitor',
    ],
    [
      'the daily cap stops refresh farming',
      () => [view(), view({ occurredAt: minutes(40) }), view({ occurredAt: minutes(80) })],
      8,
      'visitor',
    ],
    ['a call makes an MQL', () => [view(), click('call')], 14, 'mql'],
    [
      'reading to 100% scores, 75% does not',
      () => [
        event({ type: 'scroll', props: { depth: 75 } }),
        event({ type: 'scroll', props: { depth: 100 } }),
      ],
      3,
      'visitor',
    ],
    ['enough for an SQL', () => [view(), click('call'), click('call')], 24, 'sql'],
  ])('%s', (_name, events, score, stage) => {
    const result = scoreEvents(events(), config, minutes(120));
    expect(result.score).toBe(score);
    expect(result.stage).toBe(stage);
  });

  it('halves points every half-life', () => {
    const events = [click('call')];
    expect(scoreEvents(events, config, T0).score).toBe(10);
    expect(scoreEvents(events, config, days(10)).score).toBe(5);
    expect(scoreEvents(events, config, days(20)).contributions[0]!.points).toBe(2.5);
  });

  it('explains the decay: each rule keeps its points before and after it (PIPL art. 24)', () => {
    const events = [click('call'), click('call', days(10))];
    expect(scoreEvents(events, config, days(10)).contributions).toEqual([
      { ruleId: 'call', label: '拨打电话', occurrences: 2, undecayedPoints: 20, points: 15 },
    ]);
  });

  it('caps per day in the organization’s time zone: Shanghai midnight is 16:00 UTC', () => {
    const beforeMidnight = new Date('2026-11-23T15:59:00.000Z');
    const afterMidnight = new Date('2026-11-23T16:00:00.000Z');
    const events = [
      view({ occurredAt: minutes(0) }),
      view({ occurredAt: minutes(60) }),
      view({ occurredAt: beforeMidnight }),
      view({ occurredAt: afterMidnight }),
    ];
    const result = scoreEvents(events, { ...config, halfLifeDays: 365 }, afterMidnight);
    expect(result.contributions).toEqual([
      { ruleId: 'view_article', label: '阅读文章', occurrences: 3, undecayedPoints: 12, points: 12 },
    ]);
    // In UTC the same four views fall on one day: only two score.
    expect(
      scoreEvents(events, { ...config, halfLifeDays: 365, utcOffsetMinutes: 0 }, afterMidnight)
        .contributions[0]!.occurrences,
    ).toBe(2);
  });

  it('scores a long visit once, when its dwell adds up to the threshold', () => {
    const visitId = 'visit-1';
    const dwell = (seconds: number, at: number) =>
      event({ type: 'dwell', visitId, props: { seconds }, occurredAt: minutes(at) });
    const events = [
      dwell(30, 1),
      dwell(29, 2),
      dwell(15, 3),
      dwell(60, 4),
      event({ type: 'dwell', visitId: 'visit-2', props: { seconds: 45 } }),
    ];
    expect(scoreEvents(events, config, minutes(10)).contributions).toEqual([
      { ruleId: 'long_visit', label: '停留超过 60 秒', occurrences: 1, undecayedPoints: 5, points: 5 },
    ]);
  });

  it('waits for events stamped in the future, and gives the same answer whatever the input order', () => {
    const events = [view(), click('call', minutes(5)), view({ occurredAt: minutes(90) })];
    expect(scoreEvents(events, config, minutes(1)).score).toBe(4);
    const shuffled = [events[2]!, events[0]!, events[1]!];
    expect(scoreEvents(shuffled, config, minutes(120))).toEqual(scoreEvents(events, config, minutes(120)));
  });

  it('explains the score: each rule with its occurrences, biggest share first', () => {
    const result = scoreEvents(
      [view(), click('call'), event({ type: 'scroll', props: { depth: 100 } })],
      config,
      T0,
    );
    expect(result.contributions.map((contribution) => [contribution.label, contribution.points])).toEqual([
      ['拨打电话', 10],
      ['阅读文章', 4],
      ['读完全文', 3],
    ]);
  });
});

describe('detectSignals (the seeds’ strong intent: two product views within 30 minutes and a consult click)', () => {
  const [strongIntent] = DEFAULT_SCORING_CONFIG.signals;
  const signals = [strongIntent!];

  it.each<[string, () => ScoringEvent[], number]>([
    [
      'two views then consult, 20 minutes apart',
      () => [productView(minutes(0)), productView(minutes(10), 'repeat'), click('consult', minutes(20))],
      1,
    ],
    [
      'exactly 30 minutes apart still fires (both ends included)',
      () => [productView(minutes(0)), productView(minutes(5)), click('consult', minutes(30))],
      1,
    ],
    [
      '30 minutes and a second is too late',
      () => [
        productView(minutes(0)),
        productView(minutes(5)),
        click('consult', new Date(minutes(30).getTime() + 1000)),
      ],
      0,
    ],
    ['one product view is not enough', () => [productView(minutes(0)), click('consult', minutes(1))], 0],
    [
      'article views do not count as product views',
      () => [view(), view({ occurredAt: minutes(1) }), click('consult', minutes(2))],
      0,
    ],
    [
      'consult first, views after, within the window',
      () => [click('consult', minutes(0)), productView(minutes(10)), productView(minutes(20))],
      1,
    ],
  ])('%s', (_name, events, expected) => {
    expect(detectSignals(events(), signals, days(1))).toHaveLength(expected);
  });

  it('fires once per pattern, at the event that completes it, naming the events; fires again only on new events', () => {
    const first = [productView(minutes(0)), productView(minutes(10)), click('consult', minutes(20))];
    const afterwards = [click('consult', minutes(21))];
    const again = [productView(minutes(60)), productView(minutes(61)), click('consult', minutes(62))];
    const firings = detectSignals([...again, ...afterwards, ...first], signals, days(1));
    expect(firings.map((firing) => firing.firedAt)).toEqual([minutes(20), minutes(62)]);
    expect(firings[0]).toMatchObject({
      signalId: 'strong_intent',
      tag: '强意向',
      raiseTo: 'sql',
      eventIds: first.map((e) => e.id),
    });
  });

  it('does not fire on events that have not happened yet', () => {
    const events = [productView(minutes(0)), productView(minutes(10)), click('consult', minutes(20))];
    expect(detectSignals(events, signals, minutes(19))).toEqual([]);
  });
});

describe('site pages (the second default signal: two official-site product pages and a consult form)', () => {
  const siteSignal = DEFAULT_SCORING_CONFIG.signals.find((signal) => signal.id === 'site_strong_intent')!;
  const sitePage = (path: string, at: Date) =>
    view({ targetType: 'site_page', materialType: null, props: { path, title: path }, occurredAt: at });

  it.each<[string, () => ScoringEvent[], number]>([
    [
      'two product pages then the form',
      () => [
        sitePage('/products/card.html', minutes(0)),
        sitePage('/products/hub.html', minutes(5)),
        event({ type: 'form_submit', targetType: 'site_page', occurredAt: minutes(9) }),
      ],
      1,
    ],
    [
      'the home page is not a product page',
      () => [
        sitePage('/', minutes(0)),
        sitePage('/products/hub.html', minutes(5)),
        event({ type: 'form_submit', targetType: 'site_page', occurredAt: minutes(9) }),
      ],
      0,
    ],
  ])('%s', (_name, events, expected) => {
    expect(detectSignals(events(), [siteSignal], days(1))).toHaveLength(expected);
  });
});

describe('advanceStage', () => {
  it.each([
    ['visitor', 'mql', 'mql'],
    ['mql', 'sql', 'sql'],
    ['sql', 'mql', 'sql'],
    ['sql', 'visitor', 'sql'],
    ['customer', 'sql', 'customer'],
    ['lost', 'mql', 'lost'],
  ] as const)('%s reaching %s → %s', (current, reached, expected) => {
    expect(advanceStage(current, reached)).toBe(expected);
  });
});

describe('scoringConfigSchema', () => {
  it('accepts the defaults', () => {
    expect(scoringConfigSchema.parse(DEFAULT_SCORING_CONFIG)).toEqual(DEFAULT_SCORING_CONFIG);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an SQL threshold not above the MQL one', { sqlThreshold: 30 }, 'sqlThreshold'],
    [
      'duplicate rule ids',
      { rules: [DEFAULT_SCORING_CONFIG.rules[0], DEFAULT_SCORING_CONFIG.rules[0]] },
      'rules',
    ],
    [
      'an unknown event type',
      { rules: [{ ...DEFAULT_SCORING_CONFIG.rules[0], match: { type: 'teleport' } }] },
      'rules.0.match.type',
    ],
    [
      'a signal without steps',
      { signals: [{ ...DEFAULT_SCORING_CONFIG.signals[0], steps: [] }] },
      'signals.0.steps',
    ],
  ])('refuses %s', (_name, change, path) => {
    const result = scoringConfigSchema.safeParse({ ...DEFAULT_SCORING_CONFIG, ...change });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });
});
