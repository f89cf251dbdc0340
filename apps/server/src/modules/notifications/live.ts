import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { type Listener, listen } from '../../db/listen.ts';
import { AppError } from '../../http/errors.ts';

/** The channel a trigger on `notification` tells of each new unread notice ("<workspace>:<user>"). */
export const NOTIFICATION_CHANNEL = 'clientela_notification';

/** How often an open stream is sent a comment, so that proxies and browsers keep it open. */
const KEEP_ALIVE_MS = 25_000;

/**
 * The people's open pages in this process, told at once when a notice for them is written by
 * any process: PostgreSQL's NOTIFY reaches every listening server.
 */
export type LiveNotifications = Listener & {
  /** Calls `tell` for each new notice of the person, until the returned function is called. */
  subscribe(workspaceId: string, userId: string, tell: () => void): () => void;
  /** Keeps how an open stream ends, until the returned function is called, so that closeAll reaches it. */
  track(close: () => void): () => void;
  /** Ends every open stream (the server stops). */
  closeAll(): void;
};

export function listenForNotifications(pool: pg.Pool, onError?: (error: unknown) => void): LiveNotifications {
  const pages = new Map<string, Set<() => void>>();
  const closers = new Set<() => void>();
  const tellAll = (key: string) => {
    for (const tell of pages.get(key) ?? []) tell();
  };
  const closeAll = () => {
    for (const close of closers) close();
  };
  // While the connection was lost, notices may have been missed: the pages' streams end, and the
  // browsers connect again and read what is new ("ready").
  const listener = listen(pool, { [NOTIFICATION_CHANNEL]: tellAll }, { onError, onLost: closeAll });
  return {
    ...listener,
    subscribe(workspaceId, userId, tell) {
      const key = `${workspaceId}:${userId}`;
      const set = pages.get(key) ?? new Set();
      pages.set(key, set);
      set.add(tell);
      return () => {
        set.delete(tell);
        if (set.size === 0) pages.delete(key);
      };
    },
    track(close) {
      closers.add(close);
      return () => closers.delete(close);
    },
    closeAll,
  };
}

/**
 * `GET /api/v1/notifications/stream`: a server-sent event stream telling the signed-in person
 * "something new" (`event: notification`) when a notice is written for them; the page then
 * reads its notifications through the API, where the usual rights apply. No notice's content
 * goes over the stream.
 */
export async function liveNotificationRoutes(app: FastifyInstance, { live }: { live: LiveNotifications }) {
  app.get('/notifications/stream', { schema: { tags: ['notifications'] }, config: { unqueued: true } }, async (request, reply) => {
    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated', 'Sign in to continue');
    reply.hijack();
    const stream = reply.raw;
    const socket = request.raw.socket;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    // The browser waits 5 s before it connects again after a drop; the first event says the stream is open.
    stream.write('retry: 5000\nevent: ready\ndata: {}\n\n');
    const unsubscribe = live.subscribe(actor.workspaceId, actor.userId, () => stream.write('event: notification\ndata: {}\n\n'));
    const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    // The stream's connection carries nothing else: it ends with it, or a stopping server would wait for it.
    const close = () => {
      clearInterval(keepAlive);
      unsubscribe();
      untrack();
      if (!stream.writableEnded) stream.end();
      socket.destroy();
    };
    const untrack = live.track(close);
    request.raw.on('close', close);
    // The browser may have gone while the sign-in was checked: then no 'close' comes any more.
    if (request.raw.destroyed || socket.destroyed) close();
  });
}
