import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthCoreModule } from './common/auth';
import { CacheModule } from './common/cache';
import { AppConfig, ConfigModule } from './common/config';
import { ApiExceptionFilter } from './common/errors';
import { loggerParams } from './common/logging/logger-params';
import { RateLimitModule } from './common/rate-limit';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { DatabaseModule } from './infra/database/database.module';
import { RedisModule } from './infra/redis';
import { OrgModule } from './org/org.module';
import { WechatModule } from './wechat/wechat.module';
import { CardsModule } from './cards/cards.module';
import { MaterialsModule } from './materials/materials.module';
import { SharesModule } from './shares/shares.module';
import { VisitorsModule } from './visitors/visitors.module';
import { TrackingModule } from './tracking/tracking.module';
import { RadarModule } from './radar/radar.module';
import { SiteModule } from './site/site.module';
import { WebModule } from './web/web.module';
import { LeadsModule } from './leads/leads.module';
import { StatsModule } from './stats/stats.module';
import { TasksModule } from './tasks/tasks.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { BoardsModule } from './boards/boards.module';

/** The feature modules; a new feature adds its module here. */
const FEATURE_MODULES = [
  HealthModule,
  WechatModule,
  AuthModule,
  OrgModule,
  DemoModule,
  CardsModule,
  MaterialsModule,
  SharesModule,
  VisitorsModule,
  TrackingModule,
  RadarModule,
  AuditModule,
  LeadsModule,
  PersonalDataModule,
  StatsModule,
  TasksModule,
  BoardsModule,
  SiteModule,
  WebModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        DatabaseModule.forRoot(config.database),
        // Before AuthCoreModule: its guard runs first, so a flood is refused before any token is checked.
        RateLimitModule,
        AuthCoreModule,
        CacheModule,
        RedisModule,
        ...FEATURE_MODULES,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
