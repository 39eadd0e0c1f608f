import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

/** The way to 隐私与数据 from a prospect's page: the visit's token lets them act on their own data there. */
export default function PrivacyLink({ visitToken }: { visitToken: string | null }) {
  const open = () =>
    void Taro.navigateTo({
      url: `/pages/privacy/index${visitToken ? `?token=${encodeURIComponent(visitToken)}` : ''}`,
    });
  return (
    <Text className="privacy-link" onClick={open}>
      隐私政策与个人数据
    </Text>
  );
}
