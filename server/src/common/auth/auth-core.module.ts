import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Employee } from '../../org/entities/employee.entity';
import { Organization } from '../../org/entities/organization.entity';
import { AuthGuard } from './auth.guard';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

/** Tokens, sessions and the global guard; every feature module can inject TokenService and SessionService. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Employee, Organization])],
  providers: [TokenService, SessionService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, SessionService],
})
export class AuthCoreModule {}
