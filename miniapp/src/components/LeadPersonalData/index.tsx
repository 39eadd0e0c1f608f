import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { eraseLeadPerson, exportLeadPerson, saveJson } from '../../services/privacy';
import { useBusyAction } from '../../hooks/useBusyAction';
import './index.scss';

interface Props {
  leadId: string;
  erased: boolean;
  onErased: () => void;
}

/**
 * An admin acts on a person's request that reached the company by phone, mail or in person (PIPL arts. 45,
 * 47): a JSON copy of everything held about them, or erasure with the request noted. Both are audited.
 */
export default function LeadPersonalData({ leadId, erased, onErased }: Props) {
  const [reason, setReason] = useState('');
  const { run: act } = useBusyAction();

  const exportCopy = () =>
    act(async () => saveJson(await exportLeadPerson(leadId), `个人信息-${leadId.slice(0, 8)}.json`));

  const erase = () =>
    act(async () => {
      if (!reason.trim()) {
        Taro.showToast({ title: '请先填写删除请求的来源', icon: 'none' });
        return;
      }
      const { confirm } = await Taro.showModal({
        title: '删除此人的个人信息？',
        content:
          '姓名、电话、身份标识、同意记录和跟进记录将被删除，行为记录匿名保留用于统计。此操作不可撤销。',
        confirmText: '删除',
        confirmColor: '#f54a45',
      });
      if (!confirm) return;
      const report = await eraseLeadPerson(leadId, reason.trim());
      Taro.showToast({ title: `已删除，${report.eventsUnlinked} 条行为已匿名`, icon: 'none' });
      onErased();
    });

  return (
    <View className="lead-personal-data">
      <Text className="lead-personal-data__title">个人信息请求</Text>
      <Text className="lead-personal-data__hint">
        本人通过电话、邮件等渠道提出查阅或删除请求时使用，操作会记入审计日志
      </Text>
      <Button className="lead-personal-data__export" onClick={() => void exportCopy()}>
        导出个人信息（JSON）
      </Button>
      {erased ? (
        <Text className="lead-personal-data__hint">个人信息已删除</Text>
      ) : (
        <View className="lead-personal-data__erase">
          <Input
            className="lead-personal-data__reason"
            value={reason}
            maxlength={200}
            placeholder="请求来源，例如：客户来电要求删除"
            onInput={(event) => setReason(event.detail.value)}
          />
          <Button className="lead-personal-data__danger" onClick={() => void erase()}>
            删除个人信息
          </Button>
        </View>
      )}
    </View>
  );
}
