import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BOARD_METRIC_LABELS, BOARD_PERIOD_LABELS } from '@cardhub/shared';
import BoardEventList from '../../../components/BoardEventList';
import { boardEventsParams, withoutLabel } from '../../../utils/boardLinks';
import './index.scss';

/** The events behind an employee's own number on the leaderboard: what counted, what was left out and why. */
export default function LeaderboardEventsPage() {
  const params = boardEventsParams(useRouter().params);
  if (!params)
    return (
      <View className="leaderboard-events">
        <Text className="leaderboard-events__heading">请从排行榜点开自己的数字查看明细</Text>
      </View>
    );
  return (
    <View className="leaderboard-events">
      <Text className="leaderboard-events__heading">
        {BOARD_METRIC_LABELS[params.metric]} · {BOARD_PERIOD_LABELS[params.period]}
      </Text>
      <Text className="leaderboard-events__rule">
        同一访客 30 分钟内重复打开只算一次；本人、同事和机器人的浏览不计入
      </Text>
      <BoardEventList query={withoutLabel(params)} />
    </View>
  );
}
