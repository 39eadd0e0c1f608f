/** Hand-off deadlines (交接时限): how long an owner may leave a lead untouched before reminders and the pool. */
import { z } from 'zod';

export const handoffSettingsSchema = z.object({
  /** An SQL lead not followed up this many hours after it reached its owner reminds them, once. */
  sqlFollowUpHours: z.number().int().min(1).max(720),
  /** A lead still untouched this many days after it was assigned returns to the shared pool (公海). */
  returnToPoolDays: z.number().int().min(1).max(90),
});
export type HandoffSettings = z.infer<typeof handoffSettingsSchema>;

export const DEFAULT_HANDOFF_SETTINGS: HandoffSettings = { sqlFollowUpHours: 24, returnToPoolDays: 7 };

export const updateHandoffSettingsSchema = handoffSettingsSchema;

export interface HandoffSettingsResponse {
  settings: HandoffSettings;
  updatedAt: string | null;
}

/** The reasons a hand-off deadline writes into a lead's history. */
export const handoffReminderReason = (hours: number) => `超过 ${hours} 小时未跟进，已提醒负责人`;
export const handoffReturnReason = (days: number) => `${days} 天未跟进，退回公海`;
