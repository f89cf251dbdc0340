import type { TLocale } from '@clientela/contract';
import formbody from '@fastify/formbody';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { setConsentOf } from './consent.ts';
import { FIRST_EMAIL } from './merge-fields.ts';
import { verifyUrl } from './tracking.ts';

const TEXT: Record<TLocale, { title: string; ask: string; confirm: string; done: string; already: string; unknown: string }> = {
  en: {
    title: 'Unsubscribe',
    ask: 'Do you want to stop receiving our marketing e-mails at {email}?',
    confirm: 'Unsubscribe',
    done: 'You are unsubscribed: we will send you no more marketing e-mails.',
    already: 'You are already unsubscribed: we send you no marketing e-mails.',
    unknown: 'This link is not valid.',
  },
  ru: {
    title: 'Отписка от рассылки',
    ask: 'Вы хотите отказаться от наших рекламных писем на адрес {email}?',
    confirm: 'Отписаться',
    done: 'Вы отписались: больше мы не будем присылать вам рекламные письма.',
    already: 'Вы уже отписаны: рекламные письма мы вам не присылаем.',
    unknown: 'Эта ссылка недействительна.',
  },
  it: {
    title: 'Annulla iscrizione',
    ask: 'Vuoi smettere di ricevere le nostre e-mail promozionali all’indirizzo {email}?',
    confirm: 'Annulla iscrizione',
    done: 'Iscrizione annullata: non ti invieremo più e-mail promozionali.',
    already: 'Hai già annullato l’iscrizione: non ti inviamo e-mail promozionali.',
    unknown: 'Questo link non è valido.',
  },
};

// The smallest transparent GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const html = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function page(reply: FastifyReply, status: number, language: TLocale, body: string) {
  const title = TEXT[language].title;
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta name="robots" content="noindex"><title>${html(title)}</title>` +
        '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}' +
        'button{font:inherit;padding:.5rem 1.25rem;border:0;border-radius:6px;background:#1677ff;color:#fff;cursor:pointer}</style>' +
        `</head><body><h1>${html(title)}</h1>${body}</body></html>`,
    );
}

type Found = {
  workspace_id: string;
  mailing_id: string;
  mailing_name: string;
  contact_id: string;
  email: string | null;
  consent: string | null;
  language: TLocale | null;
};

/** Whom an unsubscribe link is for, and what it came in (written to the consent history). */
type Unsubscriber = Pick<Found, 'workspace_id' | 'contact_id' | 'email' | 'consent' | 'language'> & { detail: string };

const ZToken = z.strictObject({ token: z.uuid() });

/**
 * The links of marketing e-mails, outside the API and without sign-in: `/u/:token` the unsubscribe
 * page and its RFC 8058 one-click POST (of a mailing's recipient or of a birthday greeting); `/t/o/:token` the open pixel and `/t/c/:token` the click
 * redirect, when the mailing tracks them.
 */
export async function mailingLinkRoutes(app: FastifyInstance, { db }: { db: Database; publicUrl: string }) {
  await app.register(formbody);
  // RFC 8058 one-click POSTs often come as multipart/form-data; the body says nothing we need.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 16_384 }, (_request, _body, done) => done(null, {}));
  const config = { public: true };
  const schema = { hide: true };

  const find = async (token: string): Promise<Found | undefined> => {
    if (!ZToken.safeParse({ token }).success) return undefined;
    const { rows } = await db.execute<Found>(sql`
      SELECT r.workspace_id, r.mailing_id, m.name AS mailing_name, r.contact_id, r.email, c.marketing_consent AS consent,
        coalesce(c.language, u.locale) AS language
      FROM mailing_recipient r
      JOIN mailing m ON m.workspace_id = r.workspace_id AND m.id = r.mailing_id
      JOIN contact c ON c.workspace_id = r.workspace_id AND c.id = r.contact_id
      LEFT JOIN app_user u ON u.workspace_id = c.workspace_id AND u.id = c.owner_id
      WHERE r.token = ${token}`);
    return rows[0];
  };
  // A birthday greeting's token, when no mailing sent it; the address is the contact's first, as the greeting was sent to.
  const findGreeting = async (token: string): Promise<Unsubscriber | undefined> => {
    const { rows } = await db.execute<Unsubscriber>(sql`
      SELECT g.workspace_id, g.contact_id, ${FIRST_EMAIL} AS email, c.marketing_consent AS consent,
        coalesce(c.language, u.locale) AS language, 'Birthday greeting ' || g.year AS detail
      FROM birthday_greeting g
      JOIN contact c ON c.workspace_id = g.workspace_id AND c.id = g.contact_id
      LEFT JOIN app_user u ON u.workspace_id = c.workspace_id AND u.id = c.owner_id
      WHERE g.token = ${token}`);
    return rows[0];
  };
  const findUnsubscriber = async (token: string): Promise<Unsubscriber | undefined> => {
    const found = await find(token);
    if (found) return { ...found, detail: `Mailing “${found.mailing_name}” (${found.mailing_id})` };
    return ZToken.safeParse({ token }).success ? findGreeting(token) : undefined;
  };
  const languageOf = (found: { language: TLocale | null } | undefined): TLocale => found?.language ?? 'en';

  app.get<{ Params: { token: string } }>('/u/:token', { config, schema }, async (request, reply) => {
    const found = await findUnsubscriber(request.params.token);
    const language = languageOf(found);
    const text = TEXT[language];
    if (!found) return page(reply, 404, language, `<p>${html(text.unknown)}</p>`);
    if (found.consent === 'withdrawn') return page(reply, 200, language, `<p>${html(text.already)}</p>`);
    const ask = html(text.ask).replace('{email}', `<b>${html(found.email ?? '')}</b>`);
    return page(
      reply,
      200,
      language,
      `<p>${ask}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
        `<button type="submit">${html(text.confirm)}</button></form>`,
    );
  });

  // RFC 8058 one-click (mail clients POST `List-Unsubscribe=One-Click`), and the page's own button.
  app.post<{ Params: { token: string } }>('/u/:token', { config, schema }, async (request, reply) => {
    const found = await findUnsubscriber(request.params.token);
    const language = languageOf(found);
    if (!found) return page(reply, 404, language, `<p>${html(TEXT[language].unknown)}</p>`);
    // A repeat (a mail client retrying, a second click) writes nothing more.
    if (found.consent === 'withdrawn') return page(reply, 200, language, `<p>${html(TEXT[language].already)}</p>`);
    await db.transaction(async (tx) => {
      // The address withdraws, not only this contact: the workspace's other contacts whose first e-mail it is too.
      const { rows: others } = await tx.execute<{ id: string }>(sql`
        SELECT c.id FROM contact c
        WHERE c.workspace_id = ${found.workspace_id} AND c.id <> ${found.contact_id} AND c.deleted_at IS NULL
          AND c.marketing_consent IS DISTINCT FROM 'withdrawn' AND ${found.email}::text IS NOT NULL
          AND lower(${FIRST_EMAIL}) = lower(${found.email}::text)`);
      await setConsentOf(tx, found.workspace_id, [found.contact_id, ...others.map((row) => row.id)], {
        state: 'withdrawn',
        source: 'unsubscribe_link',
        detail: found.detail,
        actorId: null,
      });
    });
    return page(reply, 200, language, `<p>${html(TEXT[language].done)}</p>`);
  });

  app.get<{ Params: { token: string } }>('/t/o/:token', { config, schema }, async (request, reply) => {
    if (ZToken.safeParse(request.params).success) {
      await db.execute(sql`UPDATE mailing_recipient SET opened_at = now() WHERE token = ${request.params.token} AND opened_at IS NULL`);
    }
    return reply.type('image/gif').header('Cache-Control', 'no-store, private').send(PIXEL);
  });

  app.get<{ Params: { token: string }; Querystring: { u?: string; s?: string } }>(
    '/t/c/:token',
    { config, schema },
    async (request, reply) => {
      const found = await find(request.params.token);
      const { u: url, s: signature } = request.query;
      if (!found) return reply.status(404).type('text/plain').send('Not found');
      if (
        typeof url !== 'string' ||
        typeof signature !== 'string' ||
        !/^https?:\/\//i.test(url) ||
        !verifyUrl({ token: request.params.token, mailingId: found.mailing_id, contactId: found.contact_id }, url, signature)
      ) {
        return reply.status(400).type('text/plain').send('This link is not valid');
      }
      await db.execute(sql`UPDATE mailing_recipient SET clicked_at = coalesce(clicked_at, now()), opened_at = coalesce(opened_at, now())
        WHERE token = ${request.params.token}`);
      return reply.redirect(url, 302);
    },
  );
}
