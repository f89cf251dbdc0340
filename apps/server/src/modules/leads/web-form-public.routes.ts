import type { TLocale } from '@clientela/contract';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import { handleError } from '../../http/error-handler.ts';
import { AppError } from '../../http/errors.ts';
import { checkSubmission, fieldErrors, formOfKey, readSubmission, submitWebForm, type WebFormRow } from './submit-web-form.ts';
import { formPage, messagePage, type PublicForm, thanksPage } from './web-form-page.ts';
import { WEB_FORM_TEXTS } from './web-form-texts.ts';

/** Submissions each address may send to one form per minute. */
export const WEB_FORM_POSTS_PER_MINUTE = 5;
/** Page views each address may ask per minute. */
const WEB_FORM_VIEWS_PER_MINUTE = 120;
/** A form's fields fit in far less; anything bigger is not a person typing. */
const WEB_FORM_BODY_LIMIT = 32 * 1024;

type KeyParams = { key: string };

/**
 * The policy of these pages only: nothing but inline styles, the form posting to us (and, after a
 * submission, the form's own thank-you address), and any site may frame them.
 */
function securityHeaders(reply: FastifyReply, redirectUrl?: string | null) {
  const redirectOrigin = redirectUrl ? ` ${new URL(redirectUrl).origin}` : '';
  reply.raw.removeHeader('x-frame-options');
  reply.removeHeader('x-frame-options');
  return reply
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'${redirectOrigin}; base-uri 'none'; frame-ancestors *`,
    )
    .header('cache-control', 'no-store');
}

function sendHtml(reply: FastifyReply, status: number, html: string, redirectUrl?: string | null) {
  return securityHeaders(reply, redirectUrl).status(status).type('text/html; charset=utf-8').send(html);
}

const notFoundPage = (reply: FastifyReply, language: TLocale = 'en') => {
  const texts = WEB_FORM_TEXTS[language];
  return sendHtml(reply, 404, messagePage(language, texts.notFoundTitle, texts.notFound));
};

/** A script or a site posting JSON gets JSON back; a browser's form post gets pages. */
const wantsJson = (request: FastifyRequest) => (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');

const asPublic = (form: WebFormRow): PublicForm => ({ ...form, fields: form.fields as PublicForm['fields'] });

/**
 * The public face of web forms, outside the API: `GET /f/:key` the form page a site embeds (an
 * iframe), `POST /f/:key` what the form (or the site's own HTML form) sends. No sign-in; rate
 * limited per address; a honeypot field catches robots.
 */
export async function webFormPublicRoutes(app: FastifyInstance, { db }: { db: Database; publicUrl: string }) {
  // Form posts are accepted here only: the API itself takes JSON alone.
  await app.register(formbody, { bodyLimit: WEB_FORM_BODY_LIMIT });
  // A site's own form may use enctype="multipart/form-data": its text fields are read, a file is refused.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 0, files: 0, fields: 40, fieldSize: 8 * 1024, parts: 40 },
  });

  // A browser gets a page for a refusal it can meet (too many posts); anything else answers as the API does.
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.statusCode === 429 && !wantsJson(request)) {
      const form = await formOfKey(db, (request.params as Partial<KeyParams>).key ?? '');
      const language = form?.language ?? 'en';
      const texts = WEB_FORM_TEXTS[language];
      return sendHtml(reply, 429, messagePage(language, texts.tooManyTitle, texts.tooMany));
    }
    return handleError(error, request, reply);
  });

  app.get<{ Params: KeyParams }>(
    '/f/:key',
    { config: { public: true, rateLimit: { max: WEB_FORM_VIEWS_PER_MINUTE, timeWindow: 60_000 } }, schema: { hide: true } },
    async (request, reply) => {
      const form = await formOfKey(db, request.params.key);
      if (!form?.active) return notFoundPage(reply, form?.language);
      const referrer = request.headers.referer?.slice(0, 500);
      return sendHtml(
        reply,
        200,
        formPage(asPublic(form), { action: `/f/${form.key}`, ...(referrer ? { referrer } : {}) }),
        // The form's post is answered with a redirect there, which form-action must allow.
        form.redirectUrl,
      );
    },
  );

  app.post<{ Params: KeyParams }>(
    '/f/:key',
    {
      bodyLimit: WEB_FORM_BODY_LIMIT,
      config: {
        public: true,
        rateLimit: {
          max: WEB_FORM_POSTS_PER_MINUTE,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => `${request.ip}|${(request.params as Partial<KeyParams>).key ?? ''}`,
        },
      },
      schema: { hide: true },
    },
    async (request, reply) => {
      const json = wantsJson(request);
      const form = await formOfKey(db, request.params.key);
      if (!form?.active) {
        if (json) throw new AppError('not_found', 'No such form');
        return notFoundPage(reply, form?.language);
      }
      const submission = readSubmission(request.body);
      const done = () => {
        if (json) return reply.status(201).send({ ok: true });
        if (form.redirectUrl) return securityHeaders(reply, form.redirectUrl).redirect(form.redirectUrl, 303);
        return sendHtml(reply, 200, thanksPage(asPublic(form)));
      };
      // A robot is thanked like a person, so that it learns nothing; nothing is kept.
      if (submission.trapped) return done();
      const check = checkSubmission(asPublic(form).fields, submission);
      if (Object.keys(check.problems).length > 0 || check.identityMissing) {
        if (json) throw new AppError('validation_failed', 'The form is not filled in correctly', { errors: fieldErrors(check) });
        const page = formPage(asPublic(form), {
          action: `/f/${form.key}`,
          values: submission.values as Record<string, string>,
          problems: check.problems,
          identityMissing: check.identityMissing && Object.keys(check.problems).length === 0,
          consent: submission.consent,
          ...(submission.page ? { referrer: submission.page } : {}),
        });
        return sendHtml(reply, 400, page, form.redirectUrl);
      }
      const referrer = request.headers.referer;
      await submitWebForm(db, form, submission, { ip: request.ip, userAgent: request.headers['user-agent'], referrer });
      return done();
    },
  );
}
