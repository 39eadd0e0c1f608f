import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { MyTaskDto } from '@cardhub/shared';
import { useState } from 'react';
import MaterialCover from '../../components/MaterialCover';
import ProgressBar from '../../components/ProgressBar';
import { fetchMyTasks } from '../../services/tasks';
import { formatDateTime, timeLeft } from '../../utils/deadline';
import { MATERIAL_TYPE_LABELS } from '../../utils/material-labels';
import './index.scss';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; tasks: MyTaskDto[]; now: Date };

const openMaterial = (task: MyTaskDto) =>
  Taro.navigateTo({ url: `/pages/material/detail/index?id=${encodeURIComponent(task.material.id)}` });

/** An employee's open sharing tasks (营销任务): what to share, by when, and how far they are. */
export default function MyTasksPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = async () => {
    try {
      setState({ kind: 'ready', tasks: (await fetchMyTasks()).items, now: new Date() });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  // Back from sharing the material, the progress has moved.
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (state.kind === 'loading') {
    return (
      <View className="my-tasks my-tasks--center">
        <Text className="my-tasks__hint">正在加载任务…</Text>
      </View>
    );
  }
  if (state.kind === 'failed') {
    return (
      <View className="my-tasks my-tasks--center">
        <Text className="my-tasks__hint">任务加载失败，请检查网络</Text>
        <Button className="my-tasks__retry" onClick={() => void load()}>
          重试
        </Button>
      </View>
    );
  }

  const { tasks, now } = state;
  const open = tasks.filter((task) => !task.done).length;
  return (
    <View className="my-tasks">
      <View className="my-tasks__summary">
        <Text className="my-tasks__summary-count">{open}</Text>
        <Text className="my-tasks__summary-label">
          {tasks.length === 0
            ? '暂无进行中的任务'
            : open > 0
              ? `个任务待完成 · 共 ${tasks.length} 个进行中`
              : `个任务待完成，目标全部达成 · 共 ${tasks.length} 个进行中`}
        </Text>
      </View>

      {tasks.length === 0 ? (
        <View className="my-tasks__empty">
          <Text className="my-tasks__empty-title">现在没有需要完成的任务</Text>
          <Text className="my-tasks__hint">公司布置新的分享任务后会通知你，也可以先去物料库看看</Text>
          <Button
            className="my-tasks__retry"
            onClick={() => void Taro.navigateTo({ url: '/pages/material/index' })}
          >
            去物料库
          </Button>
        </View>
      ) : (
        tasks.map((task) => (
          <View
            key={task.id}
            className={`my-task${task.done ? ' my-task--done' : ''}`}
            onClick={() => void openMaterial(task)}
          >
            <View className="my-task__head">
              <Text className="my-task__title">{task.title}</Text>
              <Text className={`my-task__badge${task.done ? ' my-task__badge--done' : ''}`}>
                {task.done ? '已完成' : timeLeft(task.deadline, now)}
              </Text>
            </View>
            {task.note && <Text className="my-task__note">{task.note}</Text>}

            <View className="my-task__material">
              <MaterialCover material={task.material} className="my-task__cover" />
              <View className="my-task__material-text">
                <Text className="my-task__material-type">{MATERIAL_TYPE_LABELS[task.material.type]}</Text>
                <Text className="my-task__material-title">{task.material.title}</Text>
              </View>
            </View>

            <View className="my-task__bars">
              {task.goal.shares > 0 && (
                <ProgressBar label="分享次数" done={task.progress.shares} goal={task.goal.shares} />
              )}
              {task.goal.views > 0 && (
                <ProgressBar label="带来浏览" done={task.progress.views} goal={task.goal.views} />
              )}
            </View>

            <View className="my-task__foot">
              <Text className="my-task__deadline">截止 {formatDateTime(task.deadline, now)}</Text>
              <Text className="my-task__cta">{task.done ? '继续分享' : '去分享'} ›</Text>
            </View>
          </View>
        ))
      )}
    </View>
  );
}
