import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { type InvitationDto, parseInvitationScene } from '@cardhub/shared';
import { useState } from 'react';
import { ROLE_LABELS } from '../../components/RoleBadge';
import { acceptInvitation, getInvitation } from '../../services/auth';
import { failureMessage } from '../../services/request';
import './index.scss';

type InvitationState =
  | { kind: 'loading' }
  | { kind: 'missing'; reason: string }
  | { kind: 'expired'; invitation: InvitationDto }
  | { kind: 'accepted'; invitation: InvitationDto }
  | { kind: 'open'; invitation: InvitationDto };

function classify(invitation: InvitationDto, now: Date): InvitationState {
  if (invitation.acceptedAt) return { kind: 'accepted', invitation };
  if (Date.parse(invitation.expiresAt) <= now.getTime()) return { kind: 'expired', invitation };
  return { kind: 'open', invitation };
}

const formatDate = (iso: string) => {
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
};

export default function JoinPage() {
  const params = useRouter().params;
  // A link carries `invite`; the mini-program code an admin prints carries `scene` (inv=CODE).
  const inviteCode = params.invite ?? (params.scene ? parseInvitationScene(params.scene) : null) ?? '';
  const [state, setState] = useState<InvitationState>({ kind: 'loading' });
  const [joining, setJoining] = useState(false);

  useLoad(async () => {
    if (!inviteCode) return setState({ kind: 'missing', reason: '邀请链接不完整，请向管理员索取新的邀请。' });
    try {
      setState(classify(await getInvitation(inviteCode), new Date()));
    } catch (error) {
      setState({
        kind: 'missing',
        reason: failureMessage(error, '邀请加载失败，请稍后再试。'),
      });
    }
  });

  const join = async () => {
    if (joining) return;
    setJoining(true);
    try {
      const { code } = await Taro.login();
      await acceptInvitation(inviteCode, code);
      Taro.showToast({ title: '加入成功', icon: 'success' });
      Taro.reLaunch({ url: '/pages/home/index' });
    } catch (error) {
      Taro.showModal({
        title: '加入失败',
        content: error instanceof Error && error.message ? error.message : '请稍后再试，或联系管理员重新邀请',
        showCancel: false,
      });
    } finally {
      setJoining(false);
    }
  };

  if (state.kind === 'loading') {
    return (
      <View className="join-page">
        <Text className="join-page__hint">正在打开邀请…</Text>
      </View>
    );
  }

  if (state.kind === 'missing') {
    return (
      <View className="join-page">
        <View className="join-page__card">
          <Text className="join-page__title">无法打开邀请</Text>
          <Text className="join-page__hint">{state.reason}</Text>
        </View>
      </View>
    );
  }

  const { invitation } = state;
  return (
    <View className="join-page">
      <View className="join-page__card">
        <Text className="join-page__eyebrow">企业邀请</Text>
        <Text className="join-page__org">{invitation.organizationName}</Text>
        <Text className="join-page__lead">
          邀请 <Text className="join-page__name">{invitation.employeeName}</Text> 以「
          {ROLE_LABELS[invitation.role]}」身份加入，开通你的智能名片
        </Text>

        {state.kind === 'accepted' && (
          <View className="join-page__notice">
            <Text>这份邀请已被使用。如果是你本人接受的，直接进入即可。</Text>
            <Button
              className="join-page__button join-page__button--secondary"
              onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}
            >
              进入我的名片
            </Button>
          </View>
        )}

        {state.kind === 'expired' && (
          <View className="join-page__notice">
            <Text>邀请已于 {formatDate(invitation.expiresAt)} 过期，请联系管理员重新邀请。</Text>
          </View>
        )}

        {state.kind === 'open' &&
          (process.env.TARO_ENV === 'weapp' ? (
            <View className="join-page__actions">
              <Button className="button-primary join-page__button" loading={joining} onClick={join}>
                加入企业
              </Button>
              <Text className="join-page__hint">
                加入后，你的微信将与该企业的员工身份绑定。邀请有效期至 {formatDate(invitation.expiresAt)}。
              </Text>
            </View>
          ) : (
            <View className="join-page__notice">
              <Text className="join-page__notice-title">请在微信中打开</Text>
              <Text>
                加入企业需要绑定你的微信，请用微信打开这份邀请（把链接发到微信里点开，或扫描管理员给你的邀请码）。
              </Text>
              <Text className="join-page__code-label">邀请码</Text>
              <Text className="join-page__code" userSelect>
                {invitation.code}
              </Text>
            </View>
          ))}
      </View>
    </View>
  );
}
