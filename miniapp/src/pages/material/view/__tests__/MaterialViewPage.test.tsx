import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MaterialDto, PublicMaterialResponse } from '@cardhub/shared';
import MaterialViewPage from '..';
import { visitorKey } from '../../../../services/tracking';
import { exampleCard } from '../../../../../test/fixtures/card';
import { exampleArticle, exampleVideo } from '../../../../../test/fixtures/material';
import { copyText } from '../../../../utils/clipboard';
import { answerTracking, mockRoute } from '../../../../../test/page-host';

const CODE = 'Ab3dEf7hJk';
const CHILD_CODE = 'Zy8xWv7uTs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('../../../../../test/page-host').taroForPages());
jest.mock('../../../../utils/clipboard', () => ({ copyText: jest.fn().mockResolvedValue(true) }));

let shown: MaterialDto = exampleArticle;
const sharedMaterial = () => ({
  statusCode: 200,
  data: {
    material: shown,
    card: exampleCard,
    share: { code: CODE, channel: 'chat', depth: 0 },
  } satisfies PublicMaterialResponse,
});
let answerShare: () => { statusCode: number; data: unknown } = sharedMaterial;

/** Our server's answers, keyed by method and path; anything else is a 404 like the server's. */
const sent: { method: string; url: string; data: unknown }[] = [];
function answer(method: string, url: string) {
  if (method === 'GET' && url === `/api/public/materials/shares/${CODE}`) return answerShare();
  const tracking = answerTracking(method, url);
  if (tracking) return tracking;
  if (method === 'POST' && url === '/api/shares')
    return {
      statusCode: 201,
      data: {
        code: CHILD_CODE,
        url: `http://localhost/v/${CHILD_CODE}`,
        path: `pages/material/view/index?sc=${CHILD_CODE}`,
      },
    };
  return { statusCode: 404, data: { statusCode: 404, error: 'Not Found', message: '物料不存在或已下架' } };
}

const makePhoneCall = jest.fn().mockResolvedValue(undefined);
const showActionSheet = jest.fn();
const navigateTo = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, {
  request: async (options: { method: string; url: string; data: unknown }) => {
    sent.push({ method: options.method, url: options.url, data: options.data });
    return answer(options.method, options.url);
  },
  makePhoneCall,
  showActionSheet,
  navigateTo,
  showToast: jest.fn().mockResolvedValue(undefined),
  setNavigationBarTitle: jest.fn().mockResolvedValue(undefined),
});

/** Every action the page reported, in order. */
const reported = () =>
  sent
    .filter((request) => request.url === '/api/track/actions')
    .flatMap((request) => (request.data as { actions: Record<string, unknown>[] }).actions);
const scrollMarks = () =>
  reported()
    .filter((action) => action.type === 'scroll')
    .map((action) => action.depth);

/** Where the page scrolls, with the geometry the browser reports for it. */
interface Scroller {
  /** The element the page renders into (it scrolls), or undefined when the window scrolls. */
  container?: HTMLElement;
  layout(pageHeight: number, viewportHeight?: number): void;
  scrollTo(top: number): void;
}

const setProperty = (target: object, name: string, value: number) =>
  Object.defineProperty(target, name, { value, configurable: true });

const windowScroller = (): Scroller => ({
  layout(pageHeight, viewportHeight = 800) {
    setProperty(document.documentElement, 'scrollHeight', pageHeight);
    setProperty(window, 'innerHeight', viewportHeight);
    this.scrollTo(0);
  },
  scrollTo(top) {
    setProperty(window, 'scrollY', top);
    act(() => void window.dispatchEvent(new Event('scroll')));
  },
});

/** Taro's H5 router scrolls each page inside its own container. */
const pageContainerScroller = (): Scroller => {
  const container = document.body.appendChild(document.createElement('div'));
  container.style.overflowY = 'scroll';
  return {
    container,
    layout(pageHeight, viewportHeight = 800) {
      setProperty(container, 'scrollHeight', pageHeight);
      setProperty(container, 'clientHeight', viewportHeight);
      this.scrollTo(0);
    },
    scrollTo(top) {
      setProperty(container, 'scrollTop', top);
      act(() => void container.dispatchEvent(new Event('scroll')));
    },
  };
};

let scroller: Scroller = windowScroller();

async function openPage() {
  mockRoute.params = { sc: CODE };
  render(<MaterialViewPage />, scroller.container ? { container: scroller.container } : {});
  expect(await screen.findByText(shown.title)).toBeTruthy();
  await waitFor(() => expect(sent.map((request) => request.url)).toContain('/api/track/view'));
}

describe('MaterialViewPage on H5', () => {
  beforeEach(() => {
    sent.length = 0;
    shown = exampleArticle;
    answerShare = sharedMaterial;
    jest.clearAllMocks();
    scroller = windowScroller();
    scroller.layout(4000);
  });

  it("shows the shared article with the sharer's card, and records the view credited to the share", async () => {
    await openPage();
    expect(screen.getByText('名片不再只是联系方式')).toBeTruthy();
    expect(screen.getByText('陈静')).toBeTruthy();
    expect(sent.find((request) => request.url === '/api/track/view')?.data).toMatchObject({
      targetType: 'material',
      targetId: exampleArticle.id,
      shareCode: CODE,
      touchpoint: 'h5',
    });
  });

  describe.each([
    ['the window', windowScroller],
    ["Taro's page container", pageContainerScroller],
  ])('scrolling %s', (_where, makeScroller) => {
    beforeEach(() => {
      scroller = makeScroller();
      scroller.layout(4000);
    });

    it('reports each reading-depth mark once as the reader scrolls, however they scroll', async () => {
      await openPage();
      scroller.scrollTo(800); // 40% seen
      await waitFor(() => expect(scrollMarks()).toEqual([25]));
      scroller.scrollTo(2400); // 80%
      await waitFor(() => expect(scrollMarks()).toEqual([25, 50, 75]));
      scroller.scrollTo(0);
      scroller.scrollTo(2400);
      scroller.scrollTo(3200); // the bottom
      await waitFor(() => expect(scrollMarks()).toEqual([25, 50, 75, 100]));
      scroller.scrollTo(3200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(scrollMarks()).toEqual([25, 50, 75, 100]);
      const visitTokens = sent
        .filter((request) => request.url === '/api/track/actions')
        .map((request) => (request.data as { visitToken: string }).visitToken);
      expect(new Set(visitTokens)).toEqual(new Set(['visit-token']));
    });

    it('counts a page that fits the screen as read to the end at once', async () => {
      scroller.layout(600);
      await openPage();
      await waitFor(() => expect(scrollMarks()).toEqual([25, 50, 75, 100]), { timeout: 3000 });
    });
  });

  it('reports the video played once and watched to the end once', async () => {
    shown = exampleVideo;
    await openPage();
    const player = document.querySelector('#material-video')!;
    for (const type of ['play', 'play', 'ended', 'play', 'ended'])
      act(() => void player.dispatchEvent(new Event(type)));
    await waitFor(() =>
      expect(reported().filter((action) => action.type === 'video')).toEqual([
        expect.objectContaining({ progress: 'play' }),
        expect.objectContaining({ progress: 'complete' }),
      ]),
    );
  });

  it('calls, copies the WeChat ID and consults from the footer, reporting each', async () => {
    await openPage();
    fireEvent.click(screen.getByText('拨打电话'));
    await waitFor(() => expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: exampleCard.phone }));
    fireEvent.click(screen.getByText('加微信'));
    await waitFor(() => expect(copyText).toHaveBeenCalledWith(exampleCard.wechatId));

    // 咨询 offers the ways to reach the employee: leave a phone for them, call, WeChat, the full card.
    showActionSheet.mockResolvedValueOnce({ tapIndex: 3 });
    fireEvent.click(screen.getByText('咨询'));
    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({ url: `/pages/card/view/index?id=${exampleCard.id}` }),
    );
    expect(showActionSheet.mock.calls[0][0].itemList).toEqual([
      `留下电话，请${exampleCard.name}联系我`,
      `拨打电话 ${exampleCard.phone}`,
      '复制微信号',
      '查看完整名片',
    ]);
    showActionSheet.mockResolvedValueOnce({ tapIndex: 1 });
    fireEvent.click(screen.getByText('咨询'));

    await waitFor(() =>
      expect(
        reported()
          .filter((action) => action.type === 'click')
          .map((action) => action.action),
      ).toEqual(['call', 'copy_wechat', 'consult', 'consult', 'call']),
    );
    expect(makePhoneCall).toHaveBeenCalledTimes(2);

    // Leaving a phone opens the contact form with this visit's token.
    showActionSheet.mockResolvedValueOnce({ tapIndex: 0 });
    fireEvent.click(screen.getByText('咨询'));
    await waitFor(() =>
      expect(navigateTo).toHaveBeenLastCalledWith({
        url: `/pages/contact/index?token=visit-token&to=${encodeURIComponent(exampleCard.name)}`,
      }),
    );
  });

  it('opens the official site with the share code and reports it', async () => {
    const open = jest.spyOn(window, 'open').mockReturnValue(null);
    await openPage();
    fireEvent.click(screen.getByText('访问官网'));
    await waitFor(() =>
      // The share code and this browser's visitor key go along: the site visit continues the same visitor.
      expect(open).toHaveBeenCalledWith(
        `https://example.com/?ch_sc=${CODE}&ch_vk=${visitorKey()}`,
        '_blank',
        'noopener',
      ),
    );
    await waitFor(() =>
      expect(reported()).toEqual([expect.objectContaining({ type: 'click', action: 'open_site' })]),
    );
  });

  it('forwards as a child share of the share it was opened by, and copies its link', async () => {
    await openPage();
    fireEvent.click(screen.getByText('转发给朋友'));
    await waitFor(() => expect(copyText).toHaveBeenCalledWith(`http://localhost/v/${CHILD_CODE}`));
    expect(sent.find((request) => request.url === '/api/shares')?.data).toEqual({
      targetType: 'material',
      targetId: exampleArticle.id,
      channel: 'link',
      parentCode: CODE,
      visitToken: 'visit-token',
    });
  });

  it('says so when the share is gone, and records nothing', async () => {
    answerShare = () => ({
      statusCode: 404,
      data: { statusCode: 404, error: 'Not Found', message: '物料不存在或已下架' },
    });
    mockRoute.params = { sc: CODE };
    render(<MaterialViewPage />);
    expect(await screen.findByText('内容已下架或链接已失效')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
    expect(sent.map((request) => request.url)).not.toContain('/api/track/view');
  });

  it('offers a retry after a network failure', async () => {
    answerShare = () => {
      throw new Error('request:fail');
    };
    mockRoute.params = { sc: CODE };
    render(<MaterialViewPage />);
    expect(await screen.findByText('网络不太稳定')).toBeTruthy();
    answerShare = sharedMaterial;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText(exampleArticle.title)).toBeTruthy();
  });
});
