import { Injectable } from '@nestjs/common';
import {
  LEAD_EXPORT_HEADERS,
  LEAD_EXPORT_MAX_ROWS,
  LEAD_SOURCE_LABELS,
  LEAD_STAGE_LABELS,
  type LeadSummary,
  type exportLeadsQuerySchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../common/auth';
import { type TableFileFormat, asText, tableFile } from '../common/export/table-file';
import { LeadsService } from './leads.service';

export type LeadExportFormat = TableFileFormat;
type LeadFilters = z.output<typeof exportLeadsQuerySchema>;

/** The sales team reads times in China's time zone (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaTime = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : '';

function rowOf(lead: LeadSummary): (string | number)[] {
  return [
    asText(lead.label),
    asText(lead.phone ?? ''),
    LEAD_STAGE_LABELS[lead.stage],
    lead.score,
    asText(lead.tags.join('、')),
    LEAD_SOURCE_LABELS[lead.source],
    lead.owner?.name ?? '公海',
    chinaTime(lead.lastActivityAt),
    chinaTime(lead.createdAt),
  ];
}

/** Exports of the lead list (CSV and Excel): what the caller's role may see, each export audited. */
@Injectable()
export class LeadExport {
  constructor(
    private readonly leads: LeadsService,
    private readonly audit: AuditService,
  ) {}

  async export(
    staff: StaffPrincipal,
    filters: LeadFilters,
    format: LeadExportFormat,
  ): Promise<{ content: Buffer; fileName: string }> {
    const rows = (await this.leads.matching(staff, filters, LEAD_EXPORT_MAX_ROWS)).map(rowOf);
    const content = await tableFile(
      { sheetName: '线索', headers: LEAD_EXPORT_HEADERS, rows, widths: [16, 14, 8, 8, 20, 10, 10, 18, 18] },
      format,
    );
    await this.audit.record(staff, 'leads.export', 'leads', { format, rows: rows.length, ...filters });
    const day = chinaTime(new Date().toISOString()).slice(0, 10);
    return { content, fileName: `线索-${day}.${format}` };
  }
}
