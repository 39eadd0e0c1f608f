import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type TableFileFormat = 'csv' | 'xlsx';
export type TableCell = string | number;

export const EXPORT_CONTENT_TYPES: Record<TableFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A cell starting with these is a formula to Excel: visitor-given text must stay text (CSV injection). */
export const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A table as people open it in Excel: a frozen bold header row; widths in characters, column by column. */
export interface Table {
  sheetName: string;
  headers: readonly string[];
  rows: TableCell[][];
  widths?: readonly number[];
}

export function tableFile(table: Table, format: TableFileFormat): Promise<Buffer> {
  return format === 'csv' ? Promise.resolve(toCsv(table)) : toXlsx(table);
}

/** Sends a file for download under a Chinese name (RFC 5987), with an ASCII fallback for old clients. */
export function sendFile(
  reply: FastifyReply,
  format: TableFileFormat,
  fallbackName: string,
  fileName: string,
): void {
  void reply
    .header('Content-Type', EXPORT_CONTENT_TYPES[format])
    .header(
      'Content-Disposition',
      `attachment; filename="${fallbackName}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
}

const csvCell = (value: TableCell) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function toCsv(table: Table): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  // Excel opens a CSV as UTF-8 only when it starts with a byte order mark.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheetName);
  sheet.addRow([...table.headers]).font = { bold: true };
  sheet.addRows(table.rows);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    column.width = table.widths?.[index] ?? 12;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
