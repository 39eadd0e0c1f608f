import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../../common/config/app-config';
import { resolveDataSourceOptions } from './data-source-options';
import { Transactions } from './transactions';

/** The one DataSource (and `Transactions` for everyone); migrations run before the application accepts requests. */
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [Transactions],
      exports: [Transactions],
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
