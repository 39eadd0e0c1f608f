import { Button, Image, Text, View } from '@tarojs/components';
import type { CardAction, CardDto } from '@cardhub/shared';
import './index.scss';

export type BusinessCardContent = Pick<
  CardDto,
  'name' | 'title' | 'company' | 'avatarUrl' | 'phone' | 'wechatId' | 'email' | 'address' | 'bio' | 'siteUrl'
> & { organizationName?: string };

/** What a prospect can do with a card: the four card actions plus forwarding it. */
export type BusinessCardAction =
  Extract<CardAction, 'call' | 'copy_wechat' | 'save_contact' | 'open_site'> | 'forward';

interface BusinessCardProps {
  card: BusinessCardContent;
  /** The employee's own preview: the actions are shown but do nothing. */
  preview?: boolean;
  onAction?: (action: BusinessCardAction) => void;
  /** In WeChat, forwarding is a share button (open-type="share") rather than a handler. */
  forwardAsShareButton?: boolean;
}

const ACTIONS: {
  action: BusinessCardAction;
  label: string;
  glyph: string;
  needs?: keyof BusinessCardContent;
}[] = [
  { action: 'call', label: '拨打电话', glyph: '电', needs: 'phone' },
  { action: 'copy_wechat', label: '复制微信', glyph: '微', needs: 'wechatId' },
  { action: 'save_contact', label: '保存名片', glyph: '存' },
  { action: 'open_site', label: '访问官网', glyph: '网', needs: 'siteUrl' },
];

export function BusinessCard({
  card,
  preview = false,
  onAction,
  forwardAsShareButton = false,
}: BusinessCardProps) {
  const company = card.company || card.organizationName || '';
  const contactRows = [
    { label: '手机', value: card.phone },
    { label: '微信', value: card.wechatId },
    { label: '邮箱', value: card.email },
    { label: '地址', value: card.address },
  ].filter((row) => row.value);
  const act = (action: BusinessCardAction) => () => {
    if (!preview) onAction?.(action);
  };

  return (
    <View className="business-card">
      <View className="business-card__face">
        <View className="business-card__identity">
          <View className="business-card__names">
            <Text className="business-card__name">{card.name || '未填写姓名'}</Text>
            {card.title ? <Text className="business-card__title">{card.title}</Text> : null}
          </View>
          {card.avatarUrl ? (
            <Image className="business-card__avatar" src={card.avatarUrl} mode="aspectFill" />
          ) : (
            <View className="business-card__avatar business-card__avatar--initial">
              <Text>{(card.name || '名').slice(0, 1)}</Text>
            </View>
          )}
        </View>
        {company ? <Text className="business-card__company">{company}</Text> : null}
        <View className="business-card__contacts">
          {contactRows.map((row) => (
            <View className="business-card__contact" key={row.label}>
              <Text className="business-card__contact-label">{row.label}</Text>
              <Text className="business-card__contact-value" selectable>
                {row.value}
              </Text>
            </View>
          ))}
        </View>
      </View>

      <View className="business-card__actions">
        {ACTIONS.filter((item) => !item.needs || card[item.needs]).map((item) => (
          <View className="business-card__action" key={item.action} onClick={act(item.action)}>
            <View className={`business-card__glyph business-card__glyph--${item.action}`}>
              <Text>{item.glyph}</Text>
            </View>
            <Text className="business-card__action-label">{item.label}</Text>
          </View>
        ))}
      </View>

      {card.bio ? (
        <View className="business-card__section">
          <Text className="business-card__section-title">个人简介</Text>
          <Text className="business-card__bio">{card.bio}</Text>
        </View>
      ) : null}

      {preview ? null : forwardAsShareButton ? (
        <Button className="business-card__forward" openType="share">
          转发名片给朋友
        </Button>
      ) : (
        <Button className="business-card__forward" onClick={act('forward')}>
          转发名片给朋友
        </Button>
      )}
    </View>
  );
}

export default BusinessCard;
