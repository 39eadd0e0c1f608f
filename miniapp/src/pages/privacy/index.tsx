import { Button, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ConsentPurpose, PrivacyStatus } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import {
  chooseConsent,
  eraseOwnData,
  exportOwnData,
  getPrivacyStatus,
  saveJson,
} from '../../services/privacy';
import { useBusyAction } from '../../hooks/useBusyAction';
import { ApiError } from '../../services/request';
import { PRIVACY_POLICY } from './policy';
import './index.scss';

const STATE_LABELS = { granted: '已同意', withdrawn: '已撤回', none: '未授权' } as const;
/** Personalised marketing runs until the person refuses it (PIPL art. 24: the right to refuse). */
const MARKETING_STATE_LABELS = { ...STATE_LABELS, none: '开启中，可随时关闭' } as const;

type Data =
  { kind: 'loading' } | { kind: 'none'; message: string } | { kind: 'ready'; status: PrivacyStatus };

/**
 * 隐私政策与个人数据: the policy for everyone; opened from a card or material page (`?token=` of that visit), the
 * person's own consents to withdraw or give again, a copy of their data and its erasure.
 */
export default function PrivacyPage() {
  const { params } = useRouter();
  const visitToken = params.token ? decodeURIComponent(params.token) : '';
  const [data, setData] = useState<Data>({ kind: visitToken ? 'loading' : 'none', message: '' });

  // The person is unknown (never seen, or erased): say so in place of the controls.
  const gone = (failure: unknown) => {
    if (!(failure instanceof ApiError && failure.status === 404)) return false;
    setData({ kind: 'none', message: failure.message });
    return true;
  };
  const { busy, run: act } = useBusyAction(gone);

  useEffect(() => {
    if (!visitToken) return;
    getPrivacyStatus(visitToken).then(
      (status) => setData({ kind: 'ready', status }),
      (failure: unknown) => {
        if (!gone(failure)) setData({ kind: 'none', message: '加载失败，请稍后再试' });
      },
    );
  }, [visitToken]);

  const toggle = (purpose: ConsentPurpose, granted: boolean) =>
    act(async () => setData({ kind: 'ready', status: await chooseConsent(visitToken, purpose, granted) }));

  const download = () =>
    act(async () => {
      const copy = await exportOwnData(visitToken);
      if (process.env.TARO_ENV === 'h5') saveJson(copy, '我的个人数据.json');
      else await Taro.setClipboardData({ data: JSON.stringify(copy, null, 2) });
      Taro.showToast({ title: `已导出 ${copy.events.length} 条记录`, icon: 'none' });
    });

  const erase = () =>
    act(async () => {
      const { confirm } = await Taro.showModal({
        title: '删除我的个人信息？',
        content: '你的电话、称呼、身份标识和同意记录将被删除，浏览记录只匿名计入统计。此操作不可撤销。',
        confirmText: '删除',
        confirmColor: '#f54a45',
      });
      if (!confirm) return;
      await eraseOwnData(visitToken);
      setData({ kind: 'none', message: '你的个人信息已删除' });
    });

  return (
    <View className="page privacy-page">
      {data.kind === 'ready' ? (
        <View className="privacy-page__card">
          <Text className="privacy-page__title">我的数据 · {data.status.organizationName}</Text>
          {data.status.purposes.map((purpose) => (
            <View key={purpose.purpose} className="privacy-page__purpose">
              <View className="privacy-page__purpose-text">
                <Text className="privacy-page__purpose-label">{purpose.label}</Text>
                <Text className="privacy-page__purpose-state">
                  {
                    (purpose.purpose === 'personalised_marketing' ? MARKETING_STATE_LABELS : STATE_LABELS)[
                      purpose.state
                    ]
                  }
                </Text>
              </View>
              <Switch
                checked={
                  purpose.purpose === 'personalised_marketing'
                    ? purpose.state !== 'withdrawn'
                    : purpose.state === 'granted'
                }
                disabled={busy}
                color="#3370ff"
                onChange={(event) => void toggle(purpose.purpose, event.detail.value)}
              />
            </View>
          ))}
          <Text className="privacy-page__hint">
            撤回后我们不再收集该项个人信息；拒绝个性化营销后不再对你评分或提醒员工。
          </Text>
          <View className="privacy-page__actions">
            <Button className="privacy-page__export" onClick={() => void download()}>
              导出我的数据
            </Button>
            <Button className="privacy-page__erase" onClick={() => void erase()}>
              删除我的个人信息
            </Button>
          </View>
        </View>
      ) : data.kind === 'none' && data.message ? (
        <View className="privacy-page__card">
          <Text className="privacy-page__hint">{data.message}</Text>
        </View>
      ) : null}

      <View className="privacy-page__card">
        <Text className="privacy-page__title">隐私政策</Text>
        <Text className="privacy-page__version">版本 {PRIVACY_POLICY.version}</Text>
        {PRIVACY_POLICY.sections.map((section) => (
          <View key={section.title} className="privacy-page__section">
            <Text className="privacy-page__section-title">{section.title}</Text>
            <Text className="privacy-page__section-body">{section.body}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
