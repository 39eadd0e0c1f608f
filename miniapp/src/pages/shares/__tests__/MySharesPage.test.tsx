import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyShareDto, MySharesResponse } from '@cardhub/shared';
import MySharesPage from '..';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('../../../../test/page-host').taroForPages());

const article: MyShareDto = {
  code: 'Ab3dEf7hJk',
  target: {
    type: 'material',
    id: '2a7c2b9e-8d5f-4c57-9a55-6d2f1a0b7c22',
    title: '全员营销时代，销售如何用一张名片撬动私域流量',
    materialType: 'article',
    available: true,
  },
  channel: 'moments',
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  views: 12,
  visitors: 9,
  forwards: 3,
  url: 'http://localhost/v/Ab3dEf7hJk',
};
const archivedPoster: MyShareDto = {
  ...article,
  code: 'Zz9yXw8vUt',
  target: {
    ...article.target,
    id: '4c7c2b9e-8d5f-4c57-9a55-6d2f1a0b7c44',
    title: '限时活动海报',
    materialType: 'poster',
    available: false,
  },
  channel: 'poster',
  views: 0,
  visitors: 0,
  forwards: 0,
};

let answer: MySharesResponse = { items: [article, archivedPoster], total: 2 };
const navigateTo = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, {
  request: async (options: { url: string }) =>
    options.url.startsWith('/api/me/shares?page=1')
      ? { statusCode: 200, data: answer }
      : { statusCode: 404, data: {} },
  navigateTo,
});

describe('MySharesPage', () => {
  beforeEach(() => navigateTo.mockClear());

  it('lists each share with where it went, when, and what it brought', async () => {
    answer = { items: [article, archivedPoster], total: 2 };
    render(<MySharesPage />);

    expect(await screen.findByText(article.target.title)).toBeTruthy();
    expect(screen.getByText('朋友圈 · 5分钟前')).toBeTruthy();
    const firstStats = [...document.querySelectorAll('.share-item')][0]!.querySelectorAll(
      '.share-item__stat',
    );
    expect([...firstStats].map((stat) => stat.textContent)).toEqual(['12浏览', '9访客', '3转发']);
    expect(screen.getByText('已下架')).toBeTruthy();

    fireEvent.click(screen.getByText(article.target.title));
    expect(navigateTo).toHaveBeenCalledWith({ url: `/pages/material/detail/index?id=${article.target.id}` });
    // An archived material no longer opens.
    fireEvent.click(screen.getByText('限时活动海报'));
    expect(navigateTo).toHaveBeenCalledTimes(1);
  });

  it('sends an employee with no shares yet to the library', async () => {
    answer = { items: [], total: 0 };
    render(<MySharesPage />);
    fireEvent.click(await screen.findByText('去物料库'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/material/index' });
  });
});
