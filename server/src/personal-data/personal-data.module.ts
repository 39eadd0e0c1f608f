import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { LeadsModule } from '../leads/leads.module';
import { Organization } from '../org/entities/organization.entity';
import { OrgModule } from '../org/org.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { EventLogModule } from '../tracking/event-log.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { RetentionSettingsRow } from './entities/retention-settings.entity';
import { LeadPersonalDataController, OwnPersonalDataController } from './personal-data.controller';
import { PersonalDataService } from './personal-data.service';
import { RetentionPurge } from './retention-purge';
import { RetentionSettingsController } from './retention-settings.controller';

/** PIPL rights over personal data: export, erasure, consent choices, and the retention limit's purge. */
@Module({
  imports: [
    TypeOrmModule.forFeature([RetentionSettingsRow, Organization]),
    AuditModule,
    EventLogModule,
    LeadsModule,
    OrgModule,
    PrivacyModule,
    VisitorsModule,
  ],
  controllers: [OwnPersonalDataController, LeadPersonalDataController, RetentionSettingsController],
  providers: [PersonalDataService, RetentionPurge],
})
export class PersonalDataModule {}
