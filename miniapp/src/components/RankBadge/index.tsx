import { Text } from '@tarojs/components';
import './index.scss';

/** Whether a row's rank is shared with a neighbour (ties share a rank: 1, 2, 2, 4). */
export function isTied(rows: readonly { rank: number }[], index: number): boolean {
  const rank = rows[index]!.rank;
  return rows[index - 1]?.rank === rank || rows[index + 1]?.rank === rank;
}

/** A place on a board: gold, silver and bronze discs for the top three, 并列 beside a shared rank. */
export default function RankBadge({ rank, tied }: { rank: number; tied: boolean }) {
  return (
    <Text className="rank-badge">
      <Text
        className={`rank-badge__place${rank <= 3 ? ` rank-badge__place--top rank-badge__place--${rank}` : ''}`}
      >
        {rank}
      </Text>
      {tied && <Text className="rank-badge__tie">并列</Text>}
    </Text>
  );
}
