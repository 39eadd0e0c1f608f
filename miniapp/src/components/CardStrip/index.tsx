import { Image, Text, View } from '@tarojs/components';
import type { CardDto } from '@cardhub/shared';
import './index.scss';

export interface CardStripProps {
  card: Pick<CardDto, 'name' | 'title' | 'company' | 'avatarUrl' | 'organizationName'>;
  /** A short note beside the name, e.g. 为你分享. */
  note?: string;
  onClick?: () => void;
}

/** An employee's card in one line: avatar, name and title, company. Footers and posters carry it. */
export default function CardStrip({ card, note, onClick }: CardStripProps) {
  const company = card.company || card.organizationName;
  return (
    <View className="card-strip" onClick={onClick}>
      {card.avatarUrl ? (
        <Image className="card-strip__avatar" src={card.avatarUrl} mode="aspectFill" />
      ) : (
        <View className="card-strip__avatar card-strip__avatar--initial">
          <Text>{card.name.slice(0, 1)}</Text>
        </View>
      )}
      <View className="card-strip__identity">
        <View className="card-strip__line">
          <Text className="card-strip__name">{card.name}</Text>
          {card.title ? <Text className="card-strip__title">{card.title}</Text> : null}
        </View>
        {company ? <Text className="card-strip__company">{company}</Text> : null}
      </View>
      {note ? <Text className="card-strip__note">{note}</Text> : null}
    </View>
  );
}
