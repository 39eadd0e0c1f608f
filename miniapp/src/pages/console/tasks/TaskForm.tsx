import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  type MaterialDto,
  type SharingTaskDetail,
  type TaskTargetsResponse,
  createSharingTaskSchema,
  departmentSubtreeIds,
} from '@cardhub/shared';
import { useEffect, useMemo, useState } from 'react';
import MaterialCover from '../../../components/MaterialCover';
import FormField from '../../../components/FormField';
import { ApiError } from '../../../services/request';
import { createTask, fetchShareableMaterials, fetchTaskTargets } from '../../../services/tasks';
import { deadlineIso, defaultDeadline } from '../../../utils/deadline';
import { MATERIAL_TYPE_LABELS } from '../../../utils/material-labels';

/** What to tell the person filling the form, by the field the schema or the server named. */
const FIELD_MESSAGES: Record<string, string> = {
  title: '请填写任务名称（最多 40 字）',
  materialId: '请选择一个已发布的物料',
  departmentIds: '请至少选择一个部门或员工',
  employeeIds: '所选员工不存在或已停用，请重新选择',
  deadline: '截止时间必须晚于现在',
  goalShares: '请至少设置一个目标：每人分享次数或带来的浏览量',
  goalViews: '浏览目标须为 0–100000 的整数',
  note: '备注最多 300 字',
};

type FieldErrors = Record<string, string>;

function errorsOf(paths: string[]): FieldErrors {
  return Object.fromEntries(paths.map((path) => [path, FIELD_MESSAGES[path] ?? '请检查此项']));
}

const toggle = (ids: string[], id: string) =>
  ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id];

export interface TaskFormProps {
  onCancel: () => void;
  onCreated: (task: SharingTaskDetail) => void;
}

/** Push a published material to departments or people, with a deadline and a goal per person. */
export default function TaskForm({ onCancel, onCreated }: TaskFormProps) {
  const [targets, setTargets] = useState<TaskTargetsResponse | null>(null);
  const [materials, setMaterials] = useState<MaterialDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [materialId, setMaterialId] = useState<string | null>(null);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const [deadline, setDeadline] = useState(() => defaultDeadline(new Date()));
  const [goalShares, setGoalShares] = useState('1');
  const [goalViews, setGoalViews] = useState('0');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([fetchTaskTargets(), fetchShareableMaterials()])
      .then(([loadedTargets, loadedMaterials]) => {
        setTargets(loadedTargets);
        setMaterials(loadedMaterials.items);
      })
      .catch((failure: unknown) => setLoadError(failure instanceof Error ? failure.message : '加载失败'));
  }, []);

  /** Who the task will reach: the chosen departments with their sub-departments, and the chosen people. */
  const reached = useMemo(() => {
    if (!targets) return 0;
    const departments = new Set(departmentSubtreeIds(targets.departments, departmentIds));
    return targets.employees.filter(
      (employee) =>
        employeeIds.includes(employee.id) ||
        (employee.departmentId !== null && departments.has(employee.departmentId)),
    ).length;
  }, [targets, departmentIds, employeeIds]);

  const depthOf = (departmentId: string): number => {
    const parent = targets?.departments.find((department) => department.id === departmentId)?.parentId;
    return parent ? 1 + depthOf(parent) : 0;
  };
  const departmentName = (departmentId: string | null) =>
    targets?.departments.find((department) => department.id === departmentId)?.name ?? '未分配部门';

  const submit = async () => {
    if (busy) return;
    const input = {
      title,
      materialId: materialId ?? '',
      note,
      departmentIds,
      employeeIds,
      deadline: deadlineIso(deadline.date, deadline.time),
      goalShares: Number(goalShares || 0),
      goalViews: Number(goalViews || 0),
    };
    const checked = createSharingTaskSchema.safeParse(input);
    const early = checked.success ? [] : checked.error.issues.map((issue) => String(issue.path[0]));
    if (Date.parse(input.deadline) <= Date.now()) early.push('deadline');
    if (early.length > 0) {
      setErrors(errorsOf(early));
      setFormError('请按提示修改后再发布');
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      onCreated(await createTask(input));
    } catch (failure) {
      if (failure instanceof ApiError) {
        setErrors(errorsOf((failure.body.fields ?? []).map((field) => field.path.split('.')[0]!)));
        setFormError(failure.message);
      } else setFormError('发布失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  if (loadError) {
    return (
      <View className="console-panel">
        <Text className="console-tasks__hint">无法加载物料和部门：{loadError}</Text>
      </View>
    );
  }
  if (!targets || !materials) {
    return (
      <View className="console-panel">
        <Text className="console-tasks__hint">正在准备表单…</Text>
      </View>
    );
  }

  return (
    <View className="console-panel task-form">
      <View className="task-form__head">
        <Text className="task-form__heading">新建营销任务</Text>
        <Text className="task-form__reach">
          将分配给 <Text className="task-form__reach-count">{reached}</Text> 人
        </Text>
      </View>

      <FormField label="任务名称" required error={errors.title} counter={`${title.length}/40`}>
        <Input
          className="task-form__input"
          placeholder="如：本周推广新品白皮书"
          maxlength={40}
          value={title}
          onInput={(event) => setTitle(event.detail.value)}
        />
      </FormField>

      <FormField label="分享的物料" required error={errors.materialId}>
        {materials.length === 0 ? (
          <Text className="console-tasks__hint">还没有已发布的物料，请先在「物料」中发布。</Text>
        ) : (
          <View className="task-form__materials">
            {materials.map((material) => (
              <View
                key={material.id}
                className={`task-form__material${material.id === materialId ? ' task-form__material--chosen' : ''}`}
                onClick={() => setMaterialId(material.id)}
              >
                <MaterialCover material={material} className="task-form__cover" />
                <View className="task-form__material-text">
                  <Text className="task-form__material-title">{material.title}</Text>
                  <Text className="task-form__material-type">
                    {MATERIAL_TYPE_LABELS[material.type]}
                    {material.category ? ` · ${material.category}` : ''}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        )}
      </FormField>

      <FormField label="部门（含下级部门）" error={errors.departmentIds}>
        <View className="task-form__tree">
          {targets.departments.map((department) => {
            const chosen = departmentIds.includes(department.id);
            return (
              <View
                key={department.id}
                className={`task-form__branch task-form__branch--depth-${Math.min(depthOf(department.id), 4)}${chosen ? ' task-form__branch--on' : ''}`}
                onClick={() => setDepartmentIds((ids) => toggle(ids, department.id))}
              >
                <Text className="task-form__check">{chosen ? '✓' : ''}</Text>
                <Text className="task-form__branch-name">{department.name}</Text>
                <Text className="task-form__branch-count">{department.staff} 人</Text>
              </View>
            );
          })}
        </View>
      </FormField>

      <FormField label="指定员工" error={errors.employeeIds}>
        <View className="task-form__chips">
          {targets.employees.map((employee) => (
            <Text
              key={employee.id}
              className={`task-form__chip${employeeIds.includes(employee.id) ? ' task-form__chip--on' : ''}`}
              onClick={() => setEmployeeIds((ids) => toggle(ids, employee.id))}
            >
              {employee.name}
              <Text className="task-form__chip-sub"> {departmentName(employee.departmentId)}</Text>
            </Text>
          ))}
        </View>
      </FormField>

      <View className="task-form__row">
        <FormField label="截止时间" required error={errors.deadline}>
          <View className="task-form__pickers">
            <Picker
              mode="date"
              value={deadline.date}
              onChange={(event) =>
                setDeadline((current) => ({ ...current, date: String(event.detail.value) }))
              }
            >
              <Text className="task-form__picker">{deadline.date}</Text>
            </Picker>
            <Picker
              mode="time"
              value={deadline.time}
              onChange={(event) =>
                setDeadline((current) => ({ ...current, time: String(event.detail.value) }))
              }
            >
              <Text className="task-form__picker">{deadline.time}</Text>
            </Picker>
          </View>
        </FormField>
        <FormField label="每人分享次数" error={errors.goalShares}>
          <Input
            className="task-form__input task-form__input--number"
            type="number"
            value={goalShares}
            onInput={(event) => setGoalShares(event.detail.value)}
          />
        </FormField>
        <FormField label="每人带来浏览" error={errors.goalViews}>
          <Input
            className="task-form__input task-form__input--number"
            type="number"
            value={goalViews}
            onInput={(event) => setGoalViews(event.detail.value)}
          />
        </FormField>
      </View>

      <FormField label="备注" error={errors.note} counter={`${note.length}/300`}>
        <Textarea
          className="task-form__textarea"
          placeholder="告诉大家为什么要分享、分享给谁（选填）"
          maxlength={300}
          value={note}
          onInput={(event) => setNote(event.detail.value)}
        />
      </FormField>

      {formError && <Text className="task-form__error">{formError}</Text>}
      <View className="task-form__buttons">
        <Text className="console-button console-button--secondary" onClick={onCancel}>
          取消
        </Text>
        <Text className="console-button" onClick={() => void submit()}>
          {busy ? '发布中…' : '发布任务'}
        </Text>
      </View>
    </View>
  );
}
