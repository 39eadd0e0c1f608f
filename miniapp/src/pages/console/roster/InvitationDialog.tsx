import { Image, Text, View } from '@tarojs/components';
import { type EmployeeDto, type InvitationDto, STAFF_ROLE_LABELS } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import ConsoleDialog from '../../../components/ConsoleDialog';
import ShareLinkField from '../../../components/ShareLinkField';
import { failureMessage } from '../../../services/request';
import { fetchInvitation, invitationImageUrls, reissueInvitation } from '../../../services/roster';
import { expiryHint, formatDateTime } from './format';

export interface InvitationDialogProps {
  employee: EmployeeDto;
  /** Already at hand right after adding the employee. */
  invitation?: InvitationDto;
  /** A new invitation was issued (the table's expiry hint changes). */
  onReissued: () => void;
  onClose: () => void;
}

/** How a pending employee joins: the link to send, a QR code of it, WeChat's mini-program code, the expiry. */
export default function InvitationDialog({
  employee,
  invitation: given,
  onReissued,
  onClose,
}: InvitationDialogProps) {
  const [invitation, setInvitation] = useState<InvitationDto | null>(given ?? null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (given) return;
    fetchInvitation(employee.id)
      .then(setInvitation)
      .catch((failure) => setError(failureMessage(failure, '邀请加载失败，请稍后再试')));
  }, [employee.id, given]);

  const reissue = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setInvitation(await reissueInvitation(employee.id));
      setConfirming(false);
      onReissued();
    } catch (failure) {
      setError(failureMessage(failure, '生成失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  const expiry = invitation ? expiryHint(invitation.expiresAt) : null;
  const images = invitation ? invitationImageUrls(invitation.code) : null;
  return (
    <ConsoleDialog
      title={`邀请 ${employee.name} 加入`}
      subtitle={`以「${STAFF_ROLE_LABELS[employee.role]}」身份加入，用微信打开邀请即可绑定`}
      onClose={onClose}
      wide
      footer={
        confirming ? (
          <>
            <Text className="roster-invite__confirm">重新生成后，旧的链接和二维码将立即失效。</Text>
            <Text className="console-button console-button--secondary" onClick={() => setConfirming(false)}>
              取消
            </Text>
            <Text className={`console-button${busy ? ' console-button--busy' : ''}`} onClick={reissue}>
              {busy ? '生成中…' : '确认重新生成'}
            </Text>
          </>
        ) : (
          <>
            <Text className="console-button console-button--secondary" onClick={() => setConfirming(true)}>
              重新生成邀请
            </Text>
            <Text className="console-button" onClick={onClose}>
              完成
            </Text>
          </>
        )
      }
    >
      {error && <Text className="console-dialog__error">{error}</Text>}
      {invitation && expiry && images && (
        <View className="roster-invite">
          <View className={`roster-invite__expiry${expiry.expired ? ' roster-invite__expiry--expired' : ''}`}>
            <Text>
              {expiry.expired
                ? `邀请已于 ${formatDateTime(invitation.expiresAt)} 过期，请重新生成`
                : `有效期至 ${formatDateTime(invitation.expiresAt)}（${expiry.text}）`}
            </Text>
          </View>
          <Text className="roster-invite__label">邀请链接（发到微信里打开）</Text>
          <ShareLinkField url={invitation.url} />
          {!expiry.expired && (
            <View className="roster-invite__codes">
              <View className="roster-invite__code">
                <Image className="roster-invite__image" src={images.miniProgramCode} mode="aspectFit" />
                <Text className="roster-invite__caption">微信扫一扫 · 小程序码</Text>
                <a
                  className="roster-invite__download"
                  href={images.miniProgramCode}
                  download={`邀请-${employee.name}.png`}
                >
                  下载小程序码
                </a>
              </View>
              <View className="roster-invite__code">
                <Image className="roster-invite__image" src={images.qrCode} mode="aspectFit" />
                <Text className="roster-invite__caption">扫码打开邀请链接</Text>
                <a
                  className="roster-invite__download"
                  href={images.qrCode}
                  download={`邀请-${employee.name}.svg`}
                >
                  下载二维码
                </a>
              </View>
            </View>
          )}
          <Text className="roster-invite__code-text">邀请码 {invitation.code}</Text>
        </View>
      )}
      {!invitation && !error && <Text className="roster-muted">正在加载邀请…</Text>}
    </ConsoleDialog>
  );
}
