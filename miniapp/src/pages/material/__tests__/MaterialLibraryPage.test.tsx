import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MaterialDto } from '@cardhub/shared';
import MaterialLibraryPage from '..';
import { exampleArticle, exampleVideo } from '../../../../test/fixtures/material';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('../../../../test/page-host').taroForPages());

const poster: MaterialDto = {
  ...exampleArticle,
  id: '4c7c2b9e-8d5f-4c57-9a55-6d2f1a0b7c44',
  type: 'poster',
  title: '2026 春季新品发布会邀请函',
  category: '市场活动',
  tags: ['发布会'],
  body: null,
};
const library = [poster, exampleVideo, exampleArticle];

/** The server's library, filtered as the API filters it (category, tag, title/summary search). */
const asked: URLSearchParams[] = [];
Object.assign(Taro, {
  request: async (options: { method: string; url: string }) => {
    const [path, query = ''] = options.url.split('?');
    if (options.method !== 'GET' || path !== '/api/materials') return { statusCode: 404, data: {} };
    const params = new URLSearchParams(query);
    asked.push(params);
    const items = library.filter(
      (material) =>
        (!params.get('category') || material.category === params.get('category')) &&
        (!params.get('tag') || material.tags.includes(params.get('tag')!)) &&
        (!params.get('q') || `${material.title}${material.summary}`.includes(params.get('q')!)),
    );
    return { statusCode: 200, data: { items, total: items.length } };
  },
  navigateTo: jest.fn().mockResolvedValue(undefined),
});

/** A filter chip by its label (a card's category reads the same). */
const chip = (label: string) =>
  [...document.querySelectorAll('.material-library__chip, .material-library__tag')].find(
    (element) => element.textContent === label,
  )!;
const titlesShown = () =>
  [...document.querySelectorAll('.material-card__title')].map((title) => title.textContent);

describe('MaterialLibraryPage', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('lists the library with a chip per category and tag, and filters by them', async () => {
    render(<MaterialLibraryPage />);
    await waitFor(() => expect(titlesShown()).toEqual(library.map((material) => material.title)));
    expect(screen.getByText('共 3 篇物料，分享时自动附上你的名片')).toBeTruthy();

    await waitFor(() => expect(chip('客户案例')).toBeTruthy());
    fireEvent.click(chip('客户案例'));
    await waitFor(() => expect(titlesShown()).toEqual([exampleVideo.title]));
    expect(asked.at(-1)?.get('category')).toBe('客户案例');

    fireEvent.click(chip('全部'));
    fireEvent.click(chip('#发布会'));
    await waitFor(() => expect(titlesShown()).toEqual([poster.title]));
    expect(asked.at(-1)?.get('tag')).toBe('发布会');
    expect(asked.at(-1)?.has('category')).toBe(false);
  });

  it('searches as the employee types, and says when nothing matches', async () => {
    render(<MaterialLibraryPage />);
    await waitFor(() => expect(titlesShown()).toHaveLength(3));
    // Taro's Input renders its <input> a moment after the page.
    const input = await waitFor(() => {
      const element = document.querySelector('.material-library__search-input input, input');
      expect(element).not.toBeNull();
      return element!;
    });
    fireEvent.input(input, { target: { value: '名片' } });
    await waitFor(() => expect(titlesShown()).toEqual([exampleArticle.title]));
    expect(asked.at(-1)?.get('q')).toBe('名片');

    fireEvent.input(input, { target: { value: '不存在的内容' } });
    expect(await screen.findByText('没有找到相关物料')).toBeTruthy();
  });

  it('opens a material for sharing', async () => {
    render(<MaterialLibraryPage />);
    fireEvent.click(await screen.findByText(exampleVideo.title));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/pages/material/detail/index?id=${exampleVideo.id}`,
    });
  });
});
