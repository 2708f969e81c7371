// Migrations of one service's schema:
//   npm run migration:generate -- <service> <Name>   write a migration for what the entities add
//   npm run migration:run -- <service>               apply pending migrations (DATABASE_URL)
//   npm run migration:revert -- <service>            undo the last one
// A service exposes its entities and migrations from apps/<service>/src/database.ts as
// `<service>Entities` and `<service>Migrations`.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, runMigrations } from '#platform';

type Constructor = new (...args: never[]) => object;

const { positionals } = parseArgs({ allowPositionals: true });
const [command, service, name] = positionals;
if (!command || !service || !['generate', 'run', 'revert'].includes(command)) {
  console.error('usage: migrations.ts generate|run|revert <service> [Name]');
  process.exit(2);
}
if (!/^[a-z]+$/.test(service)) {
  console.error(`Invalid service name "${service}"`);
  process.exit(2);
}
const module = (await import(`../apps/${service}/src/database.js`)) as Record<
  string,
  Constructor[]
>;
const entities = module[`${service}Entities`];
const migrations = module[`${service}Migrations`];
if (!entities || !migrations) {
  console.error(
    `apps/${service}/src/database.ts must export ${service}Entities and ${service}Migrations`,
  );
  process.exit(2);
}
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cancer_network';

async function withDataSource<T>(
  schema: string,
  fn: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = createServiceDataSource({ url, schema, entities, migrations });
  await dataSource.initialize();
  try {
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

if (command === 'run') {
  const applied = await withDataSource(process.env.DATABASE_SCHEMA ?? service, runMigrations);
  console.log(
    applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Nothing to apply',
  );
} else if (command === 'revert') {
  await withDataSource(process.env.DATABASE_SCHEMA ?? service, (ds) =>
    ds.undoLastMigration({ transaction: 'each' }),
  );
  console.log('Reverted the last migration');
} else {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error('generate needs a PascalCase migration name, e.g. AddMeetingRoom');
    process.exit(2);
  }
  // Migrate a scratch schema, then ask TypeORM what the entities still need.
  const scratch = `migration_gen_${randomBytes(4).toString('hex')}`;
  const { up, down } = await withDataSource(scratch, async (ds) => {
    try {
      await runMigrations(ds);
      const log = await ds.driver.createSchemaBuilder().log();
      return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
    } finally {
      await ds.query(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`);
    }
  });
  if (up.length === 0) {
    console.log('The migrations already match the entities: nothing to generate');
    process.exit(0);
  }
  const timestamp = Date.now();
  const toSource = (queries: string[]) =>
    queries
      .map(
        (sql) =>
          `    await queryRunner.query(\`${sql.replaceAll('`', '\\`').replaceAll(`"${scratch}"`, '"${s}"')}\`);`,
      )
      .join('\n');
  const file = `apps/${service}/src/migrations/${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#platform';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
${toSource(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
${toSource([...down].reverse())}
  }
}
`,
  );
  console.log(`Wrote ${file}: add it to ${service}Migrations in apps/${service}/src/database.ts`);
}
