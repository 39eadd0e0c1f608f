import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useState } from 'react';
import './index.scss';

export interface ConsoleDialogProps {
  title: string;
  /** Under the title, in grey. */
  subtitle?: string;
  onClose: () => void;
  /** Buttons at the bottom right. */
  footer?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** A console dialog over a dimmed page (H5): title, body, buttons; the × and the backdrop close it. */
export default function ConsoleDialog({
  title,
  subtitle,
  onClose,
  footer,
  wide,
  children,
}: ConsoleDialogProps) {
  return (
    <View className="console-dialog" role="dialog" aria-label={title}>
      <View className="console-dialog__backdrop" onClick={onClose} />
      <View className={`console-dialog__panel${wide ? ' console-dialog__panel--wide' : ''}`}>
        <View className="console-dialog__header">
          <View className="console-dialog__titles">
            <Text className="console-dialog__title">{title}</Text>
            {subtitle && <Text className="console-dialog__subtitle">{subtitle}</Text>}
          </View>
          <Text className="console-dialog__close" aria-label="关闭" onClick={onClose}>
            ×
          </Text>
        </View>
        <View className="console-dialog__body">{children}</View>
        {footer && <View className="console-dialog__footer">{footer}</View>}
      </View>
    </View>
  );
}

export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks before an action that is hard to undo; shows why it failed without closing. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error && failure.message ? failure.message : '操作失败，请稍后再试');
      setBusy(false);
    }
  };
  return (
    <ConsoleDialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <Text className="console-button console-button--secondary" onClick={onClose}>
            取消
          </Text>
          <Text
            className={`console-button${danger ? ' console-button--solid-danger' : ''}${busy ? ' console-button--busy' : ''}`}
            onClick={confirm}
          >
            {busy ? '处理中…' : confirmLabel}
          </Text>
        </>
      }
    >
      <View className="console-dialog__message">{message}</View>
      {error && <Text className="console-dialog__error">{error}</Text>}
    </ConsoleDialog>
  );
}
