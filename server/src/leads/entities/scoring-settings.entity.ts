import { Entity, PrimaryColumn } from 'typeorm';
import type { ScoringConfig } from '@cardhub/shared';
import { JsonColumn, UpdatedAtColumn, UuidColumn } from '../../infra/database/columns';

/** An organization's own scoring rules; organizations without a row score by DEFAULT_SCORING_CONFIG. */
@Entity('scoring_settings')
export class ScoringSettings {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId!: string;

  @JsonColumn()
  config!: ScoringConfig;

  @UuidColumn({ nullable: true })
  updatedByEmployeeId!: string | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
