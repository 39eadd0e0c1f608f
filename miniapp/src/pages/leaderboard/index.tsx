import { Image, Picker, ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import {
  BOARD_METRICS,
  BOARD_METRIC_LABELS,
  BOARD_PERIODS,
  BOARD_PERIOD_LABELS,
  type BoardMetric,
  type BoardPeriod,
  type BoardQuery,
  type DepartmentBoardResponse,
  type EmployeeBoardResponse,
} from '@cardhub/shared';
import { useState } from 'react';
import RankBadge, { isTied } from '../../components/RankBadge';
import { useLoaded } from '../../hooks/useLoaded';
import { fetchDepartmentBoard, fetchEmployeeBoard } from '../../services/boards';
import { getStaffSession } from '../../services/session';
import {
  BOARD_METRIC_UNITS,
  formatFigure,
  periodQuery,
  rangeCaption,
  standingText,
  todayIso,
} from '../../utils/boardFormat';
import { boardEventsUrl } from '../../utils/boardLinks';
import './index.scss';

type Board = 'employees' | 'departments';

type Loaded =
  | { board: 'employees'; result: EmployeeBoardResponse }
  | { board: 'departments'; result: DepartmentBoardResponse };

const LIMIT = 50;

async function loadBoard({ board, query }: { board: Board; query: BoardQuery }): Promise<Loaded> {
  return board === 'employees'
    ? { board, result: await fetchEmployeeBoard(query) }
    : { board, result: await fetchDepartmentBoard(query) };
}

/** The organization's leaderboard for employees: who leads, where I stand and how far the next place is. */
export default function LeaderboardPage() {
  const principal = getStaffSession()?.principal;
  const myId = principal?.kind === 'employee' ? principal.employeeId : undefined;
  const today = todayIso();
  const [board, setBoard] = useState<Board>('employees');
  const [metric, setMetric] = useState<BoardMetric>('views');
  const [period, setPeriod] = useState<BoardPeriod>('week');
  const [range, setRange] = useState({ from: today, to: today });
  const query = { ...periodQuery(period, range.from, range.to), metric, limit: LIMIT };
  const { data: loaded, error, reload } = useLoaded(loadBoard, { board, query });
  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });

  const openMine = () =>
    myId &&
    void Taro.navigateTo({
      url: boardEventsUrl('miniProgram', {
        ...periodQuery(period, range.from, range.to),
        metric,
        employeeId: myId,
        label: '我',
      }),
    });

  const shown = loaded?.board === board ? loaded : null;
  const me = shown?.board === 'employees' ? shown.result.me : null;
  const unit = BOARD_METRIC_UNITS[metric];

  return (
    <View className={`leaderboard${me ? ' leaderboard--pinned' : ''}`}>
      <View className="leaderboard__hero">
        <View className="leaderboard__boards">
          {(['employees', 'departments'] as const).map((item) => (
            <Text
              key={item}
              className={`leaderboard__board${board === item ? ' leaderboard__board--active' : ''}`}
              onClick={() => setBoard(item)}
            >
              {item === 'employees' ? '员工榜' : '部门榜'}
            </Text>
          ))}
        </View>
        <ScrollView scrollX className="leaderboard__metrics" enhanced showScrollbar={false}>
          {BOARD_METRICS.map((item) => (
            <Text
              key={item}
              className={`leaderboard__metric${metric === item ? ' leaderboard__metric--active' : ''}`}
              onClick={() => setMetric(item)}
            >
              {BOARD_METRIC_LABELS[item]}
            </Text>
          ))}
        </ScrollView>
        <View className="leaderboard__periods">
          {BOARD_PERIODS.map((item) => (
            <Text
              key={item}
              className={`leaderboard__period${period === item ? ' leaderboard__period--active' : ''}`}
              onClick={() => setPeriod(item)}
            >
              {BOARD_PERIOD_LABELS[item]}
            </Text>
          ))}
        </View>
        {period === 'custom' && (
          <View className="leaderboard__range">
            <Picker
              mode="date"
              value={range.from}
              end={range.to}
              onChange={(event) => setRange({ ...range, from: event.detail.value })}
            >
              <Text className="leaderboard__date">{range.from}</Text>
            </Picker>
            <Text className="leaderboard__to">至</Text>
            <Picker
              mode="date"
              value={range.to}
              start={range.from}
              end={today}
              onChange={(event) => setRange({ ...range, to: event.detail.value })}
            >
              <Text className="leaderboard__date">{range.to}</Text>
            </Picker>
          </View>
        )}
        {shown && <Text className="leaderboard__caption">{rangeCaption(shown.result.range)}</Text>}
      </View>

      {error && <Text className="leaderboard__error">{error}</Text>}
      {!shown && !error && <Text className="leaderboard__hint">加载中…</Text>}

      {shown?.board === 'employees' && (
        <View className="leaderboard__list">
          {shown.result.rows.length === 0 && (
            <Text className="leaderboard__hint">这段时间还没有成绩，分享名片和物料后就能上榜</Text>
          )}
          {shown.result.rows.map((row, index) => (
            <View
              key={row.employee.id}
              className={`leaderboard__row${row.employee.id === myId ? ' leaderboard__row--me' : ''}`}
              onClick={row.employee.id === myId ? openMine : undefined}
            >
              <RankBadge rank={row.rank} tied={isTied(shown.result.rows, index)} />
              {row.employee.avatarUrl ? (
                <Image className="leaderboard__avatar" src={row.employee.avatarUrl} mode="aspectFill" />
              ) : (
                <Text className="leaderboard__avatar leaderboard__avatar--initial">
                  {row.employee.name.slice(0, 1)}
                </Text>
              )}
              <View className="leaderboard__who">
                <Text className="leaderboard__name">
                  {row.employee.name}
                  {row.employee.id === myId ? '（我）' : ''}
                </Text>
                {row.employee.departmentName && (
                  <Text className="leaderboard__dept">{row.employee.departmentName}</Text>
                )}
              </View>
              <Text className="leaderboard__value">
                {formatFigure(row.value)}
                <Text className="leaderboard__unit">{unit}</Text>
              </Text>
            </View>
          ))}
          {shown.result.total > shown.result.rows.length && (
            <Text className="leaderboard__hint">
              共 {shown.result.total} 人，显示前 {shown.result.rows.length} 名
            </Text>
          )}
        </View>
      )}

      {shown?.board === 'departments' && (
        <View className="leaderboard__list">
          {shown.result.rows.length === 0 && <Text className="leaderboard__hint">还没有部门</Text>}
          {shown.result.rows.map((row, index) => (
            <View key={row.department.id} className="leaderboard__row">
              <RankBadge rank={row.rank} tied={isTied(shown.result.rows, index)} />
              <View className="leaderboard__who">
                <Text className="leaderboard__name">{row.department.name}</Text>
                <Text className="leaderboard__dept">{row.employeeCount} 人</Text>
              </View>
              <Text className="leaderboard__value">
                {formatFigure(row.value)}
                <Text className="leaderboard__unit">{unit}</Text>
              </Text>
            </View>
          ))}
        </View>
      )}

      {me && (
        <View className="leaderboard__mine" onClick={openMine}>
          <View className="leaderboard__mine-text">
            <Text className="leaderboard__mine-label">我的{BOARD_METRIC_LABELS[metric]}</Text>
            <Text className="leaderboard__mine-standing">{standingText(me)}</Text>
          </View>
          <Text className="leaderboard__mine-value">
            {formatFigure(me.value)}
            <Text className="leaderboard__unit">{unit}</Text>
          </Text>
          <Text className="leaderboard__mine-open">明细 ›</Text>
        </View>
      )}
    </View>
  );
}
