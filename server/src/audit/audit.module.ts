import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Employee } from '../org/entities/employee.entity';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditLog } from './entities/audit-log.entity';

/** The audit log: features record what staff did with personal data; admins read it. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog, Employee])],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
