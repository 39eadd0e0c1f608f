import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatIdentityModule } from '../auth/wechat-identity.module';
import { Card } from '../cards/entities/card.entity';
import { EmployeesService } from './employees.service';
import { Department } from './entities/department.entity';
import { Employee } from './entities/employee.entity';
import { Invitation } from './entities/invitation.entity';
import { Organization } from './entities/organization.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Organization, Department, Employee, Invitation, Card]),
    WechatIdentityModule,
  ],
  controllers: [InvitationsController],
  providers: [EmployeesService, InvitationsService, OrganizationsService],
  exports: [EmployeesService, OrganizationsService],
})
export class OrgModule {}
