import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { detectImageType } from '../../infra/uploads';
import { UPLOAD_FIELD } from '../../infra/uploads';
import { CsvSyntaxError, parseCsv } from './csv';
import { isZip, zipEntries } from './zip-entries';

/** A row of a spreadsheet with the line it came from (1 is the first line of the file). */
export interface SheetRow {
  line: number;
  cells: string[];
}

export type SpreadsheetKind = 'csv' | 'xlsx';

/** An xlsx whose parts inflate beyond this is refused before it is opened (a "zip bomb"). */
const XLSX_MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024;

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Starts of common binary formats that are not spreadsheets: executables, archives, documents. */
const BINARY_SIGNATURES = ['MZ', '\x7fELF', '%PDF', '\x1f\x8b', 'Rar!', '7z\xbc\xaf', '\xcf\xfa\xed\xfe'].map(
  (signature) => Buffer.from(signature, 'latin1'),
);

const fileError = (message: string, rule: string) => ({
  message,
  fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} ${rule}` }],
});
const notASpreadsheet = () =>
  new UnsupportedMediaTypeException(
    fileError('文件必须是 CSV 或 Excel（.xlsx）格式', 'must be a CSV (text) or an xlsx file'),
  );

/**
 * The rows of an uploaded spreadsheet, its type decided by content, not by name: an xlsx is a ZIP holding
 * xl/workbook.xml; anything else must be text, in UTF-8 (with or without BOM) or GB18030/GBK (what Excel
 * on Chinese Windows saves as CSV). Other binaries are 415; text in a broken or unknown encoding is 400.
 */
export async function readSpreadsheet(content: Buffer): Promise<{ kind: SpreadsheetKind; rows: SheetRow[] }> {
  if (content.length === 0) throw new BadRequestException(fileError('文件是空的', 'must not be empty'));
  if (isZip(content)) return { kind: 'xlsx', rows: await readXlsx(content) };
  if (content.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE)) {
    throw new UnsupportedMediaTypeException(
      fileError(
        '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
        'must be an xlsx or CSV file (legacy .xls is not supported)',
      ),
    );
  }
  if (hasUtf16ByteOrderMark(content)) {
    throw new BadRequestException(
      fileError(
        '不支持 UTF-16 编码的文件，请在 Excel 中另存为「CSV UTF-8」或 .xlsx 后再导入',
        'must be encoded in UTF-8 or GB18030/GBK',
      ),
    );
  }
  if (looksBinary(content)) throw notASpreadsheet();

  const text = decodeText(content);
  if (hasControlCharacters(text)) throw notASpreadsheet();
  try {
    return { kind: 'csv', rows: parseCsv(text) };
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new BadRequestException(fileError(error.message, `has an unclosed quote on line ${error.line}`));
    throw error;
  }
}

/** Excel's "Unicode text" export: UTF-16 with a byte order mark (its NUL bytes would pass for a binary). */
function hasUtf16ByteOrderMark(content: Buffer): boolean {
  return content.length >= 2 && (content.readUInt16BE(0) === 0xfeff || content.readUInt16BE(0) === 0xfffe);
}

function looksBinary(content: Buffer): boolean {
  return (
    detectImageType(content) !== null ||
    BINARY_SIGNATURES.some((signature) => content.subarray(0, signature.length).equals(signature)) ||
    content.includes(0)
  );
}

/** C0 controls other than tab, line feed and carriage return (and DEL) never occur in a CSV file. */
function hasControlCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

function decodeText(content: Buffer): string {
  if (content.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) {
    const text = decode(content.subarray(UTF8_BOM.length), 'utf-8');
    if (text === null) throw brokenEncoding();
    return text;
  }
  const text = decode(content, 'utf-8') ?? decode(content, 'gb18030');
  if (text === null) throw brokenEncoding();
  return text;
}

function decode(content: Uint8Array, encoding: 'utf-8' | 'gb18030'): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(content);
  } catch {
    return null;
  }
}

function brokenEncoding(): BadRequestException {
  return new BadRequestException(
    fileError(
      '文件编码无法识别或已损坏，请另存为 UTF-8 或 GBK 编码的 CSV，或直接上传 .xlsx',
      'must be text encoded in UTF-8 or GB18030/GBK',
    ),
  );
}

async function readXlsx(content: Buffer): Promise<SheetRow[]> {
  const entries = zipEntries(content);
  if (!entries || !entries.some((entry) => entry.name === 'xl/workbook.xml')) throw notASpreadsheet();
  const inflated = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (inflated > XLSX_MAX_UNCOMPRESSED_BYTES) {
    throw new BadRequestException(
      fileError('Excel 文件内容过多，请拆分成多个文件导入', 'must inflate to at most 40 MB'),
    );
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new BadRequestException(
      fileError(
        '无法读取这个 Excel 文件，它可能已损坏，请重新保存后再试',
        'must be a readable xlsx workbook',
      ),
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new BadRequestException(fileError('Excel 文件里没有工作表', 'must have a worksheet'));
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text);
    rows.push({ line, cells });
  });
  return rows;
}
