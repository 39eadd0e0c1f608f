import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  AGREE_BUTTON_ID,
  answerPrivacyAuthorization,
  onPrivacyAuthorizationAsked,
} from '../../services/privacyAuthorization';
import './index.scss';

/**
 * Our privacy popup for WeChat's privacy-authorization flow: what we collect and why, a link to the privacy
 * policy, 拒绝 and 同意 (an `agreePrivacyAuthorization` button, which WeChat requires). Pages that call a
 * privacy API render it; it shows only while WeChat waits for an answer.
 */
export default function PrivacyAuthorizationPopup() {
  const [asking, setAsking] = useState(false);
  useEffect(() => onPrivacyAuthorizationAsked(setAsking), []);
  if (!asking) return null;
  return (
    <View className="privacy-popup" catchMove>
      <View className="privacy-popup__sheet">
        <Text className="privacy-popup__title">个人信息保护提示</Text>
        <Text className="privacy-popup__body">
          为了让为你分享的员工联系你，我们需要在你同意后获取你的手机号等信息，仅用于联系你和改进服务。你可以随时在「隐私政策与个人数据」中撤回同意、导出或删除你的数据。
        </Text>
        <Text
          className="privacy-popup__link"
          onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}
        >
          查看《隐私政策》
        </Text>
        <View className="privacy-popup__buttons">
          <Button className="privacy-popup__refuse" onClick={() => answerPrivacyAuthorization(false)}>
            拒绝
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="button-primary privacy-popup__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacyAuthorization(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
