/**
 * `@tarojs/taro` as a page sees it in jsdom: the route comes from `mockRoute`, and the lifecycle hooks that Taro's
 * React plugin wires at build time are inert (jsdom has no page to show, hide, scroll, refresh or share).
 * In a test: `jest.mock('@tarojs/taro', () => require('<path>/test/page-host').taroForPages());`
 */
export const mockRoute: { params: Record<string, string> } = { params: {} };

export function taroForPages() {
  const actual = jest.requireActual('@tarojs/taro');
  const inert = () => undefined;
  return {
    ...actual,
    __esModule: true,
    default: actual.default ?? actual,
    useRouter: () => mockRoute,
    useDidShow: inert,
    useDidHide: inert,
    usePageScroll: inert,
    useReachBottom: inert,
    usePullDownRefresh: inert,
    useShareAppMessage: inert,
    useShareTimeline: inert,
  };
}

/** The tracking API's answers to a page that reports a visit (token `visit-token`), or null for other requests. */
export function answerTracking(method: string, url: string): { statusCode: number; data: unknown } | null {
  if (method === 'POST' && url === '/api/track/view')
    return {
      statusCode: 200,
      data: { visitToken: 'visit-token', verdict: 'counted', visitorLabel: '访客 #3f2a' },
    };
  if (method === 'POST' && url === '/api/track/actions')
    return { statusCode: 200, data: { stored: 1, duplicates: 0 } };
  return null;
}
