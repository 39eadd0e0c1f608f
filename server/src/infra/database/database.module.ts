import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../../common/config/app-config';
import { resolveDataSourceOptions } from './data-source-options';

/** The one DataSource; migrations run before the application accepts requests. */
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // A database that is down at boot fails fast and loudly instead of retrying for half a minute.
          useFactory: async () => ({
            ...(await resolveDataSourceOptions(database)),
            retryAttempts: 2,
            retryDelay: 1_000,
          }),
        }),
      ],
    };
  }
}
