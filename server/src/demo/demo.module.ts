import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UploadsModule } from '../infra/uploads';
import { Material } from '../materials/entities/material.entity';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { OrgModule } from '../org/org.module';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [
    TypeOrmModule.forFeature([Organization, Department, Employee, Material]),
    OrgModule,
    UploadsModule,
  ],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
