import { Injectable } from '@nestjs/common';
import {
  LEAD_EXPORT_HEADERS,
  LEAD_EXPORT_MAX_ROWS,
  LEAD_SOURCE_LABELS,
  LEAD_STAGE_LABELS,
  type LeadSummary,
  type exportLeadsQuerySchema,
} from '@cardhub/shared';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../common/auth';
import { LeadsService } from './leads.service';

export type LeadExportFormat = 'csv' | 'xlsx';
type LeadFilters = z.output<typeof exportLeadsQuerySchema>;

export const EXPORT_CONTENT_TYPES: Record<LeadExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The sales team reads times in China's time zone (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaTime = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : '';

/** A cell starting with these is a formula to Excel: visitor-given text must stay text (CSV injection). */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

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

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

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
    const content = format === 'csv' ? toCsv(rows) : await toXlsx(rows);
    await this.audit.record(staff, 'leads.export', 'leads', { format, rows: rows.length, ...filters });
    const day = chinaTime(new Date().toISOString()).slice(0, 10);
    return { content, fileName: `线索-${day}.${format}` };
  }
}

function toCsv(rows: (string | number)[][]): Buffer {
  const lines = [LEAD_EXPORT_HEADERS, ...rows].map((row) => row.map(csvCell).join(','));
  // Excel opens a CSV as UTF-8 only when it starts with a byte order mark.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function toXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('线索');
  sheet.addRow([...LEAD_EXPORT_HEADERS]).font = { bold: true };
  sheet.addRows(rows);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    column.width = [16, 14, 8, 8, 20, 10, 10, 18, 18][index];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
