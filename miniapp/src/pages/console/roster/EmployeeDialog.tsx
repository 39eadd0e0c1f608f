import { Text, View } from '@tarojs/components';
import {
  type CreateEmployeeResponse,
  type DepartmentDto,
  type DepartmentNode,
  type EmployeeDto,
  STAFF_ROLES,
  STAFF_ROLE_LABELS,
  type StaffRole,
  createEmployeeSchema,
} from '@cardhub/shared';
import { useState } from 'react';
import ConsoleDialog from '../../../components/ConsoleDialog';
import { createEmployee, updateEmployee } from '../../../services/roster';
import { departmentOptions, placeError } from './fields';

/** Chinese hints for the rules each field can break (the schema speaks English to developers). */
const FIELD_HINTS: Record<string, string> = {
  name: '请填写姓名（最多 40 个字）',
  title: '职位最多 60 个字',
  phone: '请填写 11 位手机号',
  email: '邮箱格式不正确',
};
const ROLE_HINTS: Record<StaffRole, string> = {
  employee: '使用名片、分享物料',
  manager: '查看本部门数据',
  admin: '管理员工和物料',
};
const VALID_DAYS = [3, 7, 14, 30];

export interface EmployeeDialogProps {
  /** Absent when adding someone. */
  employee?: EmployeeDto;
  /** Preselected department when adding. */
  departmentId: string | null;
  tree: DepartmentNode<DepartmentDto>[];
  /** The signed-in admin, whose own role is not editable. */
  selfId: string;
  onSaved: (result: { employee: EmployeeDto; created?: CreateEmployeeResponse }) => void;
  onClose: () => void;
}

/** Add someone (they get an invitation) or edit them: contact, department (moving them), role. */
export default function EmployeeDialog({
  employee,
  departmentId,
  tree,
  selfId,
  onSaved,
  onClose,
}: EmployeeDialogProps) {
  const [form, setForm] = useState({
    name: employee?.name ?? '',
    title: employee?.title ?? '',
    phone: employee?.phone ?? '',
    email: employee?.email ?? '',
    departmentId: employee ? employee.departmentId : departmentId,
    role: employee?.role ?? ('employee' as StaffRole),
    validDays: 7,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };

  const save = async () => {
    if (busy) return;
    const checked = createEmployeeSchema.safeParse(form);
    if (!checked.success) {
      setErrors(
        Object.fromEntries(
          checked.error.issues.map((issue) => [
            String(issue.path[0]),
            FIELD_HINTS[String(issue.path[0])] ?? '填写有误',
          ]),
        ),
      );
      return;
    }
    setBusy(true);
    setBanner(null);
    try {
      if (employee) {
        const { validDays: _validDays, ...fields } = checked.data;
        onSaved({ employee: await updateEmployee(employee.id, fields) });
      } else {
        const created = await createEmployee(checked.data);
        onSaved({ employee: created.employee, created });
      }
    } catch (failure) {
      const placed = placeError(failure, Object.keys(FIELD_HINTS));
      if (placed.field) setErrors((current) => ({ ...current, [placed.field]: placed.message }));
      else setBanner(placed.message);
      setBusy(false);
    }
  };

  const textField = (
    key: 'name' | 'title' | 'phone' | 'email',
    label: string,
    placeholder: string,
    required = false,
  ) => (
    <View className={`roster-form__field${errors[key] ? ' roster-form__field--invalid' : ''}`}>
      <Text className="roster-form__label">
        {label}
        {required && <Text className="roster-form__required"> *</Text>}
      </Text>
      <input
        className="roster-form__input"
        aria-label={label}
        value={form[key]}
        placeholder={placeholder}
        onChange={(event) => set(key, event.target.value)}
      />
      {errors[key] && <Text className="roster-form__error">{errors[key]}</Text>}
    </View>
  );

  const ownRole = employee?.id === selfId;
  return (
    <ConsoleDialog
      title={employee ? `编辑 ${employee.name}` : '添加员工'}
      subtitle={employee ? undefined : '添加后会生成邀请链接和二维码，员工用微信打开即可加入'}
      onClose={onClose}
      footer={
        <>
          <Text className="console-button console-button--secondary" onClick={onClose}>
            取消
          </Text>
          <Text className={`console-button${busy ? ' console-button--busy' : ''}`} onClick={save}>
            {busy ? '保存中…' : employee ? '保存' : '添加并生成邀请'}
          </Text>
        </>
      }
    >
      {banner && <Text className="console-dialog__error">{banner}</Text>}
      <View className="roster-form">
        {textField('name', '姓名', '例如：张三', true)}
        {textField('title', '职位', '例如：销售经理')}
        {textField('phone', '手机号', '11 位手机号，用于识别员工')}
        {textField('email', '邮箱', 'name@company.com')}
        <View className="roster-form__field">
          <Text className="roster-form__label">部门</Text>
          <select
            className="roster-form__input"
            aria-label="部门"
            value={form.departmentId ?? ''}
            onChange={(event) => set('departmentId', event.target.value || null)}
          >
            <option value="">未分配部门</option>
            {departmentOptions(tree).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </View>
        {!employee && (
          <View className="roster-form__field">
            <Text className="roster-form__label">邀请有效期</Text>
            <select
              className="roster-form__input"
              aria-label="邀请有效期"
              value={form.validDays}
              onChange={(event) => set('validDays', Number(event.target.value))}
            >
              {VALID_DAYS.map((days) => (
                <option key={days} value={days}>
                  {days} 天
                </option>
              ))}
            </select>
          </View>
        )}
        <View className="roster-form__field roster-form__field--full">
          <Text className="roster-form__label">角色{ownRole ? '（不能修改自己的角色）' : ''}</Text>
          <View className="roster-roles">
            {STAFF_ROLES.map((role) => (
              <View
                key={role}
                className={`roster-roles__option${form.role === role ? ' roster-roles__option--selected' : ''}${ownRole ? ' roster-roles__option--locked' : ''}`}
                onClick={() => !ownRole && set('role', role)}
              >
                <Text className="roster-roles__name">{STAFF_ROLE_LABELS[role]}</Text>
                <Text className="roster-roles__hint">{ROLE_HINTS[role]}</Text>
              </View>
            ))}
          </View>
        </View>
      </View>
    </ConsoleDialog>
  );
}
