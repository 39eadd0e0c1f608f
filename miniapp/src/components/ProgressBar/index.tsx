import { Text, View } from '@tarojs/components';
import { goalFraction } from '@cardhub/shared';
import './index.scss';

export interface ProgressBarProps {
  /** Without a label the bar stands alone (its numbers said next to it). */
  label?: string;
  done: number;
  goal: number;
  /** Green once the goal is reached (the default), or always the brand colour. */
  celebrate?: boolean;
}

/** "分享 2 / 3" over a bar filled toward the goal. */
export default function ProgressBar({ label, done, goal, celebrate = true }: ProgressBarProps) {
  const fraction = goalFraction(done, goal);
  const reached = celebrate && fraction >= 1;
  return (
    <View className={`progress-bar${reached ? ' progress-bar--reached' : ''}`}>
      {label !== undefined && (
        <View className="progress-bar__legend">
          <Text className="progress-bar__label">{label}</Text>
          <Text className="progress-bar__numbers">
            <Text className="progress-bar__done">{done}</Text> / {goal}
          </Text>
        </View>
      )}
      <View className="progress-bar__track">
        <View className="progress-bar__fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
      </View>
    </View>
  );
}
