import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { BOUNCE_MAX_BYTES } from './bounce-listener.ts';
import { parseBounce } from './bounce-parse.ts';
import { recordBounce } from './bounce-record.ts';

const ZBounceResult = z.object({
  outcome: z.enum(['bounced', 'delayed', 'unchanged', 'not_a_bounce', 'unknown_recipient']),
});

/**
 * `POST /mailings/bounces`: for an MTA that pipes bounces to a script instead of relaying them to the SMTP
 * listener. The body is the raw message (`message/rfc822`, at most 2 MB); an admin's API token (or session)
 * is required, and only recipients of the admin's own workspace are touched. The recipient is found as the
 * listener finds it, from the VERP address the message is addressed to (`To`, `Delivered-To`).
 */
export async function bounceRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: BOUNCE_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    typed(scope).post(
      '/mailings/bounces',
      {
        schema: {
          tags: ['mailings'],
          summary: 'Record a bounce report piped by the mail server (raw message/rfc822 body; admins only)',
          response: { 200: ZBounceResult },
        },
      },
      async (request) => {
        const ctx = ctxOf(db, request);
        if (ctx.actor.role !== 'admin') throw new AppError('forbidden', 'Only an administrator hands in bounce reports');
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError('validation_failed', 'Send the bounced message as message/rfc822', {
            errors: [{ path: 'body', message: 'A raw e-mail message is expected' }],
          });
        }
        const bounce = await parseBounce(request.body).catch(() => {
          throw new AppError('validation_failed', 'The message could not be read', {
            errors: [{ path: 'body', message: 'Not an e-mail message' }],
          });
        });
        return { outcome: await recordBounce(db, bounce, [], { workspaceId: ctx.actor.workspaceId }) };
      },
    );
  });
}
