import fs from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { migrationsFolder } from '../db/migrate.ts';
import { AppError } from './errors.ts';

/** Whether this process is stopping: once draining, /api/ready answers 503 so that a balancer sends it nothing new. */
export type Drain = {
  readonly draining: boolean;
  /** Marks the process as stopping; it cannot be undone. */
  start(): void;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's drain flag, read by /api/ready and set when the process stops. */
    drain: Drain;
  }
}

/** A drain flag, off until the process starts stopping. */
export function createDrain(): Drain {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    start() {
      draining = true;
    },
  };
}

export type HealthOptions = {
  db: Database;
  /** Answers whether the database is reachable (throws when it is not). */
  ping: () => Promise<void>;
  /** The process's drain flag; a new one when absent. */
  drain?: Drain;
  /** How long a stopping server lets requests in flight finish before it closes their connections. */
  shutdownGraceMs?: number;
};

/**
 * The migrations the bundle carries that the database has not applied, by drizzle's own rule
 * (a migration is applied when its journal time is not after the newest one recorded).
 */
export async function pendingMigrations(db: Database, folder = migrationsFolder()): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const exists = await db.execute<{ present: boolean }>(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  let newest = -1;
  if (exists.rows[0]?.present) {
    const applied = await db.execute<{ newest: string | null }>(
      sql`SELECT max(created_at)::text AS newest FROM drizzle.__drizzle_migrations`,
    );
    newest = Number(applied.rows[0]?.newest ?? -1);
  }
  return journal.entries.filter((entry) => entry.when > newest).map((entry) => entry.tag);
}

/**
 * `GET /api/health` (alive: the process answers and reaches its database) and `GET /api/ready`
 * (may take traffic: database reachable, every migration applied, not draining), both public and
 * left out of the OpenAPI document; and the closing of a stopping server's connections.
 */
export function registerHealth(app: FastifyInstance, options: HealthOptions): void {
  const drain = options.drain ?? createDrain();
  app.decorate('drain', drain);
  // Migrations only change when a newer bundle starts: once all are applied, this process never asks again.
  let migrationsApplied = false;

  app.get('/api/health', { config: { public: true, unqueued: true }, schema: { hide: true } }, async (_request, reply) => {
    await options.ping();
    return reply.send({ status: 'ok' });
  });

  app.get('/api/ready', { config: { public: true, unqueued: true }, schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const notReady = (check: string, detail: string) =>
      new AppError('service_unavailable', detail, { headers: { 'retry-after': '5' }, extra: { check } });
    if (drain.draining) throw notReady('draining', 'This server process is stopping; send requests to another one');
    try {
      await options.ping();
    } catch (error) {
      throw Object.assign(notReady('database', 'The database cannot be reached just now'), { cause: error });
    }
    if (!migrationsApplied) {
      const pending = await pendingMigrations(options.db);
      if (pending.length > 0) {
        throw notReady('migrations', `${pending.length} schema migration(s) not applied yet, the first: ${pending[0]}`);
      }
      migrationsApplied = true;
    }
    return reply.send({ status: 'ready', checks: { database: 'ok', migrations: 'ok', draining: false } });
  });

  closeConnectionsOnStop(app, options.shutdownGraceMs ?? 10_000);
}

/**
 * When the server closes, connections that carry no request are ended at once (a browser's
 * unused spare ones too, which Node's own closing leaves open until their keep-alive ends), a
 * connection whose request is in flight is ended when its answer is sent, and whatever is still
 * open after `graceMs` is cut: a stop never waits longer than that for HTTP.
 */
function closeConnectionsOnStop(app: FastifyInstance, graceMs: number): void {
  const inFlight = new Map<Socket, number>();
  let closing = false;
  app.server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.on('close', () => inFlight.delete(socket));
  });
  app.server.on('request', (request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.on('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      if (closing && left === 0) socket.end();
    });
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const [socket, requests] of inFlight) if (requests === 0) socket.end();
    setTimeout(() => app.server.closeAllConnections(), graceMs).unref();
  });
}
