import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Principal, StaffRole } from '@cardhub/shared';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import RoleBadge from '../RoleBadge';
import { logout } from '../../services/auth';
import { getStaffSession } from '../../services/session';
import './index.scss';

export type StaffPrincipal = Extract<Principal, { kind: 'employee' }>;

/** The console's sections, in the order of its navigation; each names who may open it. */
export const CONSOLE_SECTIONS = [
  { key: 'roster', label: '员工', url: '/pages/console/roster/index', roles: ['admin'] },
  { key: 'materials', label: '物料', url: '/pages/console/materials/index', roles: ['admin'] },
  { key: 'dashboard', label: '数据看板', url: '/pages/console/dashboard/index', roles: ['admin', 'manager'] },
  { key: 'boards', label: '排行榜', url: '/pages/console/boards/index', roles: ['admin', 'manager'] },
  { key: 'tasks', label: '营销任务', url: '/pages/console/tasks/index', roles: ['admin', 'manager'] },
  { key: 'leads', label: '线索', url: '/pages/console/leads/index', roles: ['admin', 'manager'] },
  { key: 'scoring', label: '评分规则', url: '/pages/console/scoring/index', roles: ['admin', 'manager'] },
  { key: 'privacy', label: '隐私合规', url: '/pages/console/privacy/index', roles: ['admin'] },
] as const satisfies readonly { key: string; label: string; url: string; roles: readonly StaffRole[] }[];

export type ConsoleSectionKey = (typeof CONSOLE_SECTIONS)[number]['key'];

const LOGIN_URL = '/pages/console/login/index';

function signedInStaff(): StaffPrincipal | null {
  const principal = getStaffSession()?.principal;
  return principal?.kind === 'employee' ? principal : null;
}

export function consoleSectionsFor(role: StaffRole) {
  return CONSOLE_SECTIONS.filter((section) => (section.roles as readonly StaffRole[]).includes(role));
}

export interface ConsoleLayoutProps {
  active: ConsoleSectionKey;
  /** Page heading above the content. */
  title: string;
  /** Buttons shown at the right of the title (e.g. 新建). */
  actions?: ReactNode;
  /** A link above the title back to the list a detail page belongs to. */
  back?: { label: string; url: string };
  /** Renders once the signed-in member of staff may see this section. */
  children: (principal: StaffPrincipal) => ReactNode;
}

/**
 * The frame of every console page: who is signed in, the section navigation, and the role check. Anyone
 * without a staff session goes to the console login; a role the section is not for gets an explanation.
 */
export default function ConsoleLayout({ active, title, actions, back, children }: ConsoleLayoutProps) {
  const [principal] = useState(signedInStaff);

  useEffect(() => {
    if (!principal) void Taro.redirectTo({ url: LOGIN_URL });
  }, [principal]);

  if (!principal) return <View className="console" />;

  const sections = consoleSectionsFor(principal.role);
  const allowed = sections.some((section) => section.key === active);
  const activeLabel = CONSOLE_SECTIONS.find((section) => section.key === active)?.label;
  const signOut = () => {
    logout();
    void Taro.reLaunch({ url: LOGIN_URL });
  };

  return (
    <View className="console">
      <View className="console__bar">
        <View className="console__brand">
          <Text className="console__logo">名</Text>
          <Text className="console__org">{principal.organizationName}</Text>
        </View>
        <View className="console__who">
          <Text className="console__name">{principal.name}</Text>
          <RoleBadge role={principal.role} />
          <Text className="console__link" onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
            我的名片
          </Text>
          <Text className="console__link" onClick={signOut}>
            退出
          </Text>
        </View>
      </View>

      <View className="console__nav">
        {sections.map((section) => (
          <Text
            key={section.key}
            className={`console__tab ${section.key === active ? 'console__tab--active' : ''}`}
            onClick={() => section.key !== active && void Taro.redirectTo({ url: section.url })}
          >
            {section.label}
          </Text>
        ))}
      </View>

      <View className="console__body">
        {back && (
          <Text className="console__back" onClick={() => void Taro.redirectTo({ url: back.url })}>
            ‹ {back.label}
          </Text>
        )}
        <View className="console__heading">
          <Text className="console__title">{title}</Text>
          {allowed && actions ? <View className="console__actions">{actions}</View> : null}
        </View>
        {allowed ? (
          children(principal)
        ) : (
          <View className="console__denied">
            <Text>你的账号没有「{activeLabel}」的权限，如需开通请联系管理员。</Text>
          </View>
        )}
      </View>
    </View>
  );
}
