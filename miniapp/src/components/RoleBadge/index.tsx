import { Text } from '@tarojs/components';
import { STAFF_ROLE_LABELS, type StaffRole } from '@cardhub/shared';
import './index.scss';

export const ROLE_LABELS: Record<StaffRole, string> = STAFF_ROLE_LABELS;

export interface RoleBadgeProps {
  role: StaffRole;
}

export default function RoleBadge({ role }: RoleBadgeProps) {
  return <Text className={`role-badge role-badge--${role}`}>{ROLE_LABELS[role]}</Text>;
}
