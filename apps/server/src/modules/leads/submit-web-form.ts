import { LEAD_FORM_FIELDS, leadIsIdentified, type TLeadFormField, type TLocale, ZEmail, ZLeadPhone } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';
import { unitSubtree } from '../units/index.ts';
import { users } from '../users/index.ts';
import { leads, webForms } from './leads.table.ts';
import { FIELD_MAX_LENGTH, HONEYPOT_FIELD, REFERRER_FIELD } from './web-form-page.ts';
import type { SubmissionProblem } from './web-form-texts.ts';
import { WEB_FORM_TEXTS } from './web-form-texts.ts';

export type WebFormRow = typeof webForms.$inferSelect;
type FormFields = { field: TLeadFormField; required: boolean }[];

/** What a visitor sent: the form's fields as typed, the consent box, and whether the trap was filled. */
export type Submission = {
  values: Partial<Record<TLeadFormField, string>>;
  consent: boolean;
  trapped: boolean;
  /** The page the form was shown in, as the form page carried it along. */
  page: string | undefined;
};

/** The visitor's address, browser and referring page, kept on the lead for spam review. */
export type Visitor = { ip: string; userAgent: string | undefined; referrer: string | undefined };

const firstText = (value: unknown): string | undefined => {
  const one = Array.isArray(value) ? value[0] : value;
  if (typeof one === 'string') return one;
  if (typeof one === 'number') return String(one);
  return undefined;
};

/** Reads a form post or a JSON body alike: texts (a repeated field's first value), the consent as "on", "true", "1" or true. */
export function readSubmission(body: unknown): Submission {
  const raw = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const values: Partial<Record<TLeadFormField, string>> = {};
  for (const field of LEAD_FORM_FIELDS) {
    const value = firstText(raw[field]);
    if (value !== undefined) values[field] = value.trim();
  }
  const consent = raw.marketingConsent;
  return {
    values,
    consent: consent === true || ['on', 'true', '1', 'yes'].includes(String(firstText(consent) ?? '').toLowerCase()),
    trapped: (firstText(raw[HONEYPOT_FIELD]) ?? '').trim() !== '',
    page: firstText(raw[REFERRER_FIELD])?.trim().slice(0, 500) || undefined,
  };
}

export type SubmissionCheck = {
  problems: Partial<Record<TLeadFormField, SubmissionProblem>>;
  /** Nothing that names the sender was given. */
  identityMissing: boolean;
};

/** The problems of a submission against the form: its required fields, formats and lengths, and someone named. */
export function checkSubmission(fields: FormFields, submission: Submission): SubmissionCheck {
  const problems: SubmissionCheck['problems'] = {};
  for (const { field, required } of fields) {
    const value = submission.values[field] ?? '';
    if (value === '') {
      if (required) problems[field] = 'required';
    } else if (value.length > FIELD_MAX_LENGTH[field]) problems[field] = 'too_long';
    else if (field === 'email' && !ZEmail.safeParse(value).success) problems[field] = 'email';
    else if (field === 'phone' && !ZLeadPhone.safeParse(value).success) problems[field] = 'phone';
  }
  const shown = Object.fromEntries(fields.map(({ field }) => [field, submission.values[field]]));
  return { problems, identityMissing: !leadIsIdentified(shown) };
}

/** The problems as problem+json field errors. */
export function fieldErrors(check: SubmissionCheck) {
  const errors = Object.entries(check.problems).map(([path, problem]) => ({ path, message: WEB_FORM_TEXTS.en.problems[problem] }));
  if (check.identityMissing && errors.length === 0) errors.push({ path: 'firstName', message: WEB_FORM_TEXTS.en.problems.identity });
  return errors;
}

/** The form's owner as the actor who gives themselves the call-back assignment; null when the form has none (or they left). */
async function ownerOf(db: Executor, form: WebFormRow): Promise<(Actor & { locale: TLocale }) | null> {
  if (!form.ownerId) return null;
  const [owner] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, form.workspaceId), eq(users.id, form.ownerId), eq(users.active, true)));
  if (!owner) return null;
  return {
    workspaceId: owner.workspaceId,
    userId: owner.id,
    name: owner.name,
    role: owner.role,
    unitId: owner.unitId,
    locale: owner.locale ?? 'en',
    unitTree: () => (owner.unitId ? unitSubtree(db, owner.workspaceId, owner.unitId) : Promise.resolve(new Set<string>())),
  };
}

/**
 * Makes the lead of a valid submission, in one transaction: the lead (the form's source, campaign,
 * owner and language; the visitor's address kept), one more submission counted on the form, and
 * the owner's assignment to call the person back.
 */
export async function submitWebForm(db: Database, form: WebFormRow, submission: Submission, visitor: Visitor): Promise<string> {
  const shown = new Set((form.fields as FormFields).map((f) => f.field));
  const value = (field: TLeadFormField) => (shown.has(field) ? submission.values[field] || null : null);
  return db.transaction(async (tx) => {
    const owner = await ownerOf(tx, form);
    const [lead] = await tx
      .insert(leads)
      .values({
        workspaceId: form.workspaceId,
        channel: 'web_form',
        firstName: value('firstName') ?? '',
        lastName: value('lastName') ?? '',
        companyName: value('companyName'),
        position: value('position'),
        email: value('email')?.toLowerCase() ?? null,
        phone: value('phone'),
        city: value('city'),
        message: value('message'),
        language: form.language,
        marketingConsent: Boolean(form.consentText) && submission.consent,
        ownerId: owner ? owner.userId : null,
        unitId: owner?.unitId ?? null,
        webFormId: form.id,
        sourceId: form.sourceId,
        campaignId: form.campaignId,
        submittedFrom: {
          ip: visitor.ip,
          ...(visitor.userAgent ? { userAgent: visitor.userAgent.slice(0, 500) } : {}),
          ...(submission.page || visitor.referrer ? { referrer: (submission.page ?? visitor.referrer)?.slice(0, 500) } : {}),
        },
      })
      .returning({ id: leads.id, name: leads.name });
    if (!lead) throw new Error('lead insert returned nothing');
    await tx
      .update(webForms)
      .set({ submissions: sql`${webForms.submissions} + 1` })
      .where(and(eq(webForms.workspaceId, form.workspaceId), eq(webForms.id, form.id)));
    if (owner) {
      const who = lead.name || value('companyName') || value('email') || value('phone') || '';
      const details = [value('companyName'), value('email'), value('phone'), value('city')].filter(Boolean).join(' · ');
      const description = [details, value('message')].filter(Boolean).join('\n\n');
      // Loaded on use: this module is loaded with the HTTP app, before the tasks module's own imports are settled.
      const { createTask } = await import('../tasks/index.ts');
      // Inside this transaction (a savepoint of it): no lead without its assignment, nor the reverse.
      await createTask(
        { db: tx as unknown as Database, actor: owner },
        {
          title: `${WEB_FORM_TEXTS[owner.locale].callBack} ${who}`.trim().slice(0, 300),
          assigneeId: owner.userId,
          ...(description ? { description: description.slice(0, 10_000) } : {}),
        },
      );
    }
    return lead.id;
  });
}

/** The form behind a public key, with its workspace; null when there is none. */
export async function formOfKey(db: Database, key: string): Promise<WebFormRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(key)) return null;
  const [form] = await db.select().from(webForms).where(eq(webForms.key, key));
  return form ?? null;
}
