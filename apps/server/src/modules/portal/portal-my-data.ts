import type { TPortalMyData } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { PortalActor } from './portal-session.ts';

type Rows<T> = Promise<{ rows: T[] }>;
const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/**
 * Everything the workspace keeps about the signed-in customer (GDPR access): their contact,
 * companies, consent and its events, their cases with replies and their own messages (never
 * internal notes, nor what another customer wrote), survey answers, ideas, votes, comments,
 * community questions and answers, and their portal account (never a password hash).
 */
export async function portalMyData(db: Database, actor: PortalActor): Promise<TPortalMyData> {
  const { workspaceId: ws, contactId, portalUserId } = actor;
  const [
    contact,
    account,
    workspace,
    companyRows,
    consentRows,
    caseRows,
    messageRows,
    surveyRows,
    ideaRows,
    voteRows,
    commentRows,
    questionRows,
    answerRows,
  ] = await Promise.all([
    db.execute(sql`SELECT first_name, last_name, position, birthday::text AS birthday, preferred_channel, language, city, region, address,
                            phones, emails, created_at, updated_at, marketing_consent, consent_at, consent_source
                       FROM contact WHERE workspace_id = ${ws} AND id = ${contactId}`) as Rows<{
      first_name: string;
      last_name: string;
      position: string | null;
      birthday: string | null;
      preferred_channel: string | null;
      language: string | null;
      city: string | null;
      region: string | null;
      address: string | null;
      phones: { label: string; value: string }[];
      emails: { label: string; value: string }[];
      created_at: Date;
      updated_at: Date;
      marketing_consent: string | null;
      consent_at: Date | null;
      consent_source: string | null;
    }>,
    db.execute(sql`SELECT email, status, language, invited_at, activated_at, last_login_at
                       FROM portal_user WHERE workspace_id = ${ws} AND id = ${portalUserId}`) as Rows<{
      email: string;
      status: 'invited' | 'active' | 'disabled';
      language: 'en' | 'ru' | 'it';
      invited_at: Date;
      activated_at: Date | null;
      last_login_at: Date | null;
    }>,
    db.execute(sql`SELECT name FROM workspace WHERE id = ${ws}`) as Rows<{ name: string }>,
    db.execute(sql`SELECT co.name, cc.role FROM contact_company cc
                       JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
                      WHERE cc.workspace_id = ${ws} AND cc.contact_id = ${contactId} AND co.deleted_at IS NULL
                      ORDER BY co.name`) as Rows<{ name: string; role: string }>,
    db.execute(sql`SELECT state, source, at FROM consent_event WHERE workspace_id = ${ws} AND contact_id = ${contactId}
                      ORDER BY at, id`) as Rows<{ state: string; source: string; at: Date }>,
    db.execute(sql`SELECT id, number, subject, description, status, created_at, resolution, satisfaction, satisfaction_comment
                       FROM support_case
                      WHERE workspace_id = ${ws} AND deleted_at IS NULL
                        AND (contact_id = ${contactId} OR created_by_portal_user_id = ${portalUserId})
                      ORDER BY created_at, id`) as Rows<{
      id: string;
      number: string;
      subject: string;
      description: string | null;
      status: string;
      created_at: Date;
      resolution: string | null;
      satisfaction: number | null;
      satisfaction_comment: string | null;
    }>,
    // Replies to the customer and the customer's own words; internal notes and other customers' messages stay out.
    db.execute(sql`SELECT m.case_id, m.kind, m.body, m.created_at FROM case_message m
                       JOIN support_case s ON s.workspace_id = m.workspace_id AND s.id = m.case_id
                      WHERE m.workspace_id = ${ws} AND s.deleted_at IS NULL
                        AND (s.contact_id = ${contactId} OR s.created_by_portal_user_id = ${portalUserId})
                        AND (m.kind = 'reply' OR (m.kind = 'customer' AND (m.portal_user_id IS NULL OR m.portal_user_id = ${portalUserId})))
                      ORDER BY m.created_at, m.id`) as Rows<{ case_id: string; kind: string; body: string; created_at: Date }>,
    db.execute(sql`SELECT s.name, s.title, r.language, r.answers, r.submitted_at FROM survey_response r
                       JOIN survey s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
                      WHERE r.workspace_id = ${ws} AND r.contact_id = ${contactId}
                      ORDER BY r.submitted_at`) as Rows<{
      name: string;
      title: Record<string, string | undefined>;
      language: string;
      answers: Record<string, unknown>;
      submitted_at: Date;
    }>,
    db.execute(sql`SELECT title, body, status, created_at FROM idea
                      WHERE workspace_id = ${ws} AND author_portal_user_id = ${portalUserId} ORDER BY created_at, id`) as Rows<{
      title: string;
      body: string | null;
      status: string;
      created_at: Date;
    }>,
    db.execute(sql`SELECT i.title, v.created_at FROM idea_vote v JOIN idea i ON i.workspace_id = v.workspace_id AND i.id = v.idea_id
                      WHERE v.workspace_id = ${ws} AND v.portal_user_id = ${portalUserId} ORDER BY v.created_at`) as Rows<{
      title: string;
      created_at: Date;
    }>,
    db.execute(sql`SELECT i.title, c.body, c.created_at FROM idea_comment c JOIN idea i ON i.workspace_id = c.workspace_id AND i.id = c.idea_id
                      WHERE c.workspace_id = ${ws} AND c.author_portal_user_id = ${portalUserId} ORDER BY c.created_at, c.id`) as Rows<{
      title: string;
      body: string;
      created_at: Date;
    }>,
    db.execute(sql`SELECT title, body, created_at FROM community_question
                      WHERE workspace_id = ${ws} AND author_portal_user_id = ${portalUserId} ORDER BY created_at, id`) as Rows<{
      title: string;
      body: string | null;
      created_at: Date;
    }>,
    db.execute(sql`SELECT q.title, a.body, a.created_at FROM community_answer a
                       JOIN community_question q ON q.workspace_id = a.workspace_id AND q.id = a.question_id
                      WHERE a.workspace_id = ${ws} AND a.author_portal_user_id = ${portalUserId} ORDER BY a.created_at, a.id`) as Rows<{
      title: string;
      body: string;
      created_at: Date;
    }>,
  ]);
  const person = contact.rows[0];
  const portal = account.rows[0];
  if (!person || !portal) throw new AppError('unauthenticated', 'Sign in to the portal to continue');
  const messagesOf = new Map<string, TPortalMyData['cases'][number]['messages']>();
  for (const message of messageRows.rows) {
    const list = messagesOf.get(message.case_id) ?? [];
    list.push({ from: message.kind === 'customer' ? 'customer' : 'staff', body: message.body, at: iso(message.created_at) });
    messagesOf.set(message.case_id, list);
  }
  return {
    exportedAt: new Date().toISOString(),
    workspace: { name: workspace.rows[0]?.name ?? '' },
    contact: {
      firstName: person.first_name,
      lastName: person.last_name,
      position: person.position,
      birthday: person.birthday,
      preferredChannel: person.preferred_channel,
      language: person.language,
      city: person.city,
      region: person.region,
      address: person.address,
      phones: person.phones,
      emails: person.emails,
      createdAt: iso(person.created_at),
      updatedAt: iso(person.updated_at),
    },
    companies: companyRows.rows,
    consent: { marketing: person.marketing_consent, at: isoOrNull(person.consent_at), source: person.consent_source },
    consentEvents: consentRows.rows.map((row) => ({ state: row.state, source: row.source, at: iso(row.at) })),
    portalAccount: {
      email: portal.email,
      status: portal.status,
      language: portal.language,
      invitedAt: iso(portal.invited_at),
      activatedAt: isoOrNull(portal.activated_at),
      lastLoginAt: isoOrNull(portal.last_login_at),
    },
    cases: caseRows.rows.map((row) => ({
      number: row.number,
      subject: row.subject,
      description: row.description,
      status: row.status,
      createdAt: iso(row.created_at),
      resolution: row.resolution,
      satisfaction: row.satisfaction,
      satisfactionComment: row.satisfaction_comment,
      messages: messagesOf.get(row.id) ?? [],
    })),
    surveyResponses: surveyRows.rows.map((row) => ({
      survey: row.title[row.language] ?? row.title.en ?? row.name,
      answers: row.answers,
      submittedAt: iso(row.submitted_at),
    })),
    ideas: ideaRows.rows.map((row) => ({ title: row.title, body: row.body, status: row.status, createdAt: iso(row.created_at) })),
    ideaVotes: voteRows.rows.map((row) => ({ idea: row.title, at: iso(row.created_at) })),
    ideaComments: commentRows.rows.map((row) => ({ idea: row.title, body: row.body, at: iso(row.created_at) })),
    communityQuestions: questionRows.rows.map((row) => ({ title: row.title, body: row.body, createdAt: iso(row.created_at) })),
    communityAnswers: answerRows.rows.map((row) => ({ question: row.title, body: row.body, createdAt: iso(row.created_at) })),
  };
}
