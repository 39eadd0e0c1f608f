/** The console's lead pool: exports of the list, and the audit log of who exported, viewed or assigned what. */
import { z } from 'zod';
import { type LeadSource, listLeadsQuerySchema } from './api-leads';

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  card: '名片',
  material: '物料',
  site_page: '官网',
  none: '自然来访',
};

/** The list's filters without its paging: an export holds every matching lead (up to LEAD_EXPORT_MAX_ROWS). */
export const exportLeadsQuerySchema = listLeadsQuerySchema.omit({ page: true, limit: true });
export type ExportLeadsQuery = z.input<typeof exportLeadsQuerySchema>;
export const LEAD_EXPORT_MAX_ROWS = 10_000;

/** The exported columns, in order, with the headers a Chinese sales team reads. */
export const LEAD_EXPORT_HEADERS = [
  '线索',
  '手机号',
  '阶段',
  '评分',
  '标签',
  '来源',
  '负责人',
  '最近活动',
  '创建时间',
] as const;

export const AUDIT_ACTIONS = [
  'leads.export',
  'lead.view',
  'lead.assign',
  'person.export',
  'person.erase',
  'retention.purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'leads.export': '导出线索',
  'lead.view': '查看线索',
  'lead.assign': '分配线索',
  'person.export': '导出个人信息',
  'person.erase': '删除个人信息',
  'retention.purge': '到期清除',
};

export const listAuditLogQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListAuditLogQuery = z.input<typeof listAuditLogQuerySchema>;

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditLogEntry {
  id: string;
  action: AuditAction;
  /** What was acted on: a lead id, or `leads` for an export of the list. */
  target: string;
  /** E.g. an export's filters, format and row count; an assignment's new owner. */
  detail: AuditDetail;
  /** Null when the person themselves (self-service) or the retention job acted: `detail.by` says which. */
  employee: { id: string; name: string } | null;
  at: string;
}

export interface AuditLogResponse {
  items: AuditLogEntry[];
  total: number;
}
