import type {
  TLocale,
  TMailTemplate,
  TMailTemplateInput,
  TMailTemplateListQuery,
  TNewTemplatePreviewInput,
  TTemplatePreview,
  TTemplatePreviewInput,
  TTemplateTestInput,
  TTemplateTestResult,
  TTemplateVersions,
  TUpdateMailTemplateInput,
} from '@clientela/contract';
import { and, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { hiddenFields, stripRecord } from '../roles/field-rules.ts';
import { users } from '../users/index.ts';
import { sendMarketingMail } from './mail-send.ts';
import { mailingPolicy } from './mailings.policy.ts';
import { mailTemplates, type TemplateVersion } from './mailings.table.ts';
import { languageFor, languagesOf, mergeFieldsOf, sampleFields } from './merge-fields.ts';
import { type CompiledTemplate, compileTemplate, type MergeFields, personalise } from './render.ts';

type TemplateRow = typeof mailTemplates.$inferSelect;
type Versions = Partial<Record<TLocale, TemplateVersion>>;

const present = (row: TemplateRow, createdByName: string | null): TMailTemplate => ({
  id: row.id,
  name: row.name,
  purpose: row.purpose,
  versions: row.versions,
  languages: languagesOf(row.versions),
  createdBy: { id: row.createdById, name: createdByName ?? '' },
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The versions written, without the empty ones, in the order given. */
function versionsOf(input: TTemplateVersions): Versions {
  return Object.fromEntries(Object.entries(input).filter(([, version]) => version)) as Versions;
}

/** Compiles one version, turning MJML's own refusals (no `<mjml>` root) into problems too. */
async function compileSafely(version: TemplateVersion) {
  try {
    return await compileTemplate(version);
  } catch (error) {
    return { compiled: null, problems: [{ line: null, message: (error as Error).message }] };
  }
}

/** Compiles every version; refuses the template with each problem at its field and MJML line. */
export async function checkVersions(versions: Versions): Promise<void> {
  const errors: FieldError[] = [];
  for (const language of languagesOf(versions)) {
    const version = versions[language] as TemplateVersion;
    const { problems } = await compileSafely(version);
    for (const problem of problems) {
      const field = problem.message.startsWith('The subject') ? 'subject' : 'mjml';
      const message = problem.line === null ? problem.message : `Line ${problem.line}: ${problem.message}`;
      errors.push({ path: `versions.${language}.${field}`, message });
    }
  }
  if (errors.length > 0) throw new AppError('invalid_template', 'The template cannot be compiled', { errors });
}

async function readTemplate(db: Executor, workspaceId: string, id: string): Promise<TemplateRow> {
  const [row] = await db
    .select()
    .from(mailTemplates)
    .where(and(eq(mailTemplates.workspaceId, workspaceId), eq(mailTemplates.id, id), isNull(mailTemplates.deletedAt)));
  if (!row) throw notFound('template');
  return row;
}

async function nameOf(db: Executor, workspaceId: string, userId: string): Promise<string | null> {
  const [user] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  return user?.name ?? null;
}

/** The live templates, newest change first, optionally of one purpose or matching a name. */
export async function listTemplates(ctx: Ctx, query: TMailTemplateListQuery) {
  await mailingPolicy.authorize(ctx.actor, 'read');
  const rows = await ctx.db
    .select({ template: mailTemplates, createdByName: users.name })
    .from(mailTemplates)
    .leftJoin(users, and(eq(users.workspaceId, mailTemplates.workspaceId), eq(users.id, mailTemplates.createdById)))
    .where(
      and(
        eq(mailTemplates.workspaceId, ctx.actor.workspaceId),
        isNull(mailTemplates.deletedAt),
        query.purpose ? eq(mailTemplates.purpose, query.purpose) : undefined,
        query.q ? ilike(mailTemplates.name, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
      ),
    )
    .orderBy(desc(mailTemplates.updatedAt), desc(mailTemplates.id))
    .limit(500);
  const data = rows.map((row) => present(row.template, row.createdByName));
  return { data, nextCursor: null, total: data.length };
}

/** One live template. */
export async function getTemplate(ctx: Ctx, id: string): Promise<TMailTemplate> {
  await mailingPolicy.authorize(ctx.actor, 'read');
  const row = await readTemplate(ctx.db, ctx.actor.workspaceId, id);
  return present(row, await nameOf(ctx.db, ctx.actor.workspaceId, row.createdById));
}

/** Creates a template once every version compiles. */
export async function createTemplate(ctx: Ctx, input: TMailTemplateInput): Promise<TMailTemplate> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  const versions = versionsOf(input.versions);
  await checkVersions(versions);
  const [row] = await ctx.db
    .insert(mailTemplates)
    .values({
      workspaceId: ctx.actor.workspaceId,
      name: input.name,
      purpose: input.purpose ?? 'marketing',
      versions,
      createdById: ctx.actor.userId,
    })
    .returning();
  return present(row as TemplateRow, ctx.actor.name);
}

/** Changes a template; new versions replace all the old ones and must compile. */
export async function updateTemplate(ctx: Ctx, id: string, input: TUpdateMailTemplateInput): Promise<TMailTemplate> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  const versions = input.versions ? versionsOf(input.versions) : undefined;
  if (versions) await checkVersions(versions);
  const [row] = await ctx.db
    .update(mailTemplates)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      ...(versions ? { versions } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(mailTemplates.workspaceId, ctx.actor.workspaceId), eq(mailTemplates.id, id), isNull(mailTemplates.deletedAt)))
    .returning();
  if (!row) throw notFound('template');
  return present(row, await nameOf(ctx.db, ctx.actor.workspaceId, row.createdById));
}

/** Moves a template to the bin, unless a mailing still sending (or paused) uses it. */
export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: mailTemplates.id })
      .from(mailTemplates)
      .where(and(eq(mailTemplates.workspaceId, ctx.actor.workspaceId), eq(mailTemplates.id, id), isNull(mailTemplates.deletedAt)))
      .for('update');
    if (!row) throw notFound('template');
    const { rows } = await tx.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM mailing
      WHERE workspace_id = ${ctx.actor.workspaceId} AND template_id = ${id} AND status IN ('queued', 'sending', 'paused')`);
    if ((rows[0]?.n ?? 0) > 0) throw new AppError('in_use', 'A mailing being sent uses this template');
    await tx
      .update(mailTemplates)
      .set({ deletedAt: new Date() })
      .where(and(eq(mailTemplates.workspaceId, ctx.actor.workspaceId), eq(mailTemplates.id, id)));
  });
}

/** A template's compiled version for a language (or its fallback one). */
async function compiledFor(row: TemplateRow, wanted: TLocale | null): Promise<{ language: TLocale; compiled: CompiledTemplate }> {
  const language = languageFor(row.versions, wanted);
  const { compiled, problems } = await compileTemplate(row.versions[language] as TemplateVersion);
  if (problems.length > 0) await checkVersions({ [language]: row.versions[language] });
  return { language, compiled };
}

/** Sample links of previews and test mails: they lead nowhere. */
const sampleLinks = (publicUrl: string): MergeFields => ({
  unsubscribe_url: `${publicUrl}/u/00000000-0000-0000-0000-000000000000`,
  survey_link: `${publicUrl}/s/00000000-0000-0000-0000-000000000000`,
});

/** The merge fields of a contact the actor may read, or sample values without one. */
async function previewFields(ctx: Ctx, input: TTemplatePreviewInput): Promise<MergeFields> {
  const samples = sampleFields(input.language);
  if (!input.contactId) return samples;
  const [visible] = await ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.actor.workspaceId),
        eq(contacts.id, input.contactId),
        isNull(contacts.deletedAt),
        await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
      ),
    );
  if (!visible) throw notFound('contact');
  const recipient = (await mergeFieldsOf(ctx.db, ctx.actor.workspaceId, [input.contactId])).get(input.contactId);
  if (!recipient) return samples;
  // A custom field the reader's role hides stays out of the preview, as it does from the contact's record.
  stripRecord(recipient.fields, 'contacts', hiddenFields(ctx.actor, 'contacts'));
  return recipient.fields;
}

/** An unsaved version compiled, refused like a saved one when it does not compile. */
async function compiledDraft(language: TLocale, version: TemplateVersion): Promise<CompiledTemplate> {
  const { compiled, problems } = await compileSafely(version);
  if (!compiled || problems.length > 0) await checkVersions({ [language]: version });
  return compiled as CompiledTemplate;
}

/** The template (or the unsaved `version` given) filled for a contact the actor may read, or with sample values. */
export async function previewTemplate(ctx: Ctx, id: string, input: TTemplatePreviewInput, publicUrl: string): Promise<TTemplatePreview> {
  await mailingPolicy.authorize(ctx.actor, 'read');
  const row = await readTemplate(ctx.db, ctx.actor.workspaceId, id);
  const fields = await previewFields(ctx, input);
  const { language, compiled } = input.version
    ? { language: input.language, compiled: await compiledDraft(input.language, input.version) }
    : await compiledFor(row, input.language);
  return { language, ...personalise(compiled, { ...fields, ...sampleLinks(publicUrl) }) };
}

/** A template not saved yet, its one version filled like a saved template's. */
export async function previewNewTemplate(ctx: Ctx, input: TNewTemplatePreviewInput, publicUrl: string): Promise<TTemplatePreview> {
  await mailingPolicy.authorize(ctx.actor, 'read');
  const fields = await previewFields(ctx, input);
  const compiled = await compiledDraft(input.language, input.version);
  return { language: input.language, ...personalise(compiled, { ...fields, ...sampleLinks(publicUrl) }) };
}

/** Sends one test mail of the template, with sample values, to the actor (or `to`). */
export async function sendTestMail(
  ctx: Ctx,
  id: string,
  input: TTemplateTestInput,
  mail: MailSettings | undefined,
  publicUrl: string,
): Promise<TTemplateTestResult> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  const row = await readTemplate(ctx.db, ctx.actor.workspaceId, id);
  if (!mail) throw new AppError('mail_not_configured', 'No mail server is configured for sending');
  const [me] = await ctx.db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  const to = input.to ?? me?.email;
  if (!to) throw notFound('user');
  const { compiled } = await compiledFor(row, input.language);
  const links = sampleLinks(publicUrl);
  const filled = personalise(compiled, { ...sampleFields(input.language), ...links });
  try {
    const { messageId } = await sendMarketingMail(mail, {
      to: { name: input.to ? '' : (me?.name ?? ''), address: to },
      subject: `[Test] ${filled.subject}`,
      html: filled.html,
      text: filled.text,
      unsubscribeUrl: String(links.unsubscribe_url),
    });
    return { to, messageId };
  } catch (error) {
    throw new AppError('mail_not_configured', `The mail server did not take the mail: ${(error as Error).message}`);
  }
}
