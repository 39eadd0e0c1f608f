import { Entity, Index } from 'typeorm';
import type { EmployeeStatus, StaffRole } from '@cardhub/shared';
import {
  CreatedAtColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

export type { EmployeeStatus } from '@cardhub/shared';

/** A member of staff (员工). Joins by invitation and is then bound to one WeChat identity. */
@Entity('employees')
@Index(['organizationId', 'departmentId'])
// Imports match people by phone, else email, within the organization: each names one employee at most.
@Index(['organizationId', 'phone'], { unique: true })
@Index(['organizationId', 'email'], { unique: true })
export class Employee {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @UuidColumn({ nullable: true })
  departmentId!: string | null;

  @TextColumn(40)
  name!: string;

  @TextColumn(60)
  title!: string;

  /** Mainland mobile number, 11 digits; null when unknown. */
  @TextColumn(20, { nullable: true, default: null })
  phone!: string | null;

  /** Lower case; null when unknown. */
  @TextColumn(120, { nullable: true, default: null })
  email!: string | null;

  @TextColumn(16, { default: 'employee' })
  role!: StaffRole;

  @TextColumn(16, { default: 'invited' })
  status!: EmployeeStatus;

  /** Console login (managers and admins); null for staff who only use the mini-program. */
  @Index({ unique: true })
  @TextColumn(120, { nullable: true, default: null })
  account!: string | null;

  /** scrypt hash with its salt; never leaves the server. */
  @TextColumn(200, { nullable: true, default: null })
  passwordHash!: string | null;

  @Index({ unique: true })
  @UuidColumn({ nullable: true })
  wechatUserId!: string | null;

  @TimestampColumn({ nullable: true })
  joinedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
