import {
  surveyLanguages,
  type TPublicSurvey,
  type TPublicSurveyAnswerInput,
  type TSurveyAnswerValue,
  type TSurveyQuestion,
} from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { inLanguage, invalid, type Language } from './survey-rows.ts';
import { surveyInvitations, surveyResponses, surveys } from './surveys.table.ts';

const TEXT_MAX = 4000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The invitation of a token with its survey; an unknown link, a draft or deleted survey answer 404, a closed one 410. */
async function invitationOf(db: Executor, token: string, lock = false) {
  if (!UUID.test(token)) throw notFound('survey');
  const query = db
    .select({ invitation: surveyInvitations, survey: surveys })
    .from(surveyInvitations)
    .innerJoin(surveys, and(eq(surveys.workspaceId, surveyInvitations.workspaceId), eq(surveys.id, surveyInvitations.surveyId)))
    .where(eq(surveyInvitations.token, token));
  const [row] = lock ? await query.for('update', { of: surveyInvitations }) : await query;
  if (!row || row.survey.deletedAt || row.survey.status === 'draft') throw notFound('survey');
  if (row.survey.status === 'closed') throw new AppError('survey_closed', 'The survey is closed and takes no more answers');
  return row;
}

/** The survey behind a personal link, in the invitation's language or the one asked for among the survey's. */
export async function getPublicSurvey(db: Database, token: string, lang: Language | undefined): Promise<TPublicSurvey> {
  const { invitation, survey } = await invitationOf(db, token);
  const languages = surveyLanguages(survey.title);
  const language =
    lang && languages.includes(lang) ? lang : languages.includes(invitation.language) ? invitation.language : (languages[0] ?? 'en');
  const [workspace] = await db
    .select({ name: workspaces.name, hasLogo: sql<boolean>`${workspaces.logo} IS NOT NULL` })
    .from(workspaces)
    .where(eq(workspaces.id, survey.workspaceId));
  return {
    language,
    languages,
    title: inLanguage(survey.title, language),
    intro: survey.intro ? inLanguage(survey.intro, language) || null : null,
    thanks: survey.thanks ? inLanguage(survey.thanks, language) || null : null,
    questions: survey.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: inLanguage(q.text, language),
      required: q.required,
      options: q.options.map((o) => ({ id: o.id, text: inLanguage(o.text, language) })),
    })),
    answered: invitation.answeredAt !== null,
    workspace: { name: workspace?.name ?? '', hasLogo: workspace?.hasLogo ?? false },
  };
}

type Answers = Record<string, number | string | string[]>;

const isBlank = (value: TSurveyAnswerValue | undefined) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** One question's answer checked and cleaned, or the reason it is wrong. */
function checkAnswer(q: TSurveyQuestion, value: TSurveyAnswerValue): { value: number | string | string[] } | { error: string } {
  const optionIds = new Set(q.options.map((o) => o.id));
  switch (q.type) {
    case 'nps':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10
        ? { value }
        : { error: 'Give a whole number from 0 to 10' };
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? { value }
        : { error: 'Give a whole number from 1 to 5' };
    case 'single':
      return typeof value === 'string' && optionIds.has(value) ? { value } : { error: 'Choose one of the choices' };
    case 'multiple':
    case 'refusal': {
      if (!Array.isArray(value) || value.some((id) => !optionIds.has(id))) return { error: 'Choose among the choices' };
      return { value: [...new Set(value)] };
    }
    case 'text':
      if (typeof value !== 'string') return { error: 'Write the answer as text' };
      return value.trim().length > TEXT_MAX ? { error: `Write at most ${TEXT_MAX} characters` } : { value: value.trim() };
  }
}

/** The answers checked against the questions: required ones given, values in range, choices that exist, no strangers. */
export function checkAnswers(
  questions: TSurveyQuestion[],
  answers: Record<string, TSurveyAnswerValue>,
): { answers: Answers; nps: number | null } {
  const errors: FieldError[] = [];
  const clean: Answers = {};
  let nps: number | null = null;
  const known = new Set<string>();
  for (const q of questions) {
    known.add(q.id);
    const value = answers[q.id];
    let given = !isBlank(value);
    if (given && value !== undefined) {
      const checked = checkAnswer(q, value);
      if ('error' in checked) errors.push({ path: `answers.${q.id}`, message: checked.error });
      else {
        clean[q.id] = checked.value;
        if (q.type === 'nps') nps = checked.value as number;
      }
    }
    if (q.type === 'refusal') {
      const key = `${q.id}_text`;
      known.add(key);
      const text = answers[key];
      if (!isBlank(text)) {
        if (typeof text !== 'string') errors.push({ path: `answers.${key}`, message: 'Write the answer as text' });
        else if (text.trim().length > TEXT_MAX) errors.push({ path: `answers.${key}`, message: `Write at most ${TEXT_MAX} characters` });
        else clean[key] = text.trim();
        given = true;
      }
    }
    if (!given && q.required) errors.push({ path: `answers.${q.id}`, message: 'Answer this question' });
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) errors.push({ path: `answers.${key}`, message: 'The survey has no such question' });
  }
  if (errors.length > 0) throw invalid('Some answers are missing or not valid', errors);
  return { answers: clean, nps };
}

/** Saves the one answer of an invitation (a second one is 409 `already_answered`) and marks it answered. */
export async function answerPublicSurvey(db: Database, token: string, input: TPublicSurveyAnswerInput): Promise<{ thanks: string | null }> {
  return db.transaction(async (tx) => {
    const { invitation, survey } = await invitationOf(tx, token, true);
    if (invitation.answeredAt) throw new AppError('already_answered', 'This survey has already been answered');
    const languages = surveyLanguages(survey.title);
    if (!languages.includes(input.language)) {
      throw invalid('The survey is not offered in that language', [{ path: 'language', message: `Choose one of ${languages.join(', ')}` }]);
    }
    const { answers, nps } = checkAnswers(survey.questions, input.answers);
    await tx.insert(surveyResponses).values({
      workspaceId: invitation.workspaceId,
      surveyId: invitation.surveyId,
      contactId: invitation.contactId,
      language: input.language,
      answers,
      nps,
    });
    await tx
      .update(surveyInvitations)
      .set({ answeredAt: sql`now()` })
      .where(
        and(
          eq(surveyInvitations.workspaceId, invitation.workspaceId),
          eq(surveyInvitations.surveyId, invitation.surveyId),
          eq(surveyInvitations.contactId, invitation.contactId),
        ),
      );
    return { thanks: survey.thanks ? inLanguage(survey.thanks, input.language) || null : null };
  });
}
