import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CardDto } from '@cardhub/shared';
import CardViewPage from '..';
import { exampleCard } from '../../../../../test/fixtures/card';

const card: CardDto = { ...exampleCard, email: '', address: '', bio: '', siteUrl: '' };

let mockRouterParams: Record<string, string> = {};
jest.mock('@tarojs/taro', () =>
  jest.requireActual('../../../../../test/page-host').taroWithPageHost(() => mockRouterParams),
);

/** Our server's answers, keyed by method and path; anything else is a 404 like the server's. */
const sent: { method: string; url: string; data: unknown }[] = [];
function answer(method: string, url: string) {
  if (method === 'GET' && url === '/api/public/shares/Ab3dEf7hJk')
    return { statusCode: 200, data: { card, share: { code: 'Ab3dEf7hJk', channel: 'link', depth: 0 } } };
  if (method === 'POST' && url === '/api/track/view')
    return {
      statusCode: 200,
      data: { visitToken: 'visit-token', verdict: 'counted', visitorLabel: '访客 #3f2a' },
    };
  if (method === 'POST' && url === '/api/track/actions')
    return { statusCode: 200, data: { stored: 1, duplicates: 0 } };
  return { statusCode: 404, data: { statusCode: 404, error: 'Not Found', message: '名片不存在或已失效' } };
}

const makePhoneCall = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, {
  request: async (options: { method: string; url: string; data: unknown }) => {
    sent.push({ method: options.method, url: options.url, data: options.data });
    return answer(options.method, options.url);
  },
  makePhoneCall,
  setNavigationBarTitle: jest.fn().mockResolvedValue(undefined),
});

describe('CardViewPage on H5', () => {
  beforeEach(() => {
    sent.length = 0;
    makePhoneCall.mockClear();
  });

  it('shows the shared card, records the view, and dials and reports 拨打电话', async () => {
    mockRouterParams = { sc: 'Ab3dEf7hJk' };
    render(<CardViewPage />);

    expect(await screen.findByText('陈静')).toBeTruthy();
    await waitFor(() => expect(sent.map((request) => request.url)).toContain('/api/track/view'));
    expect(sent.find((request) => request.url === '/api/track/view')?.data).toMatchObject({
      targetType: 'card',
      targetId: card.id,
      shareCode: 'Ab3dEf7hJk',
      touchpoint: 'h5',
      visitorKey: expect.stringMatching(/^[0-9a-f]{32}$/),
    });

    fireEvent.click(screen.getByText('拨打电话'));
    await waitFor(() => expect(sent.map((request) => request.url)).toContain('/api/track/actions'));
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138003' });
    expect(sent.find((request) => request.url === '/api/track/actions')?.data).toMatchObject({
      visitToken: 'visit-token',
      actions: [{ type: 'click', action: 'call' }],
    });
  });

  it('says so when the share no longer exists', async () => {
    mockRouterParams = { sc: 'Zz9yXw8vUt' };
    render(<CardViewPage />);

    expect(await screen.findByText('名片不存在或已失效')).toBeTruthy();
    expect(sent.map((request) => request.url)).not.toContain('/api/track/view');
  });
});
