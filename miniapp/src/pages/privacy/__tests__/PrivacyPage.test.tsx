import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PrivacyStatus } from '@cardhub/shared';
import PrivacyPage from '..';
import { fakeServer, ok } from '../../../../test/page-host';

let mockParams: Record<string, string> = {};
jest.mock('@tarojs/taro', () =>
  jest.requireActual('../../../../test/page-host').taroWithPageHost(() => mockParams),
);

const status = (marketing: 'granted' | 'withdrawn' | 'none'): PrivacyStatus => ({
  organizationName: '星辰科技',
  holdsPersonalData: true,
  purposes: [
    {
      purpose: 'contact_me',
      label: '留下联系方式，由员工联系我',
      state: 'granted',
      at: '2026-11-23T03:00:00.000Z',
    },
    { purpose: 'show_profile_to_employee', label: '向分享人展示我的微信头像和昵称', state: 'none', at: null },
    {
      purpose: 'personalised_marketing',
      label: '个性化营销：根据浏览行为评分并提醒员工',
      state: marketing,
      at: null,
    },
  ],
});

describe('PrivacyPage (隐私政策与个人数据)', () => {
  it('shows the policy to anyone, without asking the server anything', () => {
    mockParams = {};
    const sent = fakeServer({});
    render(<PrivacyPage />);
    expect(screen.getByText('隐私政策')).toBeTruthy();
    expect(screen.getByText('保存多久')).toBeTruthy();
    expect(screen.getByText('你的权利')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it("lists the visitor's consents, and withdraws one with the visit's token", async () => {
    mockParams = { token: 'visit-token' };
    const sent = fakeServer({
      'POST /api/privacy/me': ok(status('none')),
      'POST /api/privacy/me/consents': ok(status('withdrawn')),
    });
    render(<PrivacyPage />);
    expect(await screen.findByText('我的数据 · 星辰科技')).toBeTruthy();
    expect(screen.getByText('已同意')).toBeTruthy();
    const switches = document.querySelectorAll('taro-switch-core');
    switches[2]!.dispatchEvent(new CustomEvent('change', { bubbles: true, detail: { value: false } }));
    await waitFor(() => expect(screen.getByText('已撤回')).toBeTruthy());
    expect(sent.at(-1)).toMatchObject({
      url: '/api/privacy/me/consents',
      data: { visitToken: 'visit-token', purpose: 'personalised_marketing', granted: false },
    });
  });

  it('erases only after the person confirms, then says it is done', async () => {
    mockParams = { token: 'visit-token' };
    const sent = fakeServer({
      'POST /api/privacy/me': ok(status('none')),
      'POST /api/privacy/me/erase': ok({
        identities: 2,
        consents: 1,
        eventsUnlinked: 6,
        followUps: 0,
        leadAnonymised: true,
      }),
    });
    const confirm = jest
      .fn()
      .mockResolvedValueOnce({ confirm: false })
      .mockResolvedValueOnce({ confirm: true });
    Object.assign(Taro, { showModal: confirm });
    render(<PrivacyPage />);
    fireEvent.click(await screen.findByText('删除我的个人信息'));
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    // The first answer (取消) settles before the second tap.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(sent.map((request) => request.url)).not.toContain('/api/privacy/me/erase');
    fireEvent.click(screen.getByText('删除我的个人信息'));
    expect(await screen.findByText('你的个人信息已删除')).toBeTruthy();
    expect(sent.at(-1)).toMatchObject({ url: '/api/privacy/me/erase', data: { visitToken: 'visit-token' } });
  });
});
