import { Text, View } from '@tarojs/components';
import { EMPLOYEE_STATUS_LABELS, type EmployeeDto } from '@cardhub/shared';
import RoleBadge from '../../../components/RoleBadge';
import { expiryHint } from './format';

export interface EmployeeTableProps {
  employees: EmployeeDto[];
  /** The signed-in admin, who cannot disable themselves. */
  selfId: string;
  onEdit: (employee: EmployeeDto) => void;
  onInvite: (employee: EmployeeDto) => void;
  onToggleDisabled: (employee: EmployeeDto) => void;
}

function StatusCell({ employee }: { employee: EmployeeDto }) {
  const expiry =
    employee.status === 'invited' && employee.invitation ? expiryHint(employee.invitation.expiresAt) : null;
  return (
    <View className="roster-status">
      <Text className={`roster-status__pill roster-status__pill--${employee.status}`}>
        {EMPLOYEE_STATUS_LABELS[employee.status]}
      </Text>
      {expiry && (
        <Text className={`roster-status__hint${expiry.expired ? ' roster-status__hint--expired' : ''}`}>
          {expiry.text}
        </Text>
      )}
    </View>
  );
}

/** The people of the selected department: who they are, how to reach them, their role and state, and actions. */
export default function EmployeeTable({
  employees,
  selfId,
  onEdit,
  onInvite,
  onToggleDisabled,
}: EmployeeTableProps) {
  return (
    <View className="console-table roster-table">
      <View className="console-table__row console-table__row--head roster-table__head">
        <Text className="console-table__cell console-table__cell--wide">姓名</Text>
        <Text className="console-table__cell">部门</Text>
        <Text className="console-table__cell console-table__cell--wide">联系方式</Text>
        <Text className="console-table__cell roster-table__narrow">角色</Text>
        <Text className="console-table__cell">状态</Text>
        <Text className="console-table__cell roster-table__actions-cell">操作</Text>
      </View>
      {employees.map((employee) => (
        <View
          key={employee.id}
          className={`console-table__row roster-table__row${employee.status === 'disabled' ? ' roster-table__row--disabled' : ''}`}
          data-testid={`employee-${employee.id}`}
        >
          <View className="console-table__cell console-table__cell--wide roster-table__person">
            <Text className="roster-table__avatar">{employee.name.slice(0, 1)}</Text>
            <View className="roster-table__who">
              <Text className="roster-table__name">{employee.name}</Text>
              <Text className="roster-table__title">{employee.title || '—'}</Text>
            </View>
          </View>
          <Text className="console-table__cell roster-table__department">
            {employee.departmentPath ?? '未分配'}
          </Text>
          <View className="console-table__cell console-table__cell--wide roster-table__contact">
            <Text>{employee.phone || '—'}</Text>
            {employee.email && <Text className="roster-table__email">{employee.email}</Text>}
          </View>
          <View className="console-table__cell roster-table__narrow">
            <RoleBadge role={employee.role} />
          </View>
          <View className="console-table__cell">
            <StatusCell employee={employee} />
          </View>
          <View className="console-table__cell roster-table__actions-cell">
            <Text className="roster-table__action" onClick={() => onEdit(employee)}>
              编辑
            </Text>
            {employee.status === 'invited' && (
              <Text className="roster-table__action" onClick={() => onInvite(employee)}>
                邀请
              </Text>
            )}
            {employee.id !== selfId && (
              <Text
                className={`roster-table__action${employee.status === 'disabled' ? '' : ' roster-table__action--danger'}`}
                onClick={() => onToggleDisabled(employee)}
              >
                {employee.status === 'disabled' ? '启用' : '停用'}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
