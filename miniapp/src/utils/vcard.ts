import type { CardDto } from '@cardhub/shared';

export type ContactCard = Pick<
  CardDto,
  'name' | 'title' | 'company' | 'phone' | 'email' | 'address' | 'siteUrl' | 'wechatId'
>;

/** vCard 3.0 text values escape backslash, comma, semicolon and newlines (RFC 2426 §4). */
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/** A vCard for "save contact" in browsers; empty fields are left out. */
export function buildVCard(card: ContactCard): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${escapeValue(card.name)}`,
    `N:${escapeValue(card.name)};;;;`,
  ];
  const optional: [string, string][] = [
    ['ORG', card.company],
    ['TITLE', card.title],
    ['TEL;TYPE=CELL', card.phone],
    ['EMAIL;TYPE=INTERNET', card.email],
    ['ADR;TYPE=WORK', card.address ? `;;${escapeValue(card.address)};;;;` : ''],
    ['URL', card.siteUrl],
    ['NOTE', card.wechatId ? `微信：${card.wechatId}` : ''],
  ];
  for (const [key, value] of optional) {
    if (!value) continue;
    lines.push(`${key}:${key.startsWith('ADR') ? value : escapeValue(value)}`);
  }
  lines.push('END:VCARD');
  return lines.join('\r\n') + '\r\n';
}
