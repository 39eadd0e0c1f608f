import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, TextColumn, UuidColumn, UuidPrimaryColumn } from '../../infra/database/columns';

/** A department (部门); departments form a tree through parentId. */
@Entity('departments')
@Index(['organizationId', 'parentId'])
export class Department {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @UuidColumn({ nullable: true })
  parentId!: string | null;

  @TextColumn(60)
  name!: string;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
