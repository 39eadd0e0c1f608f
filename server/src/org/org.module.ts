import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { WechatIdentityModule } from '../auth/wechat-identity.module';
import { Card } from '../cards/entities/card.entity';
import { WechatModule } from '../wechat/wechat.module';
import { DepartmentsController } from './departments.controller';
import { DepartmentsService } from './departments.service';
import { EmployeesController } from './employees.controller';
import { EmployeesService } from './employees.service';
import { Department } from './entities/department.entity';
import { EmployeeImport } from './entities/employee-import.entity';
import { Employee } from './entities/employee.entity';
import { Invitation } from './entities/invitation.entity';
import { Organization } from './entities/organization.entity';
import { EmployeeImportsController } from './import/employee-imports.controller';
import { EmployeeImportsService } from './import/employee-imports.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { OrgDirectory } from './org-directory.service';
import { OrganizationsService } from './organizations.service';

/** The organization's people: departments, employees, invitations and bulk imports. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Organization,
      Department,
      Employee,
      Invitation,
      EmployeeImport,
      Card,
      WechatUser,
    ]),
    WechatIdentityModule,
    WechatModule,
  ],
  controllers: [DepartmentsController, EmployeesController, InvitationsController, EmployeeImportsController],
  providers: [
    DepartmentsService,
    EmployeesService,
    InvitationsService,
    EmployeeImportsService,
    OrgDirectory,
    OrganizationsService,
  ],
  exports: [EmployeesService, DepartmentsService, OrgDirectory, OrganizationsService],
})
export class OrgModule {}
