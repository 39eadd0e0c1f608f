import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAtColumn, UuidColumn } from '../../infra/database/columns';

/** An organization's hand-off deadlines; organizations without a row use DEFAULT_HANDOFF_SETTINGS. */
@Entity('handoff_settings')
export class HandoffSettingsRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'int' })
  sqlFollowUpHours!: number;

  @Column({ type: 'int' })
  returnToPoolDays!: number;

  @UuidColumn({ nullable: true })
  updatedByEmployeeId!: string | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
