/**
 * Scottish health boards reach performance's figures the way England's providers do: each board
 * is a `provider` row (source `board`) whose alliance is its network's, taken from the
 * `health_board` table. Detection and the figures read providers only, so they need nothing
 * else; these statements keep the board rows in step with the table.
 */

/** Runs one statement: a pg client's or a TypeORM manager's `query`. */
type Query = (sql: string, parameters?: unknown[]) => Promise<unknown>;

/** Writes the provider rows of the boards `which` selects (a condition on `b`, the board). */
function linkBoards(query: Query, schema: string, which: string, parameters: unknown[] = []) {
  return query(
    `INSERT INTO "${schema}".provider (ods_code, name, alliance_id, source)
     SELECT b.board_code, b.name, a.id, 'board'
       FROM "${schema}".health_board b
       LEFT JOIN "${schema}".alliance_ref a ON a.code = b.network_code
      WHERE ${which}
     ON CONFLICT (ods_code) DO UPDATE
        SET name = COALESCE(EXCLUDED.name, provider.name), alliance_id = EXCLUDED.alliance_id,
            source = 'board', updated_at = now()`,
    parameters,
  );
}

/** The boards an import stages (among its `orgCodes`) become providers of their network, before it counts them. */
export async function linkStagedBoards(
  query: Query,
  schema: string,
  orgCodes: readonly string[],
): Promise<void> {
  await linkBoards(query, schema, 'b.board_code = ANY($1::text[])', [orgCodes]);
}

/** A board an admin has just edited, with whatever of its figures were imported before. */
export async function linkBoard(query: Query, schema: string, boardCode: string): Promise<void> {
  await linkBoards(query, schema, 'b.board_code = $1', [boardCode]);
}

/** The boards already imported follow their network's alliance when membership announces or renames one. */
export async function relinkBoards(query: Query, schema: string): Promise<void> {
  await linkBoards(
    query,
    schema,
    `EXISTS (SELECT 1 FROM "${schema}".provider p WHERE p.ods_code = b.board_code)`,
  );
}
