import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { OrgModule } from '../org/org.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { WechatIdentityModule } from './wechat-identity.module';

@Module({
  imports: [TypeOrmModule.forFeature([Employee, Department, Organization]), OrgModule, WechatIdentityModule],
  controllers: [AuthController],
  providers: [AuthService],
})
export class AuthModule {}
