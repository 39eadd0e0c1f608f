import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import {
  DEFAULT_HANDOFF_SETTINGS,
  DEFAULT_SCORING_CONFIG,
  type ScoringConfigResponse,
} from '@cardhub/shared';
import ConsoleScoringPage from '..';
import { fakeServer, ok, signInAs } from '../../../../../test/page-host';

jest.mock('@tarojs/taro', () =>
  jest.requireActual('../../../../../test/page-host').taroWithPageHost(() => ({})),
);
Object.assign(Taro, { redirectTo: jest.fn(), showToast: jest.fn() });

/** Taro's Input reports typing as an `input` event whose detail carries the value. */
function typeInto(field: Element, value: string) {
  act(() => {
    field.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value } }));
  });
}

const progress = (status: 'running' | 'done', processed: number) => ({
  id: 'job-1',
  status,
  total: 4,
  processed,
  startedAt: new Date().toISOString(),
  finishedAt: status === 'done' ? new Date().toISOString() : null,
});
const current: ScoringConfigResponse = { config: DEFAULT_SCORING_CONFIG, updatedAt: null, rescore: null };
const handoffAnswer = ok({ settings: DEFAULT_HANDOFF_SETTINGS, updatedAt: null });

describe('ConsoleScoringPage', () => {
  beforeEach(() => jest.clearAllMocks());

  it('shows signals readably, and a manager only reads', async () => {
    signInAs('manager', 'employee-li', '李经理');
    fakeServer({ 'GET /api/scoring-config': ok(current), 'GET /api/handoff-settings': handoffAnswer });
    render(<ConsoleScoringPage />);
    expect(
      await screen.findByText('30 分钟内 浏览产品页 ≥2 次 且 点击咨询 ≥1 次 → SQL，标签 强意向'),
    ).toBeTruthy();
    expect(screen.getByText('只有管理员可以修改规则，经理可查看。')).toBeTruthy();
    expect(screen.queryByText('保存并重新评分')).toBeNull();
  });

  it('saves the edited rules, shows the field errors, then polls the re-score until done', async () => {
    signInAs('admin');
    let reads = 0;
    const sentConfigs: unknown[] = [];
    fakeServer({
      'GET /api/scoring-config': () => {
        reads += 1;
        // The first read loads the page; then the job is seen running, then done.
        return ok({
          ...current,
          rescore: reads === 1 ? null : progress(reads === 2 ? 'running' : 'done', reads === 2 ? 2 : 4),
        });
      },
      'GET /api/handoff-settings': handoffAnswer,
      'PUT /api/scoring-config': (body) => {
        sentConfigs.push(body);
        if (sentConfigs.length === 1) {
          return {
            statusCode: 400,
            data: {
              statusCode: 400,
              error: 'Bad Request',
              message: '请求参数不合法',
              fields: [{ path: 'sqlThreshold', message: 'must be above mqlThreshold' }],
            },
          };
        }
        return ok({ config: body, updatedAt: new Date().toISOString(), rescore: progress('running', 0) });
      },
    });
    const { container } = render(<ConsoleScoringPage />);
    await screen.findByText('保存并重新评分');
    const [mql, sql] = [...container.querySelectorAll('.scoring__input')];
    typeInto(sql!, '20');
    fireEvent.click(screen.getByText('保存并重新评分'));
    expect(await screen.findByText('must be above mqlThreshold')).toBeTruthy();
    expect(sentConfigs[0]).toMatchObject({ mqlThreshold: 30, sqlThreshold: 20 });

    typeInto(sql!, '80');
    typeInto(mql!, '40');
    fireEvent.click(screen.getByText('保存并重新评分'));
    expect(await screen.findByText('重新评分中')).toBeTruthy();
    expect(sentConfigs[1]).toMatchObject({
      mqlThreshold: 40,
      sqlThreshold: 80,
      rules: DEFAULT_SCORING_CONFIG.rules,
    });
    expect(screen.queryByText('must be above mqlThreshold')).toBeNull();
    await waitFor(() => expect(screen.getByText('重新评分完成')).toBeTruthy(), { timeout: 4000 });
    expect(container.querySelector('.progress-bar__numbers')?.textContent).toBe('4 / 4');
  });
});
