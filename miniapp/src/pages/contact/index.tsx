import { Button, Checkbox, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PRIVACY_POLICY_VERSION } from '@cardhub/shared';
import { useState } from 'react';
import FormField from '../../components/FormField';
import PrivacyAuthorizationPopup from '../../components/PrivacyAuthorizationPopup';
import { ApiError, failureMessage } from '../../services/request';
import { leaveContact } from '../../services/tracking';
import './index.scss';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

type Stage = { kind: 'form' } | { kind: 'sending' } | { kind: 'sent'; employeeName: string | null };

/**
 * A prospect asks the employee to contact them (留资). Nothing personal leaves before the consent box is ticked;
 * in WeChat the number comes from WeChat's own phone authorisation, on the web the prospect types it.
 * Opened from a card or material page with the visit's token: `?token=…&to=<employee name>`.
 */
export default function ContactPage() {
  const { params } = useRouter();
  const visitToken = params.token ?? '';
  const to = params.to ? decodeURIComponent(params.to) : '顾问';
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [message, setMessage] = useState('');
  const [consented, setConsented] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });

  const send = async (contact: { phone: string } | { phoneCode: string }) => {
    if (!consented) return setError('请先阅读并同意个人信息的使用说明');
    setStage({ kind: 'sending' });
    setError(null);
    try {
      const { employeeName } = await leaveContact({
        visitToken,
        consent: { granted: true, policyVersion: PRIVACY_POLICY_VERSION },
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(message.trim() ? { message: message.trim() } : {}),
        ...contact,
      });
      setStage({ kind: 'sent', employeeName });
    } catch (failure) {
      setStage({ kind: 'form' });
      const field = failure instanceof ApiError ? failure.body.fields?.[0]?.path : undefined;
      setError(field === 'phone' ? '请填写正确的手机号' : failureMessage(failure, '提交失败，请稍后再试'));
    }
  };

  if (stage.kind === 'sent') {
    return (
      <View className="contact-page contact-page--done">
        <View className="contact-page__check">✓</View>
        <Text className="contact-page__title">已通知{stage.employeeName ?? to}</Text>
        <Text className="contact-page__hint">TA 会尽快通过电话联系你，请留意来电</Text>
        <Button className="contact-page__back" onClick={() => void Taro.navigateBack()}>
          返回继续浏览
        </Button>
      </View>
    );
  }

  return (
    <View className="contact-page">
      <Text className="contact-page__title">请{to}联系我</Text>
      <Text className="contact-page__hint">留下电话，{to}会尽快与你联系，解答你的问题</Text>

      <View className="contact-page__form">
        <FormField label="怎么称呼你">
          <Input
            className="contact-page__input"
            value={name}
            maxlength={40}
            placeholder="如：王先生"
            onInput={(event) => setName(event.detail.value)}
          />
        </FormField>
        {IN_WECHAT ? null : (
          <FormField label="手机号" required>
            <Input
              className="contact-page__input"
              type="number"
              value={phone}
              maxlength={20}
              placeholder="11 位手机号"
              onInput={(event) => setPhone(event.detail.value)}
            />
          </FormField>
        )}
        <FormField label="想了解什么" counter={`${message.length}/500`}>
          <Textarea
            className="contact-page__input contact-page__textarea"
            value={message}
            maxlength={500}
            placeholder="选填，如：想了解报价和部署方式"
            onInput={(event) => setMessage(event.detail.value)}
          />
        </FormField>

        <View className="contact-page__consent" onClick={() => setConsented(!consented)}>
          <Checkbox value="consent" checked={consented} color="#3370ff" />
          <Text className="contact-page__consent-text">
            我同意将姓名、手机号和留言提供给{to}所在企业，仅用于联系我、解答咨询；可随时要求查询或删除。
          </Text>
        </View>
        <Text
          className="contact-page__policy"
          onClick={() =>
            void Taro.navigateTo({ url: `/pages/privacy/index?token=${encodeURIComponent(visitToken)}` })
          }
        >
          查看《隐私政策》与我的数据
        </Text>
        {error ? <Text className="contact-page__error">{error}</Text> : null}

        {IN_WECHAT ? (
          <Button
            className="button-primary contact-page__submit"
            openType={consented ? 'getPhoneNumber' : undefined}
            loading={stage.kind === 'sending'}
            onGetPhoneNumber={(event) => {
              const code = (event.detail as { code?: string }).code;
              if (code) void send({ phoneCode: code });
              else setError('需要授权手机号才能通知对方，也可以直接拨打名片上的电话');
            }}
            onClick={() => !consented && setError('请先阅读并同意个人信息的使用说明')}
          >
            微信手机号一键提交
          </Button>
        ) : (
          <Button
            className="button-primary contact-page__submit"
            loading={stage.kind === 'sending'}
            onClick={() => (phone.trim() ? void send({ phone: phone.trim() }) : setError('请填写手机号'))}
          >
            提交
          </Button>
        )}
      </View>
      <PrivacyAuthorizationPopup />
    </View>
  );
}
