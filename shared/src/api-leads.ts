/** The lead pool (线索池): lists, a lead's page, follow-up, and the organization's scoring rules. */
import { z } from 'zod';
import { consentSchema, phoneSchema } from './api-site';
import { eventIdSchema } from './id-schemas';
import type { EventType, TargetType, Touchpoint } from './events';
import { LEAD_STAGES, type LeadStage, type RuleContribution, scoringConfigSchema } from './scoring';

/** Where a lead came from: what its first-touch share was of, or nothing (it found us itself). */
export const LEAD_SOURCES = ['card', 'material', 'site_page', 'none'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

const tagSchema = z.string().trim().min(1, 'must not be empty').max(20);

export const listLeadsQuerySchema = z.object({
  stage: z.enum(LEAD_STAGES).optional(),
  /** `me`, `pool` (unowned, 公海) or an employee id. */
  owner: z.union([z.literal('me'), z.literal('pool'), z.uuid()]).optional(),
  tag: tagSchema.optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  minScore: z.coerce.number().int().min(0).max(100_000).optional(),
  /** Created on or after / before (ISO dates). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListLeadsQuery = z.input<typeof listLeadsQuerySchema>;

export interface LeadSummary {
  id: string;
  visitorId: string;
  /** "访客 #3f2a" until the visitor gives a name with consent. */
  label: string;
  phone: string | null;
  stage: LeadStage;
  score: number;
  tags: string[];
  source: LeadSource;
  owner: { id: string; name: string } | null;
  lastActivityAt: string | null;
  createdAt: string;
}

export interface LeadListResponse {
  items: LeadSummary[];
  total: number;
}

export interface LeadTimelineEntry {
  eventId: string;
  type: EventType;
  target: { type: TargetType; id: string; title: string };
  touchpoint: Touchpoint;
  props: Record<string, string | number | boolean | null> | null;
  /** The employee credited through the share it came by. */
  creditedEmployeeName: string | null;
  occurredAt: string;
}

export interface LeadDetail extends LeadSummary {
  /** Why the score is what it is: each rule that fired (PIPL art. 24, automated decisions). */
  scoreReasons: RuleContribution[];
  /** The half-life the points decay by (older behaviour counts less). */
  scoreHalfLifeDays: number;
  /** The person opted out of personalised marketing: not scored, no signals or alerts (PIPL art. 24). */
  marketingOptOut: boolean;
  /** The person's data was erased: what remains is anonymous. */
  erased: boolean;
  signals: { signalId: string; label: string; tag: string; firedAt: string }[];
  stageHistory: {
    fromStage: LeadStage | null;
    toStage: LeadStage;
    by: string | null;
    reason: string;
    at: string;
  }[];
  followUps: { id: string; employeeName: string; note: string; at: string }[];
  /** Every touch across card, materials, mini-program and site, newest first. */
  timeline: LeadTimelineEntry[];
}

export const changeLeadStageSchema = z.object({
  stage: z.enum(LEAD_STAGES),
  reason: z.string().trim().min(1, 'is required').max(200),
});
export type ChangeLeadStageInput = z.infer<typeof changeLeadStageSchema>;

export const assignLeadSchema = z.object({
  /** Null returns the lead to the pool. */
  employeeId: z.uuid().nullable(),
  reason: z.string().trim().max(200).default(''),
});
export type AssignLeadInput = z.input<typeof assignLeadSchema>;

export const addFollowUpSchema = z.object({ note: z.string().trim().min(1, 'is required').max(2000) });
export type AddFollowUpInput = z.infer<typeof addFollowUpSchema>;

export const setLeadTagsSchema = z.object({ tags: z.array(tagSchema).max(20, 'at most 20 tags') });
export type SetLeadTagsInput = z.infer<typeof setLeadTagsSchema>;

export const updateScoringConfigSchema = scoringConfigSchema;
export type UpdateScoringConfigInput = z.input<typeof updateScoringConfigSchema>;

/** Re-scoring every lead after the rules change runs in the background; the console polls its progress. */
export interface RescoreProgress {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface ScoringConfigResponse {
  config: z.output<typeof scoringConfigSchema>;
  updatedAt: string | null;
  rescore: RescoreProgress | null;
}

/**
 * A prospect asks the employee to contact them (留资), from a card or material page: `POST /api/track/contact`
 * with the visit's token. On H5 they type the phone; in WeChat they tap getPhoneNumber and send its code.
 */
export const leaveContactSchema = z
  .object({
    eventId: eventIdSchema,
    visitToken: z.string().min(1, 'is required').max(1024),
    consent: consentSchema.refine((consent) => consent.granted, {
      path: ['granted'],
      message: 'must be true: contact details are taken only with consent',
    }),
    name: z.string().trim().max(40).optional(),
    message: z.string().trim().max(500).optional(),
    phone: phoneSchema.optional(),
    phoneCode: z.string().min(1).max(128).optional(),
  })
  .refine((input) => (input.phone === undefined) !== (input.phoneCode === undefined), {
    path: ['phone'],
    message: 'give either phone or phoneCode',
  });
export type LeaveContactInput = z.input<typeof leaveContactSchema>;

export interface LeaveContactResponse {
  /** The employee the request goes to. */
  employeeName: string | null;
}
