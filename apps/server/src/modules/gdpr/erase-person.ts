import type { TEraseInput, TErasure } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { normaliseEmail } from '../customers/index.ts';
import { assertMayErase, findPerson } from './person-access.ts';
import { erasureOf } from './person-status.ts';
import { emailHash } from './suppression.ts';

/** The name an erased person is shown under: "Erased person" and the first characters of their id. */
export const ERASED_FIRST_NAME = 'Erased person';

/**
 * Erases a person (GDPR erasure) in one transaction, keeping what the business counts: the contact
 * stays, anonymised in place (names become "Erased person" + a short id; e-mails, phones, address,
 * birthday, preferences, personal events, notes, custom values gone; tags, status, owner kept); their
 * history entries lose old and new values; activities about them alone lose their texts (type, date,
 * outcome stay); their deals, quotes, orders and cases keep amounts and verdicts but lose notes and
 * the person's own words; their portal account goes (or, when posts of theirs must keep an author,
 * is emptied and disabled) with its sessions; mailing rows keep their status without the address;
 * leads from them or with their address are anonymised; every former address is suppressed for
 * mailing. Admins only; the confirmation is the contact's current full name.
 */
export async function erasePerson(ctx: Ctx, contactId: string, input: TEraseInput): Promise<TErasure> {
  assertMayErase(ctx);
  const ws = ctx.actor.workspaceId;
  const erasureId = await ctx.db.transaction(async (tx) => {
    const person = await findPerson(ctx, tx, contactId, true);
    const { rows: before } = await tx.execute(
      sql`SELECT 1 FROM person_erasure WHERE workspace_id = ${ws} AND contact_id = ${contactId} LIMIT 1`,
    );
    if (before.length > 0) throw new AppError('already_erased', 'This person is already erased');
    if (input.confirm.trim() !== (person.name ?? '').trim()) {
      throw new AppError('validation_failed', 'Type the full name of the person to confirm', {
        errors: [{ path: 'confirm', message: 'Does not match the full name of the person' }],
      });
    }
    const shortId = contactId.slice(0, 8);

    // Every address the person was known by, to suppress for mailing.
    const { rows: addressRows } = await tx.execute<{ email: string }>(sql`
      SELECT e ->> 'value' AS email FROM contact c, jsonb_array_elements(c.emails) e WHERE c.workspace_id = ${ws} AND c.id = ${contactId}
      UNION SELECT email FROM portal_user WHERE workspace_id = ${ws} AND contact_id = ${contactId}
      UNION SELECT email FROM mailing_recipient WHERE workspace_id = ${ws} AND contact_id = ${contactId} AND email IS NOT NULL
      UNION SELECT email FROM survey_invitation WHERE workspace_id = ${ws} AND contact_id = ${contactId} AND email IS NOT NULL
      UNION SELECT email FROM lead WHERE workspace_id = ${ws} AND converted_contact_id = ${contactId} AND email IS NOT NULL`);
    const addresses = [...new Set(addressRows.map((r) => normaliseEmail(r.email ?? '')).filter(Boolean))];
    const addressList =
      addresses.length > 0
        ? sql.join(
            addresses.map((a) => sql`${a}`),
            sql`, `,
          )
        : sql`NULL`;

    await tx.execute(sql`UPDATE contact SET first_name = ${ERASED_FIRST_NAME}, last_name = ${shortId}, position = NULL, birthday = NULL,
        preferred_channel = NULL, preferences = NULL, personal_events = NULL, region = NULL, city = NULL, address = NULL,
        phones = '[]', emails = '[]', phone_digits = '', emails_normalised = '', custom = '{}', notes = NULL, language = NULL,
        updated_at = now()
      WHERE workspace_id = ${ws} AND id = ${contactId}`);
    // The history keeps which fields changed, when and by whom, but no value.
    await tx.execute(sql`UPDATE record_change SET changes = (
        SELECT coalesce(jsonb_agg(jsonb_build_object('field', e ->> 'field', 'old', NULL, 'new', NULL)), '[]'::jsonb)
          FROM jsonb_array_elements(changes) e)
      WHERE workspace_id = ${ws} AND entity_type = 'contact' AND entity_id = ${contactId}`);
    // Activities about this person alone (no other contact or company) lose their words; shared ones are about others too.
    await tx.execute(sql`UPDATE activity a SET subject = NULL, body = NULL, place = NULL, participants = NULL, updated_at = now()
      WHERE a.workspace_id = ${ws}
        AND EXISTS (SELECT 1 FROM activity_link l WHERE l.workspace_id = a.workspace_id AND l.activity_id = a.id
                      AND l.entity_type = 'contact' AND l.entity_id = ${contactId})
        AND NOT EXISTS (SELECT 1 FROM activity_link l WHERE l.workspace_id = a.workspace_id AND l.activity_id = a.id
                      AND l.entity_type IN ('contact', 'company') AND l.entity_id <> ${contactId})`);
    await tx.execute(sql`UPDATE consent_event SET detail = NULL WHERE workspace_id = ${ws} AND contact_id = ${contactId}`);
    // Aggregates stay (amounts, stages, counts, verdicts); the notes written about the person go.
    await tx.execute(sql`UPDATE deal SET notes = NULL, lost_note = NULL WHERE workspace_id = ${ws} AND contact_id = ${contactId}`);
    await tx.execute(sql`UPDATE quote SET notes = NULL WHERE workspace_id = ${ws} AND contact_id = ${contactId}`);
    await tx.execute(sql`UPDATE sales_order SET notes = NULL WHERE workspace_id = ${ws} AND contact_id = ${contactId}`);

    const { rows: portalRows } = await tx.execute<{ id: string }>(
      sql`SELECT id FROM portal_user WHERE workspace_id = ${ws} AND contact_id = ${contactId}`,
    );
    const portalUserId = portalRows[0]?.id ?? null;
    const caseIds = sql`SELECT id FROM support_case WHERE workspace_id = ${ws}
      AND (contact_id = ${contactId} OR created_by_portal_user_id = ${portalUserId})`;
    await tx.execute(sql`UPDATE case_message SET body = '', email_to = NULL
      WHERE workspace_id = ${ws} AND kind = 'customer' AND case_id IN (${caseIds})`);
    await tx.execute(sql`UPDATE case_message SET email_to = NULL WHERE workspace_id = ${ws} AND case_id IN (${caseIds})`);
    await tx.execute(sql`UPDATE support_case SET description = NULL, satisfaction_comment = NULL, updated_at = now()
      WHERE workspace_id = ${ws} AND id IN (${caseIds})`);
    if (portalUserId) {
      await tx.execute(sql`DELETE FROM portal_session WHERE workspace_id = ${ws} AND portal_user_id = ${portalUserId}`);
      await tx.execute(sql`DELETE FROM portal_token WHERE workspace_id = ${ws} AND portal_user_id = ${portalUserId}`);
      try {
        await tx.transaction((sp) => sp.execute(sql`DELETE FROM portal_user WHERE workspace_id = ${ws} AND id = ${portalUserId}`));
      } catch {
        // Cases, posts or files of theirs must keep an author: the account stays, empty and disabled.
        await tx.execute(sql`UPDATE portal_user SET email = ${`erased-${portalUserId}@erased.invalid`}, password_hash = NULL,
            status = 'disabled', updated_at = now()
          WHERE workspace_id = ${ws} AND id = ${portalUserId}`);
      }
    }
    await tx.execute(sql`UPDATE mailing_recipient SET email = NULL WHERE workspace_id = ${ws} AND contact_id = ${contactId}`);
    await tx.execute(sql`UPDATE survey_invitation SET email = NULL WHERE workspace_id = ${ws} AND contact_id = ${contactId}`);
    await tx.execute(sql`UPDATE lead SET first_name = ${ERASED_FIRST_NAME}, last_name = ${shortId}, position = NULL, email = NULL,
        phone = NULL, city = NULL, message = NULL, submitted_from = NULL, updated_at = now()
      WHERE workspace_id = ${ws} AND (converted_contact_id = ${contactId} OR lower(btrim(email)) IN (${addressList}))`);
    for (const address of addresses) {
      await tx.execute(sql`INSERT INTO mail_suppression (workspace_id, email_hash, reason)
        VALUES (${ws}, ${emailHash(address)}, 'erased') ON CONFLICT DO NOTHING`);
    }
    const { rows: inserted } = await tx.execute<{
      id: string;
    }>(sql`INSERT INTO person_erasure (workspace_id, contact_id, erased_by_id, reason)
      VALUES (${ws}, ${contactId}, ${ctx.actor.userId}, ${input.reason}) RETURNING id`);
    return inserted[0]?.id as string;
  });
  const erasure = await erasureOf(ctx.db, ws, contactId);
  if (!erasure || erasure.id !== erasureId) throw new AppError('internal_error');
  return erasure;
}
