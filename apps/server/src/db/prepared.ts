import { createHash } from 'node:crypto';

/** What a Drizzle query builder offers to run it as a prepared statement. */
type Preparable<T> = { prepare(name: string): { execute(): Promise<T> } };

/** The query config node-postgres receives from Drizzle's prepared query (its text and name). */
type QueryConfigs = { rawQueryConfig?: { name?: string; text: string }; queryConfig?: { name?: string; text: string } };

/**
 * Runs a query as a named prepared statement, named after its text: each pooled connection parses
 * it once, and after a few runs PostgreSQL keeps a generic plan instead of planning it again each
 * time (for a list with joins and many indexes, planning costs more than running). Meant for the
 * hot read statements whose text takes few shapes (a list's filters and sort); the statements
 * live as long as the connection, which the pool closes after it idles.
 */
export function runPrepared<T>(query: Preparable<T>): Promise<T> {
  const prepared = query.prepare('');
  const configs = prepared as unknown as QueryConfigs;
  const text = configs.rawQueryConfig?.text;
  if (text && configs.queryConfig) {
    const name = `p${createHash('sha1').update(text).digest('base64url')}`;
    configs.rawQueryConfig = { ...configs.rawQueryConfig, text, name };
    configs.queryConfig = { ...configs.queryConfig, name };
  }
  return prepared.execute();
}

/**
 * Runs a list's statement prepared unless it searches: a search is planned for its words each
 * time, since a generic plan cannot know how many rows they match.
 */
export function runPreparedUnlessSearch<T>(query: Preparable<T> & PromiseLike<T>, search: string | undefined): Promise<T> {
  return search ? Promise.resolve(query) : runPrepared(query);
}
