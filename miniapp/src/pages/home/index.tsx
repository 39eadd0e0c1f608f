import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { CardDto, Principal } from '@cardhub/shared';
import { useState } from 'react';
import { consoleSectionsFor } from '../../components/ConsoleLayout';
import RoleBadge from '../../components/RoleBadge';
import { countCountedVisitsToday } from '../../components/RadarVisitItem/visitLabels';
import { logout, wechatLogin } from '../../services/auth';
import { getMyCard } from '../../services/cards';
import { fetchRadar } from '../../services/radar';
import { getSession } from '../../services/session';
import './index.scss';

type EmployeePrincipal = Extract<Principal, { kind: 'employee' }>;

type HomeState =
  | { kind: 'loading' }
  | { kind: 'prospect' }
  | { kind: 'signedOut' }
  | { kind: 'failed' }
  | { kind: 'ready'; principal: EmployeePrincipal; card: CardDto; todayVisits: number | null };

const CONSOLE_LOGIN_URL = '/pages/console/login/index';

/** Who is using the app: the stored session, or in WeChat a silent login. Null means "send to the console login". */
async function resolvePrincipal(): Promise<Principal | null> {
  const session = getSession();
  if (session) return session.principal;
  if (process.env.TARO_ENV !== 'weapp') return null;
  return (await wechatLogin()).principal;
}

async function loadTodayVisits(): Promise<number | null> {
  try {
    return countCountedVisitsToday((await fetchRadar({ limit: 50 })).visits, new Date());
  } catch {
    // The count is a nicety; the home page still works without it.
    return null;
  }
}

export default function HomePage() {
  const [state, setState] = useState<HomeState>({ kind: 'loading' });

  const load = async () => {
    setState({ kind: 'loading' });
    try {
      const principal = await resolvePrincipal();
      if (!principal) {
        Taro.redirectTo({ url: CONSOLE_LOGIN_URL });
        return;
      }
      if (principal.kind !== 'employee') return setState({ kind: 'prospect' });
      const [card, todayVisits] = await Promise.all([getMyCard(), loadTodayVisits()]);
      setState({ kind: 'ready', principal, card, todayVisits });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  // Coming back from the editor or the radar refreshes the card and today's count; after a logout
  // in WeChat it must not sign straight back in silently.
  useDidShow(() => {
    if (state.kind !== 'signedOut') void load();
  });

  const handleLogout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出当前账号吗？' });
    if (!confirm) return;
    logout();
    if (process.env.TARO_ENV === 'weapp') setState({ kind: 'signedOut' });
    else Taro.reLaunch({ url: CONSOLE_LOGIN_URL });
  };

  if (state.kind === 'loading') {
    return (
      <View className="home-page home-page--center">
        <Text className="home-page__hint">正在登录…</Text>
      </View>
    );
  }

  if (state.kind === 'failed') {
    return (
      <View className="home-page home-page--center">
        <Text className="home-page__title">加载失败</Text>
        <Text className="home-page__hint">请检查网络后重试</Text>
        <Button className="home-page__retry" onClick={() => void load()}>
          重试
        </Button>
      </View>
    );
  }

  if (state.kind === 'signedOut') {
    return (
      <View className="home-page home-page--center">
        <Text className="home-page__title">已退出登录</Text>
        <Text className="home-page__hint">用微信重新登录即可回到你的名片</Text>
        <Button className="home-page__retry" onClick={() => void load()}>
          微信登录
        </Button>
      </View>
    );
  }

  if (state.kind === 'prospect') {
    return (
      <View className="home-page home-page--center">
        <View className="home-page__notice">
          <Text className="home-page__title">这里是员工的名片工作台</Text>
          <Text className="home-page__hint">
            智能名片只对企业员工开放。如果你是员工，请打开管理员发给你的邀请完成加入；如果你在找某位员工的名片，请打开对方分享给你的名片。
          </Text>
          <Text className="home-page__hint">经理和管理员可在电脑浏览器中登录管理后台。</Text>
          {/* The console is part of the H5 build only. */}
          {process.env.TARO_ENV !== 'weapp' && (
            <Button
              className="home-page__link-button"
              onClick={() => Taro.navigateTo({ url: CONSOLE_LOGIN_URL })}
            >
              管理员登录
            </Button>
          )}
        </View>
      </View>
    );
  }

  const { principal, card, todayVisits } = state;
  const [consoleEntry] = consoleSectionsFor(principal.role);
  return (
    <View className="home-page">
      <View className="home-page__org-row">
        <Text className="home-page__org">{principal.organizationName}</Text>
        {principal.role !== 'employee' && <RoleBadge role={principal.role} />}
      </View>

      <View className="home-page__card" onClick={() => Taro.navigateTo({ url: '/pages/card/edit/index' })}>
        {card.avatarUrl ? (
          <Image className="home-page__avatar" src={card.avatarUrl} mode="aspectFill" />
        ) : (
          <View className="home-page__avatar home-page__avatar--empty">
            <Text>{card.name.slice(0, 1)}</Text>
          </View>
        )}
        <View className="home-page__identity">
          <Text className="home-page__name">{card.name}</Text>
          {card.title && <Text className="home-page__title-line">{card.title}</Text>}
          <Text className="home-page__company">{card.company || card.organizationName}</Text>
        </View>
      </View>

      <View className="home-page__actions">
        <Button
          className="home-page__action home-page__action--primary"
          onClick={() => Taro.navigateTo({ url: '/pages/card/share/index' })}
        >
          <Text className="home-page__action-title">分享名片</Text>
          <Text className="home-page__action-hint">发给客户，谁看了一目了然</Text>
        </Button>
        <Button
          className="home-page__action"
          onClick={() => Taro.navigateTo({ url: '/pages/material/index' })}
        >
          <Text className="home-page__action-title">物料库</Text>
          <Text className="home-page__action-hint">文章海报视频一键分享</Text>
        </Button>
        <Button className="home-page__action" onClick={() => Taro.navigateTo({ url: '/pages/tasks/index' })}>
          <Text className="home-page__action-title">营销任务</Text>
          <Text className="home-page__action-hint">公司布置的任务和进度</Text>
        </Button>
        <Button className="home-page__action" onClick={() => Taro.navigateTo({ url: '/pages/shares/index' })}>
          <Text className="home-page__action-title">我的分享</Text>
          <Text className="home-page__action-hint">每次分享的浏览和访客</Text>
        </Button>
        <Button
          className="home-page__action"
          onClick={() => Taro.navigateTo({ url: '/pages/leaderboard/index' })}
        >
          <Text className="home-page__action-title">排行榜</Text>
          <Text className="home-page__action-hint">我的排名和距上一名的差距</Text>
        </Button>
        <Button className="home-page__action" onClick={() => Taro.navigateTo({ url: '/pages/leads/index' })}>
          <Text className="home-page__action-title">我的线索</Text>
          <Text className="home-page__action-hint">谁有意向，下一步怎么跟</Text>
        </Button>
        <Button className="home-page__action" onClick={() => Taro.navigateTo({ url: '/pages/radar/index' })}>
          <Text className="home-page__action-title">访客雷达</Text>
          <Text className="home-page__action-hint">
            {todayVisits === null ? '查看谁看了你的名片' : `今日访客 ${todayVisits} 人`}
          </Text>
        </Button>
        <Button
          className="home-page__action"
          onClick={() => Taro.navigateTo({ url: '/pages/card/edit/index' })}
        >
          <Text className="home-page__action-title">编辑名片</Text>
          <Text className="home-page__action-hint">完善信息，方便客户联系</Text>
        </Button>
        {consoleEntry && (
          <Button className="home-page__action" onClick={() => Taro.navigateTo({ url: consoleEntry.url })}>
            <Text className="home-page__action-title">管理后台</Text>
            <Text className="home-page__action-hint">员工、物料和营销任务</Text>
          </Button>
        )}
      </View>

      <Text className="home-page__logout" onClick={handleLogout}>
        退出登录
      </Text>
    </View>
  );
}
