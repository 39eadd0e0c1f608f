/** Phone numbers as people type them, in the forms we store. */

/**
 * A phone number in the one form identities are stitched by: digits only, a leading "+" kept for foreign
 * numbers, and mainland numbers without their +86 (WeChat's `purePhoneNumber` has none either).
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(/[\s()-]/g, '');
  if (!/^\+?[0-9]{5,20}$/.test(compact)) return null;
  const mainland = compact.match(/^(?:\+|00)?86(1[3-9][0-9]{9})$/);
  if (mainland) return mainland[1]!;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  return compact;
}
