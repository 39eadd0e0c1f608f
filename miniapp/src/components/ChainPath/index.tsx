import { Text } from '@tarojs/components';
import type { ChainBoardRow } from '@cardhub/shared';
import './index.scss';

/** The re-sharers of a chain, root first: 张伟 → 访客 #3f2a → 林女士 (the root employee gets the credit). */
export default function ChainPath({ path }: { path: ChainBoardRow['path'] }) {
  return (
    <Text className="chain-path">
      {path.map((step, index) => (
        <Text key={`${index}-${step.name}`} className="chain-path__step">
          {index > 0 && <Text className="chain-path__arrow">→</Text>}
          <Text className={`chain-path__who chain-path__who--${step.kind}`}>{step.name}</Text>
        </Text>
      ))}
    </Text>
  );
}
