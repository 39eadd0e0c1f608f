import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type SharingTaskDto, describeGoal } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import ConsoleLayout from '../../../components/ConsoleLayout';
import ProgressBar from '../../../components/ProgressBar';
import StatTile from '../../../components/StatTile';
import { fetchTasks } from '../../../services/tasks';
import { formatDateTime, timeLeft } from '../../../utils/deadline';
import TaskForm from './TaskForm';
import { completionRate, taskStatus, taskUrl } from './taskStatus';

type State =
  { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; tasks: SharingTaskDto[] };

export default function TaskListView() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [creating, setCreating] = useState(false);
  const now = new Date();

  const load = () =>
    fetchTasks().then(
      (response) => setState({ kind: 'ready', tasks: response.items }),
      (failure: unknown) =>
        setState({ kind: 'failed', message: failure instanceof Error ? failure.message : '加载失败' }),
    );
  useEffect(() => void load(), []);

  const open = (task: SharingTaskDto) => void Taro.navigateTo({ url: taskUrl(task.id) });

  return (
    <ConsoleLayout
      active="tasks"
      title="营销任务"
      actions={
        !creating && (
          <Text className="console-button" onClick={() => setCreating(true)}>
            + 新建任务
          </Text>
        )
      }
    >
      {() => (
        <View className="console-tasks">
          {creating && <TaskForm onCancel={() => setCreating(false)} onCreated={open} />}

          {state.kind === 'loading' && <Text className="console-tasks__hint">正在加载任务…</Text>}
          {state.kind === 'failed' && (
            <View className="console-panel console-tasks__empty">
              <Text className="console-tasks__hint">任务加载失败：{state.message}</Text>
              <Text className="console-button console-button--secondary" onClick={() => void load()}>
                重试
              </Text>
            </View>
          )}
          {state.kind === 'ready' && state.tasks.length === 0 && !creating && (
            <View className="console-panel console-tasks__empty">
              <Text className="console-tasks__empty-title">还没有营销任务</Text>
              <Text className="console-tasks__hint">
                选一篇物料推给部门或同事，设定截止时间和每人的分享、浏览目标，完成情况按部门实时汇总。
              </Text>
              <Text className="console-button" onClick={() => setCreating(true)}>
                创建第一个任务
              </Text>
            </View>
          )}
          {state.kind === 'ready' && state.tasks.length > 0 && <Overview tasks={state.tasks} now={now} />}
          {state.kind === 'ready' && state.tasks.length > 0 && (
            <View className="console-panel">
              <View className="console-table">
                <View className="console-table__row console-table__row--head console-tasks__head">
                  <Text className="console-table__cell console-table__cell--wide">任务</Text>
                  <Text className="console-table__cell">截止时间</Text>
                  <Text className="console-table__cell console-tasks__progress-cell">完成情况</Text>
                  <Text className="console-table__cell console-table__cell--number">分享</Text>
                  <Text className="console-table__cell console-table__cell--number">浏览</Text>
                </View>
                {state.tasks.map((task) => {
                  const status = taskStatus(task, now);
                  return (
                    <View
                      key={task.id}
                      className="console-table__row console-tasks__row"
                      onClick={() => open(task)}
                    >
                      <View className="console-table__cell console-table__cell--wide console-tasks__task">
                        <View className="console-tasks__title-line">
                          <Text className="console-tasks__title">{task.title}</Text>
                          <Text className={`console-tasks__chip console-tasks__chip--${status.tone}`}>
                            {status.label}
                          </Text>
                        </View>
                        <Text className="console-tasks__sub">
                          {task.material.title} · 每人{describeGoal(task.goal)}
                        </Text>
                      </View>
                      <View className="console-table__cell console-tasks__deadline">
                        <Text>{formatDateTime(task.deadline, now)}</Text>
                        {status.tone === 'active' && (
                          <Text className="console-tasks__sub">{timeLeft(task.deadline, now)}</Text>
                        )}
                      </View>
                      <View className="console-table__cell console-tasks__progress-cell">
                        <View className="console-tasks__rate-line">
                          <Text>
                            {task.completed}/{task.assignees} 人完成
                          </Text>
                          <Text className="console-tasks__rate">
                            {completionRate(task.completed, task.assignees)}
                          </Text>
                        </View>
                        <ProgressBar done={task.completed} goal={task.assignees} celebrate={false} />
                      </View>
                      <Text className="console-table__cell console-table__cell--number console-tasks__count">
                        <Text className="console-tasks__count-label">分享 </Text>
                        {task.progress.shares}
                      </Text>
                      <Text className="console-table__cell console-table__cell--number console-tasks__count">
                        <Text className="console-tasks__count-label">浏览 </Text>
                        {task.progress.views}
                      </Text>
                    </View>
                  );
                })}
              </View>
            </View>
          )}
        </View>
      )}
    </ConsoleLayout>
  );
}

/** The running tasks at a glance: how many, how many people reached their goal, what they brought. */
function Overview({ tasks, now }: { tasks: SharingTaskDto[]; now: Date }) {
  const running = tasks.filter((task) => taskStatus(task, now).tone === 'active');
  const total = (pick: (task: SharingTaskDto) => number) =>
    running.reduce((sum, task) => sum + pick(task), 0);
  const assignees = total((task) => task.assignees);
  const completed = total((task) => task.completed);
  return (
    <View className="console-tasks__tiles">
      <StatTile
        label="进行中的任务"
        value={running.length}
        unit="个"
        hint={`共 ${tasks.length} 个任务`}
        emphasis
      />
      <StatTile
        label="目标达成"
        value={completionRate(completed, assignees)}
        hint={`${completed} / ${assignees} 人次达成`}
      />
      <StatTile label="任务期内分享" value={total((task) => task.progress.shares)} unit="次" />
      <StatTile label="带来浏览" value={total((task) => task.progress.views)} unit="次" />
    </View>
  );
}
