import { Text } from '@tarojs/components';
import type { StaffRole } from '@cardhub/shared';
import './index.scss';

export const ROLE_LABELS: Record<StaffRole, string> = {
  employee: '员工',
  manager: '经理',
  admin: '管理员',
};

export interface RoleBadgeProps {
  role: StaffRole;
}

export default function RoleBadge({ role }: RoleBadgeProps) {
  return <Text className={`role-badge role-badge--${role}`}>{ROLE_LABELS[role]}</Text>;
}
