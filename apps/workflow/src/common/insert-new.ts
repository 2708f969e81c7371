import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts a row known to be new (made with `manager.create`): one statement, where `save` first
 * reads to see whether the row exists. TypeORM's types refuse `insert` an entity whose JSON
 * columns are `Record<string, unknown>` (it writes them as `save` does); taken as the entity
 * type it is, here, they accept it.
 */
export async function insertNew<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entity: T,
): Promise<void> {
  await manager.insert(target, entity);
}
