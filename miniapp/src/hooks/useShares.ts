import type { ShareChannel, ShareDto, TargetType } from '@cardhub/shared';
import { useCallback, useRef, useState } from 'react';
import { createShare } from '../services/shares';

export interface ShareTarget {
  targetType: Exclude<TargetType, 'site_page'>;
  targetId: string;
}

/**
 * The employee's shares of one target while the page is open: one per channel, so two taps (or WeChat asking
 * twice) never create two codes. A failed share is forgotten, so the next tap tries again.
 */
export function useShares() {
  const [shares, setShares] = useState<Partial<Record<ShareChannel, ShareDto>>>({});
  const pending = useRef<Partial<Record<ShareChannel, Promise<ShareDto>>>>({});

  const shareFor = useCallback((channel: ShareChannel, target: ShareTarget): Promise<ShareDto> => {
    const inFlight = pending.current[channel];
    if (inFlight) return inFlight;
    const created = createShare({ ...target, channel }).then(
      (share) => {
        setShares((current) => ({ ...current, [channel]: share }));
        return share;
      },
      (error: unknown) => {
        delete pending.current[channel];
        throw error;
      },
    );
    pending.current[channel] = created;
    return created;
  }, []);

  return { shares, shareFor };
}
