import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { BaseConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueryErrorFilter, type ConstraintMessages } from './query-error.filter.js';
import {
  createServiceDataSource,
  runMigrations,
  type ServiceDataSourceOptions,
} from './service-data-source.js';

export interface DatabaseModuleOptions {
  readonly entities: ServiceDataSourceOptions['entities'];
  readonly migrations: ServiceDataSourceOptions['migrations'];
  /** Apply pending migrations at boot (development, tests); production runs them as a step. */
  readonly migrateOnBoot?: boolean;
  /** Client-facing messages for constraints, by constraint name (see QueryErrorFilter). */
  readonly constraintMessages?: ConstraintMessages;
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
  }
}

/**
 * The service's TypeORM data source on its own schema (DATABASE_URL, DATABASE_SCHEMA),
 * injectable as `DataSource`. Services write through `dataSource.transaction(...)` so the
 * outbox rows of their events commit with their changes.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: BaseConfig): Promise<DataSource> => {
            const dataSource = createServiceDataSource({
              url: config.DATABASE_URL,
              schema: config.DATABASE_SCHEMA,
              entities: options.entities,
              migrations: options.migrations,
              applicationName: config.SERVICE_NAME,
            });
            await dataSource.initialize();
            if (options.migrateOnBoot) {
              const applied = await runMigrations(dataSource);
              if (applied.length > 0) {
                new Logger('DatabaseModule').log(
                  `Applied migrations: ${applied.map((migration) => migration.name).join(', ')}`,
                );
              }
            }
            return dataSource;
          },
        },
        DataSourceCloser,
        { provide: APP_FILTER, useValue: new QueryErrorFilter(options.constraintMessages) },
      ],
      exports: [DataSource],
    };
  }
}
