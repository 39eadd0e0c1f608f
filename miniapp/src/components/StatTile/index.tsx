import { Text, View } from '@tarojs/components';
import './index.scss';

export interface StatTileProps {
  label: string;
  value: string | number;
  /** A unit after the value, in smaller type (秒, %). */
  unit?: string;
  /** One line under the value that explains or qualifies it. */
  hint?: string;
  /** The headline figures get the brand colour. */
  emphasis?: boolean;
}

/** One figure of a dashboard: label, big number, a short hint. */
export default function StatTile({ label, value, unit, hint, emphasis = false }: StatTileProps) {
  return (
    <View className={`stat-tile${emphasis ? ' stat-tile--emphasis' : ''}`}>
      <Text className="stat-tile__label">{label}</Text>
      <View className="stat-tile__value-row">
        <Text className="stat-tile__value">{value}</Text>
        {unit && <Text className="stat-tile__unit">{unit}</Text>}
      </View>
      {hint && <Text className="stat-tile__hint">{hint}</Text>}
    </View>
  );
}
