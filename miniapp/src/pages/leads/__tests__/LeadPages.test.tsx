import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LeadDetail, LeadSummary } from '@cardhub/shared';
import LeadsPage from '..';
import LeadDetailPage from '../detail';
import { fakeServer, ok, signInAs } from '../../../../test/page-host';

let mockParams: Record<string, string> = {};
jest.mock('@tarojs/taro', () =>
  jest.requireActual('../../../../test/page-host').taroWithPageHost(() => mockParams),
);

const hot: LeadSummary = {
  id: 'lead-1',
  visitorId: 'visitor-1',
  label: '访客 #90b3',
  phone: null,
  stage: 'sql',
  score: 37,
  tags: ['强意向'],
  source: 'material',
  owner: null,
  lastActivityAt: '2026-11-23T03:40:00.000Z',
  createdAt: '2026-11-23T03:20:00.000Z',
};
const detail: LeadDetail = {
  ...hot,
  scoreReasons: [
    { ruleId: 'click_consult', label: '点击咨询', occurrences: 1, undecayedPoints: 12, points: 12 },
    { ruleId: 'view_product', label: '浏览产品页', occurrences: 2, undecayedPoints: 10, points: 7.5 },
  ],
  scoreHalfLifeDays: 14,
  marketingOptOut: false,
  erased: false,
  signals: [
    {
      signalId: 'strong_intent',
      label: '30 分钟内两次浏览产品页并点击咨询',
      tag: '强意向',
      firedAt: hot.lastActivityAt!,
    },
  ],
  stageHistory: [
    {
      fromStage: 'visitor',
      toStage: 'sql',
      by: null,
      reason: '信号：30 分钟内两次浏览产品页并点击咨询',
      at: hot.lastActivityAt!,
    },
  ],
  followUps: [],
  timeline: [
    {
      eventId: 'event-1',
      type: 'scroll',
      target: { type: 'material', id: 'material-1', title: '星辰智能名片 企业版' },
      touchpoint: 'h5',
      props: { depth: 75 },
      creditedEmployeeName: '张伟',
      occurredAt: hot.lastActivityAt!,
    },
  ],
};

Object.assign(Taro, { navigateTo: jest.fn(), showToast: jest.fn() });

describe('LeadsPage', () => {
  it('lists my leads first, then the pool when asked, with stage, score and tags', async () => {
    signInAs('employee', 'employee-1', '张伟');
    const sent = fakeServer({
      'GET /api/leads?owner=me&limit=50': ok({ items: [], total: 0 }),
      'GET /api/leads?owner=pool&limit=50': ok({ items: [hot], total: 1 }),
      'GET /api/leads?owner=pool&stage=sql&limit=50': ok({ items: [hot], total: 1 }),
      'GET /api/leads?owner=pool&stage=sql&source=site_page&minScore=30&limit=50': ok({
        items: [],
        total: 0,
      }),
    });
    render(<LeadsPage />);
    expect(await screen.findByText('还没有线索')).toBeTruthy();
    // Employees have no team tab.
    expect(screen.queryByText('团队')).toBeNull();

    fireEvent.click(screen.getByText('公海'));
    expect(await screen.findByText('访客 #90b3')).toBeTruthy();
    expect(screen.getByText('37 分')).toBeTruthy();
    expect(screen.getByText('强意向')).toBeTruthy();
    expect(screen.getByText(/待领取/)).toBeTruthy();
    // The stage filter chip, not the lead's own badge.
    fireEvent.click(screen.getAllByText('SQL')[0]!);
    await waitFor(() => expect(sent.at(-1)!.url).toBe('/api/leads?owner=pool&stage=sql&limit=50'));
    // Filters combine: where they came from and how hot they are.
    fireEvent.click(screen.getByText('官网'));
    fireEvent.click(screen.getByText('30 分以上'));
    await waitFor(() =>
      expect(sent.at(-1)!.url).toBe('/api/leads?owner=pool&stage=sql&source=site_page&minScore=30&limit=50'),
    );
  });
});

describe('LeadDetailPage', () => {
  beforeEach(() => {
    mockParams = { id: 'lead-1' };
    signInAs('employee', 'employee-1', '张伟');
  });

  it('explains the score and the signal, tells the journey, and claims a pool lead', async () => {
    const sent = fakeServer({
      'GET /api/leads/lead-1': ok(detail),
      'POST /api/leads/lead-1/claim': ok({ ...detail, owner: { id: 'employee-1', name: '张伟' } }),
    });
    render(<LeadDetailPage />);
    expect(await screen.findByText('30 分钟内两次浏览产品页并点击咨询')).toBeTruthy();
    expect(screen.getByText('+12')).toBeTruthy();
    expect(screen.getByText('《星辰智能名片 企业版》读到 75%')).toBeTruthy();
    // A pool lead is claimed before it is worked.
    expect(screen.queryByText('添加跟进记录')).toBeNull();
    fireEvent.click(screen.getByText('领取这条线索'));
    expect(await screen.findByText('添加跟进记录')).toBeTruthy();
    expect(sent.map((request) => `${request.method} ${request.url}`)).toContain(
      'POST /api/leads/lead-1/claim',
    );
  });

  it('shows why the score is what it is: rules, decay, half-life and the signals (PIPL art. 24)', async () => {
    fakeServer({ 'GET /api/leads/lead-1': ok(detail) });
    render(<LeadDetailPage />);
    expect(await screen.findByText('为什么是这个分数')).toBeTruthy();
    expect(screen.getByText('+7.5')).toBeTruthy();
    expect(screen.getByText('原始 10 分，随时间衰减 2.5 分')).toBeTruthy();
    expect(screen.getByText(/每 14 天权重减半/)).toBeTruthy();
    expect(screen.getByText('触发的信号：30 分钟内两次浏览产品页并点击咨询')).toBeTruthy();
  });

  it('says so when the person opted out of personalised marketing', async () => {
    fakeServer({
      'GET /api/leads/lead-1': ok({
        ...detail,
        score: 0,
        scoreReasons: [],
        signals: [],
        marketingOptOut: true,
      }),
    });
    render(<LeadDetailPage />);
    expect(await screen.findByText(/此人已拒绝个性化营销/)).toBeTruthy();
    expect(screen.queryByText('暂无加分行为')).toBeNull();
  });

  it('asks why before changing the stage, and sends the reason', async () => {
    const owned = { ...detail, owner: { id: 'employee-1', name: '张伟' } };
    const sent = fakeServer({
      'GET /api/leads/lead-1': ok(owned),
      'POST /api/leads/lead-1/stage': (body) =>
        ok({ ...owned, stage: (body as { stage: 'customer' }).stage }),
    });
    render(<LeadDetailPage />);
    fireEvent.click(await screen.findByText('客户'));
    fireEvent.click(screen.getByText('确认改为「客户」'));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写原因' }));
    const reason = screen.getByPlaceholderText('为什么改为「客户」？');
    reason.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value: '签约企业版' } }));
    fireEvent.click(screen.getByText('确认改为「客户」'));
    await waitFor(() =>
      expect(sent.find((request) => request.method === 'POST')?.data).toEqual({
        stage: 'customer',
        reason: '签约企业版',
      }),
    );
  });

  it('adds and removes tags on an owned lead', async () => {
    const owned = { ...detail, owner: { id: 'employee-1', name: '张伟' } };
    const sent = fakeServer({
      'GET /api/leads/lead-1': ok(owned),
      'PUT /api/leads/lead-1/tags': (body) => ok({ ...owned, tags: (body as { tags: string[] }).tags }),
    });
    render(<LeadDetailPage />);
    const input = await screen.findByPlaceholderText('添加标签，回车确认');
    input.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value: '制造业' } }));
    input.dispatchEvent(new CustomEvent('confirm', { bubbles: true, detail: { value: '制造业' } }));
    expect(await screen.findByText('制造业 ×')).toBeTruthy();
    expect(sent.find((request) => request.method === 'PUT')?.data).toEqual({ tags: ['强意向', '制造业'] });
    fireEvent.click(screen.getByText('强意向 ×'));
    await waitFor(() =>
      expect(sent.filter((request) => request.method === 'PUT').at(-1)?.data).toEqual({ tags: ['制造业'] }),
    );
  });
});
