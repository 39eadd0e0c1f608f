import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAtColumn, UuidColumn } from '../../infra/database/columns';

/** An organization's retention limits and its last purge; organizations without a row use the defaults. */
@Entity('retention_settings')
export class RetentionSettingsRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'int' })
  inactiveVisitorDays!: number;

  @Column({ type: 'int' })
  rawEventDays!: number;

  @UuidColumn({ nullable: true })
  updatedByEmployeeId!: string | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
