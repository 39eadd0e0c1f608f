/** PIPL rights: consents and their withdrawal, a visitor's own data (export, erasure), retention limits. */
import { z } from 'zod';
import { policyVersionSchema } from './api-site';
import type { EventType, TargetType, Touchpoint } from './events';
import type { LeadStage, RuleContribution } from './scoring';

/** The privacy policy (隐私政策) version our own pages show and consent to. */
export const PRIVACY_POLICY_VERSION = '2026-11';

/** Why a person gives personal information; each purpose is agreed to, and withdrawn, on its own. */
export const CONSENT_PURPOSES = ['contact_me', 'show_profile_to_employee', 'personalised_marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  contact_me: '留下联系方式，由员工联系我',
  show_profile_to_employee: '向分享人展示我的微信头像和昵称',
  personalised_marketing: '个性化营销：根据浏览行为评分并提醒员工',
};

/** A visitor proves who they are with the visit token of a page they opened (their visitor key or WeChat login). */
export const visitorPrivacyRequestSchema = z.object({ visitToken: z.string().min(1).max(2000) });
export type VisitorPrivacyRequest = z.infer<typeof visitorPrivacyRequestSchema>;

export const setConsentSchema = visitorPrivacyRequestSchema.extend({
  purpose: z.enum(CONSENT_PURPOSES),
  /** False withdraws the consent (or opts out of personalised marketing); true gives it again. */
  granted: z.boolean(),
  policyVersion: policyVersionSchema.default(PRIVACY_POLICY_VERSION),
});
export type SetConsentInput = z.input<typeof setConsentSchema>;

/** `withdrawn`: the person said no; nothing more is collected for the purpose until they say yes here. */
export type ConsentState = 'granted' | 'withdrawn' | 'none';

export interface PrivacyStatus {
  organizationName: string;
  purposes: { purpose: ConsentPurpose; label: string; state: ConsentState; at: string | null }[];
  /** A phone, name or identity other than the pseudonymous key is held. */
  holdsPersonalData: boolean;
}

/** Everything held about one person (个人信息副本, PIPL art. 45). */
export interface PersonalDataExport {
  exportedAt: string;
  organization: { name: string };
  person: {
    visitorId: string;
    name: string | null;
    phone: string | null;
    avatarUrl: string | null;
    firstSeenAt: string;
    lastSeenAt: string;
  };
  identities: { kind: string; value: string; since: string }[];
  consents: {
    purpose: string;
    granted: boolean;
    policyVersion: string;
    touchpoint: Touchpoint;
    at: string;
    withdrawnAt: string | null;
  }[];
  events: {
    id: string;
    type: EventType;
    target: { type: TargetType; id: string };
    touchpoint: Touchpoint;
    props: Record<string, string | number | boolean | null> | null;
    userAgent: string | null;
    occurredAt: string;
  }[];
  lead: {
    stage: LeadStage;
    score: number;
    scoreReasons: RuleContribution[];
    tags: string[];
    owner: string | null;
    stageHistory: { toStage: LeadStage; reason: string; at: string }[];
    followUps: { note: string; at: string }[];
  } | null;
}

/** What an erasure removed or unlinked, for the person's receipt and the audit log. */
export interface ErasureReport {
  identities: number;
  consents: number;
  /** Events kept for anonymous counts, moved to a fresh pseudonymous id and stripped of personal fields. */
  eventsUnlinked: number;
  followUps: number;
  leadAnonymised: boolean;
}

export const eraseLeadPersonSchema = z.object({
  /** How the request reached the company (e.g. 客户来电要求删除), kept in the audit log. */
  reason: z.string().trim().min(1, 'is required').max(200),
});
export type EraseLeadPersonInput = z.infer<typeof eraseLeadPersonSchema>;

/** Retention (保存期限): how long raw personal data is kept, per organization. */
export const retentionSettingsSchema = z.object({
  /** A visitor unseen this many days has their personal fields and identities erased. */
  inactiveVisitorDays: z.number().int().min(7).max(3650),
  /** Raw event details older than this (user agent, form fields) are stripped; the counts stay. */
  rawEventDays: z.number().int().min(7).max(3650),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;
export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = { inactiveVisitorDays: 365, rawEventDays: 180 };
export const updateRetentionSettingsSchema = retentionSettingsSchema;

export interface RetentionRun {
  at: string;
  visitorsErased: number;
  eventsStripped: number;
}

export interface RetentionSettingsResponse {
  settings: RetentionSettings;
  updatedAt: string | null;
}

type EventProps = Record<string, string | number | boolean | null>;

/**
 * Event properties that may hold what a person typed (a lead form's name, phone, company, message; a consult's
 * message): only these keys survive erasure and the retention limit. Other event types hold no personal fields.
 */
const KEPT_PROPS_OF_PERSONAL_EVENTS: Partial<Record<EventType, readonly string[]>> = {
  form_submit: ['form'],
  consult: ['channel'],
};
export const EVENT_TYPES_WITH_PERSONAL_PROPS = Object.keys(KEPT_PROPS_OF_PERSONAL_EVENTS) as EventType[];

/** The event's properties without personal fields; the same object when there was nothing to remove. */
export function withoutPersonalProps(type: EventType, props: EventProps | null): EventProps | null {
  const kept = KEPT_PROPS_OF_PERSONAL_EVENTS[type];
  if (!kept || !props) return props;
  const keys = Object.keys(props);
  if (keys.every((key) => kept.includes(key))) return props;
  return Object.fromEntries(keys.filter((key) => kept.includes(key)).map((key) => [key, props[key]!]));
}
