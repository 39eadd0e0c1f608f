import type { DataSource } from 'typeorm';
import { BoardRollupSeen } from './entities/board-rollup-seen.entity';
import { BoardRollup } from './entities/board-rollup.entity';

/** Every rollup row of an organization, in a stable order, to compare two ways of deriving them. */
export async function rollupSnapshot(dataSource: DataSource, organizationId: string) {
  const rollups = await dataSource.getRepository(BoardRollup).find({ where: { organizationId } });
  const seen = await dataSource.getRepository(BoardRollupSeen).find({ where: { organizationId } });
  const key = (row: object) => JSON.stringify({ ...row, batchId: undefined, value: undefined });
  return {
    rollups: rollups.map((row) => `${key(row)}=${Math.round(row.value * 1e6) / 1e6}`).sort(),
    seen: seen.map(key).sort(),
  };
}
