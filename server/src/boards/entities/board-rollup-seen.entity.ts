import type { RollupPeriod } from '@cardhub/shared';
import { Entity, Index, PrimaryColumn } from 'typeorm';
import { UuidColumn } from '../../infra/database/columns';

/**
 * Who was already counted: a visitor for a subject's distinct-visitor figures in a period, or a lead for a
 * milestone (`subjectKind` 'lead'). The primary key decides what is new, also between two servers writing
 * at once; `batchId` finds the rows one write inserted, which are exactly the new ones.
 */
@Entity('board_rollup_seen')
export class BoardRollupSeen {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  period!: RollupPeriod | 'all';

  @PrimaryColumn({ type: 'varchar', length: 10 })
  periodKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  subjectKind!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  subjectId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  metric!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  visitorId!: string;

  @Index()
  @UuidColumn()
  batchId!: string;
}
