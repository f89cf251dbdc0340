import type { FastifyInstance, FastifyRequest } from 'fastify';
import pLimit from 'p-limit';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Outside the limit on API requests at work: a stream open for as long as a page is, health checks that must answer under load. */
    unqueued?: boolean;
  }
}

/**
 * Lets a fixed number of API requests work at once; the others wait their turn, first come first
 * served. Two cores shared by fifty requests at once make each take fifty times its own time, and
 * the dearest (a search, a counted list) the longest; at a few at a time each finishes in about
 * its own time and the others' wait is the same for all, so the slowest answers come much sooner,
 * and fewer requests in flight cost less memory and switching.
 *
 * A request queues once it is signed in and its body has arrived (`preValidation`), so a slow
 * upload or an anonymous caller holds no place. It leaves its place once its answer is ready to
 * send (a streamed download goes on outside), or when its connection closes, also if that
 * happened while it waited.
 */
export function registerAdmission(app: FastifyInstance, atOnce: number): void {
  const turns = pLimit(atOnce);
  const leave = new WeakMap<FastifyRequest, () => void>();
  const gone = new WeakSet<FastifyRequest>();
  app.addHook('preValidation', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config.unqueued) return;
    await new Promise<void>((admitted) => {
      void turns(
        () =>
          new Promise<void>((done) => {
            let left = false;
            const release = () => {
              if (left) return;
              left = true;
              done();
            };
            leave.set(request, release);
            // A connection that closed while the request waited sends no 'close' any more. (Not
            // `request.raw.destroyed`: a request is destroyed once its body has been read.)
            if (gone.has(request) || reply.raw.destroyed || request.raw.socket?.destroyed) release();
            else reply.raw.once('close', release);
            admitted();
          }),
      );
    });
  });
  const release = (request: FastifyRequest) => leave.get(request)?.();
  app.addHook('onSend', async (request, _reply, payload) => {
    release(request);
    return payload;
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => {
    gone.add(request);
    release(request);
  });
}
