import { useRouter } from '@tarojs/taro';
import TaskDetailView from './TaskDetailView';
import TaskListView from './TaskListView';
import './index.scss';

/** The console's sharing tasks (营销任务): the list with the create form, or one task's progress (`?id=`). */
export default function ConsoleTasksPage() {
  const { params } = useRouter();
  return params.id ? <TaskDetailView taskId={params.id} /> : <TaskListView />;
}
