import { NotFoundException } from '@nestjs/common';
import type { FindOptionsWhere, Repository } from 'typeorm';

/**
 * Loads one row of the caller's organization. A row of another organization is reported exactly like a
 * missing one (404), so ids cannot be probed across tenants.
 */
export async function findInOrganization<T extends { organizationId: string }>(
  repository: Repository<T>,
  organizationId: string,
  where: FindOptionsWhere<T>,
  notFoundMessage: string,
): Promise<T> {
  const row = await repository.findOneBy({ ...where, organizationId } as FindOptionsWhere<T>);
  if (!row) throw new NotFoundException(notFoundMessage);
  return row;
}
