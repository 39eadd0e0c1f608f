import Taro from '@tarojs/taro';
import { useState } from 'react';
import { failureMessage } from '../services/request';

/**
 * One action at a time: `run` ignores taps while the previous action is under way, and shows the server's
 * message (or `fallback`) when it fails. `onFailure` may take a failure over (return true when handled).
 */
export function useBusyAction(onFailure?: (failure: unknown) => boolean) {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } catch (failure) {
      if (!onFailure?.(failure)) {
        Taro.showToast({
          title: failureMessage(failure, '操作失败，请重试'),
          icon: 'none',
        });
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
