import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type SharingTaskDetail, describeGoal, roleAtLeast } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import MaterialCover from '../../../components/MaterialCover';
import ConsoleLayout, { type StaffPrincipal } from '../../../components/ConsoleLayout';
import ProgressBar from '../../../components/ProgressBar';
import StatTile from '../../../components/StatTile';
import { failureMessage } from '../../../services/request';
import { closeTask, fetchTask } from '../../../services/tasks';
import { formatDateTime, timeLeft } from '../../../utils/deadline';
import { MATERIAL_TYPE_LABELS } from '../../../utils/material-labels';
import { completionRate, taskStatus } from './taskStatus';

type State =
  { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; task: SharingTaskDetail };

/** One task: how far each department and each person got toward the goal. */
export default function TaskDetailView({ taskId }: { taskId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const now = new Date();

  useEffect(() => {
    fetchTask(taskId)
      .then((task) => setState({ kind: 'ready', task }))
      .catch((failure: unknown) =>
        setState({
          kind: 'failed',
          message: failureMessage(failure, '加载失败，请稍后再试'),
        }),
      );
  }, [taskId]);

  const close = async (task: SharingTaskDetail) => {
    const { confirm } = await Taro.showModal({
      title: '结束任务',
      content: `结束后不再统计「${task.title}」的进度，员工也不会再看到它。确定结束吗？`,
    });
    if (!confirm) return;
    try {
      setState({ kind: 'ready', task: await closeTask(task.id) });
    } catch (failure) {
      void Taro.showToast({
        title: failureMessage(failure, '操作失败'),
        icon: 'none',
      });
    }
  };

  const canClose = (task: SharingTaskDetail, principal: StaffPrincipal) =>
    task.status === 'active' &&
    (roleAtLeast(principal.role, 'admin') || task.createdBy.id === principal.employeeId);

  return (
    <ConsoleLayout
      active="tasks"
      title={state.kind === 'ready' ? state.task.title : '任务详情'}
      back={{ label: '全部任务', url: '/pages/console/tasks/index' }}
    >
      {(principal) => (
        <View className="console-tasks">
          {state.kind === 'loading' && <Text className="console-tasks__hint">正在加载…</Text>}
          {state.kind === 'failed' && (
            <View className="console-panel console-tasks__empty">
              <Text className="console-tasks__hint">{state.message}</Text>
            </View>
          )}
          {state.kind === 'ready' && (
            <TaskProgress
              task={state.task}
              now={now}
              onClose={canClose(state.task, principal) ? close : undefined}
            />
          )}
        </View>
      )}
    </ConsoleLayout>
  );
}

function TaskProgress({
  task,
  now,
  onClose,
}: {
  task: SharingTaskDetail;
  now: Date;
  onClose?: (task: SharingTaskDetail) => Promise<void>;
}) {
  const status = taskStatus(task, now);
  const goalTotal = (perPerson: number) => perPerson * task.assignees;
  return (
    <>
      <View className="console-panel task-overview">
        <MaterialCover material={task.material} className="task-overview__cover" />
        <View className="task-overview__text">
          <View className="console-tasks__title-line">
            <Text className={`console-tasks__chip console-tasks__chip--${status.tone}`}>{status.label}</Text>
            <Text className="task-overview__material">
              {MATERIAL_TYPE_LABELS[task.material.type]} · {task.material.title}
            </Text>
          </View>
          <Text className="task-overview__meta">
            截止 {formatDateTime(task.deadline, now)}
            {status.tone === 'active' ? `（${timeLeft(task.deadline, now)}）` : ''} · 每人
            {describeGoal(task.goal)} · {task.createdBy.name} 创建
          </Text>
          {task.note && <Text className="task-overview__note">{task.note}</Text>}
        </View>
        {onClose && (
          <Text
            className="console-button console-button--danger task-overview__close"
            onClick={() => void onClose(task)}
          >
            结束任务
          </Text>
        )}
      </View>

      <View className="console-tasks__tiles">
        <StatTile
          label="完成率"
          value={completionRate(task.completed, task.assignees)}
          hint={`${task.completed} / ${task.assignees} 人达成目标`}
          emphasis
        />
        <StatTile label="参与人数" value={task.assignees} unit="人" />
        {task.goal.shares > 0 && (
          <StatTile
            label="分享次数"
            value={task.progress.shares}
            hint={`目标 ${goalTotal(task.goal.shares)}`}
          />
        )}
        {task.goal.views > 0 && (
          <StatTile
            label="带来浏览"
            value={task.progress.views}
            hint={`目标 ${goalTotal(task.goal.views)}`}
          />
        )}
      </View>

      <View className="console-panel">
        <Text className="console-tasks__section">部门完成情况</Text>
        {task.departments.map((department) => (
          <View key={department.departmentId ?? 'none'} className="task-department">
            <View className="task-department__head">
              <Text className="task-department__name">{department.name}</Text>
              <Text className="task-department__rate">
                {department.completed}/{department.assignees} 人完成 ·{' '}
                {completionRate(department.completed, department.assignees)}
              </Text>
            </View>
            <ProgressBar done={department.completed} goal={department.assignees} />
            <View className="task-department__goals">
              {task.goal.shares > 0 && (
                <ProgressBar label="分享" done={department.progress.shares} goal={department.goal.shares} />
              )}
              {task.goal.views > 0 && (
                <ProgressBar label="浏览" done={department.progress.views} goal={department.goal.views} />
              )}
            </View>
          </View>
        ))}
      </View>

      <View className="console-panel">
        <Text className="console-tasks__section">成员进度</Text>
        <View className="console-table">
          <View className="console-table__row console-table__row--head">
            <Text className="console-table__cell console-table__cell--wide">成员</Text>
            <Text className="console-table__cell console-table__cell--number">分享</Text>
            <Text className="console-table__cell console-table__cell--number">浏览</Text>
            <Text className="console-table__cell console-tasks__state-cell">状态</Text>
          </View>
          {task.assigneeProgress.map((row) => (
            <View key={row.employeeId} className="console-table__row">
              <View className="console-table__cell console-table__cell--wide console-tasks__person">
                <Text className="console-tasks__avatar">{row.name.slice(0, 1)}</Text>
                <View className="console-tasks__task">
                  <Text className="console-tasks__name">{row.name}</Text>
                  <Text className="console-tasks__sub">{row.departmentName}</Text>
                </View>
              </View>
              <Text className="console-table__cell console-table__cell--number">
                {row.progress.shares}
                {task.goal.shares > 0 && <Text className="console-tasks__of"> / {task.goal.shares}</Text>}
              </Text>
              <Text className="console-table__cell console-table__cell--number">
                {row.progress.views}
                {task.goal.views > 0 && <Text className="console-tasks__of"> / {task.goal.views}</Text>}
              </Text>
              <View className="console-table__cell console-tasks__state-cell">
                <Text className={`console-tasks__chip console-tasks__chip--${row.done ? 'done' : 'pending'}`}>
                  {row.done ? '已完成' : '未完成'}
                </Text>
              </View>
            </View>
          ))}
        </View>
      </View>
    </>
  );
}
