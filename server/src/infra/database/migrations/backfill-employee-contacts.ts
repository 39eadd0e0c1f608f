import { normalizeMobilePhone } from '@cardhub/shared';
import type { QueryRunner } from 'typeorm';

/**
 * Roster migration, data step: employees created before the roster had a phone and email get their card's,
 * where the phone is a mobile number and neither is already taken in the organization (oldest first), so an
 * import of existing staff finds them instead of creating them twice.
 */
export async function backfillEmployeeContacts(queryRunner: QueryRunner): Promise<void> {
  const rows: { id: string; organizationId: string; phone: string | null; email: string | null }[] =
    await queryRunner.query(
      'SELECT e.id AS id, e.organizationId AS organizationId, c.phone AS phone, c.email AS email ' +
        'FROM employees e INNER JOIN cards c ON c.employeeId = e.id ORDER BY e.createdAt',
    );
  const taken = new Set<string>();
  const claim = (organizationId: string, kind: string, value: string | null) => {
    const key = `${organizationId} ${kind} ${value}`;
    if (!value || taken.has(key)) return null;
    taken.add(key);
    return value;
  };
  for (const row of rows) {
    const phone = claim(row.organizationId, 'phone', normalizeMobilePhone(row.phone ?? ''));
    const email = claim(row.organizationId, 'email', row.email?.trim().toLowerCase() || null);
    if (phone || email)
      await queryRunner.query('UPDATE employees SET phone = ?, email = ? WHERE id = ?', [
        phone,
        email,
        row.id,
      ]);
  }
}
