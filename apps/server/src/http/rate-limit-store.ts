import type pg from 'pg';

type Hit = { current: number; ttl: number };
type Done = (error: Error | null, hit?: Hit) => void;
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/** Counts a hit in the key's window, starting a new window when the last one is over. */
const INCREMENT = `
  INSERT INTO rate_limit_hit AS r (key, hits, window_ends_at)
  VALUES ($1, 1, clock_timestamp() + $2::int * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_ends_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
    window_ends_at = CASE WHEN r.window_ends_at <= clock_timestamp()
      THEN clock_timestamp() + $2::int * interval '1 millisecond' ELSE r.window_ends_at END
  RETURNING hits, greatest(0, ceil(extract(epoch FROM r.window_ends_at - clock_timestamp()) * 1000))::int AS ttl`;

/** The count so far without counting. */
const READ = `
  SELECT hits, greatest(0, ceil(extract(epoch FROM window_ends_at - clock_timestamp()) * 1000))::int AS ttl
  FROM rate_limit_hit WHERE key = $1 AND window_ends_at > clock_timestamp()`;

/** Windows over for a while: nobody will count in them again. */
const PRUNE = `DELETE FROM rate_limit_hit WHERE window_ends_at < clock_timestamp() - interval '1 hour'`;

/**
 * A store for `@fastify/rate-limit` that keeps its counts in PostgreSQL (table `rate_limit_hit`),
 * so every server process counts into the same window: behind a balancer a client gets the limit
 * once, not once per process. Each route counts apart, as with the plugin's own store.
 */
export function postgresRateLimitStore(pool: pg.Pool) {
  let lastPrune = 0;
  const prune = () => {
    if (Date.now() - lastPrune < 600_000) return;
    lastPrune = Date.now();
    pool.query(PRUNE).catch(() => {});
  };

  return class PostgresRateLimitStore {
    readonly route: string;

    // The plugin passes its merged settings, with the route they are for in `routeInfo`.
    constructor(params: unknown = {}) {
      const { method, url } = (params as RouteParams).routeInfo ?? {};
      this.route = url ? `${[method ?? ''].flat().join(',')} ${url}` : '';
    }

    incr(key: string, done: Done, timeWindow: number) {
      prune();
      pool.query<Hit & { hits: number }>(INCREMENT, [`${this.route}|${key}`, Math.round(timeWindow)]).then(
        ({ rows }) => done(null, { current: rows[0]?.hits ?? 1, ttl: rows[0]?.ttl ?? timeWindow }),
        (error: Error) => done(error),
      );
    }

    read(key: string, done: Done) {
      pool.query<{ hits: number; ttl: number }>(READ, [`${this.route}|${key}`]).then(
        ({ rows }) => done(null, { current: rows[0]?.hits ?? 0, ttl: rows[0]?.ttl ?? 0 }),
        (error: Error) => done(error),
      );
    }

    child(params: unknown) {
      return new PostgresRateLimitStore(params);
    }
  };
}
