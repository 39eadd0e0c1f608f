import { Text, View } from '@tarojs/components';
import { type DepartmentDto, type DepartmentNode, departmentSubtreeIds } from '@cardhub/shared';
import { useState } from 'react';
import ConsoleDialog from '../../../components/ConsoleDialog';
import { createDepartment, updateDepartment } from '../../../services/roster';
import { departmentOptions, placeError } from './fields';

export interface DepartmentDialogProps {
  /** Set when renaming or moving; absent when creating. */
  department?: DepartmentNode<DepartmentDto>;
  /** Where a new department goes (null: the top level). */
  parentId: string | null;
  tree: DepartmentNode<DepartmentDto>[];
  departments: DepartmentDto[];
  onSaved: (department: DepartmentDto) => void;
  onClose: () => void;
}

/** Creates a department, or renames and moves one (never under itself: those choices are left out). */
export default function DepartmentDialog({
  department,
  parentId,
  tree,
  departments,
  onSaved,
  onClose,
}: DepartmentDialogProps) {
  const [name, setName] = useState(department?.name ?? '');
  const [parent, setParent] = useState<string | null>(department ? department.parentId : parentId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const excluded = new Set(department ? departmentSubtreeIds(departments, [department.id]) : []);

  const save = async () => {
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 60 || trimmed.includes('/')) {
      setError('请填写部门名称（最多 60 个字，不能含“/”）');
      return;
    }
    setBusy(true);
    try {
      const input = { name: trimmed, parentId: parent };
      onSaved(department ? await updateDepartment(department.id, input) : await createDepartment(input));
    } catch (failure) {
      setError(placeError(failure, ['name', 'parentId']).message);
      setBusy(false);
    }
  };

  return (
    <ConsoleDialog
      title={department ? `重命名或移动「${department.name}」` : '新建部门'}
      onClose={onClose}
      footer={
        <>
          <Text className="console-button console-button--secondary" onClick={onClose}>
            取消
          </Text>
          <Text className={`console-button${busy ? ' console-button--busy' : ''}`} onClick={save}>
            {busy ? '保存中…' : '保存'}
          </Text>
        </>
      }
    >
      <View className="roster-form roster-form--single">
        <View className={`roster-form__field${error ? ' roster-form__field--invalid' : ''}`}>
          <Text className="roster-form__label">
            部门名称<Text className="roster-form__required"> *</Text>
          </Text>
          <input
            className="roster-form__input"
            aria-label="部门名称"
            value={name}
            placeholder="例如：华东销售部"
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
          {error && <Text className="roster-form__error">{error}</Text>}
        </View>
        <View className="roster-form__field">
          <Text className="roster-form__label">上级部门</Text>
          <select
            className="roster-form__input"
            aria-label="上级部门"
            value={parent ?? ''}
            onChange={(event) => setParent(event.target.value || null)}
          >
            <option value="">（顶级部门）</option>
            {departmentOptions(tree, excluded).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </View>
      </View>
    </ConsoleDialog>
  );
}
