import { z } from 'zod';
import { ZTaskStatus } from './tasks.ts';

/** Question types of a survey; `refusal` asks why a deal was refused (choices plus a free text). */
export const QUESTION_TYPES = ['nps', 'rating', 'single', 'multiple', 'text', 'refusal'] as const;
export const ZQuestionType = z.enum(QUESTION_TYPES);
export type TQuestionType = z.infer<typeof ZQuestionType>;

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const ZSurveyStatus = z.enum(SURVEY_STATUSES);
export type TSurveyStatus = z.infer<typeof ZSurveyStatus>;

/** A survey text in each language it is offered in (at least one). */
export const ZLocalisedText = z
  .object({
    en: z.string().trim().max(2000).optional(),
    ru: z.string().trim().max(2000).optional(),
    it: z.string().trim().max(2000).optional(),
  })
  .refine((t) => Boolean(t.en || t.ru || t.it), { message: 'Give the text in at least one language' });
export type TLocalisedText = z.infer<typeof ZLocalisedText>;

export const ZSurveyQuestion = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/i),
  type: ZQuestionType,
  text: ZLocalisedText,
  required: z.boolean().default(false),
  /** Choices of `single`, `multiple` and `refusal` questions. */
  options: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9_-]{1,40}$/i), text: ZLocalisedText }))
    .max(30)
    .default([]),
});
export type TSurveyQuestion = z.infer<typeof ZSurveyQuestion>;

const LANGS = ['en', 'ru', 'it'] as const;
type TLang = (typeof LANGS)[number];
const ZRef = z.object({ id: z.uuid(), name: z.string() });

/** The languages a survey is offered in: those its title is written in, in the order en, ru, it. */
export function surveyLanguages(title: TLocalisedText): TLang[] {
  return LANGS.filter((lang) => Boolean(title[lang]));
}

/** Question types answered by choosing among the question's options. */
export const CHOICE_QUESTION_TYPES: readonly TQuestionType[] = ['single', 'multiple', 'refusal'];

/**
 * What is wrong with a survey's questions for the languages its title offers: unique ids, at least
 * two choices where choices are asked, every text in every language, at most one NPS question.
 * Paths are relative to the survey input (`questions.2.text.it`).
 */
export function surveyQuestionProblems(title: TLocalisedText, questions: TSurveyQuestion[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const languages = surveyLanguages(title);
  const ids = new Set<string>();
  let nps = 0;
  questions.forEach((q, i) => {
    if (ids.has(q.id)) problems.push({ path: `questions.${i}.id`, message: 'Another question has this id' });
    ids.add(q.id);
    if (q.type === 'nps' && ++nps > 1) problems.push({ path: `questions.${i}.type`, message: 'A survey has at most one NPS question' });
    for (const lang of languages) {
      if (!q.text[lang]) problems.push({ path: `questions.${i}.text.${lang}`, message: 'Give the text in every language of the survey' });
    }
    if (CHOICE_QUESTION_TYPES.includes(q.type)) {
      if (q.options.length < 2) problems.push({ path: `questions.${i}.options`, message: 'Give at least two choices' });
      const optionIds = new Set<string>();
      q.options.forEach((o, j) => {
        if (optionIds.has(o.id)) problems.push({ path: `questions.${i}.options.${j}.id`, message: 'Another choice has this id' });
        optionIds.add(o.id);
        for (const lang of languages) {
          if (!o.text[lang])
            problems.push({ path: `questions.${i}.options.${j}.text.${lang}`, message: 'Give the text in every language of the survey' });
        }
      });
    } else if (q.options.length > 0) {
      problems.push({ path: `questions.${i}.options`, message: 'This type of question has no choices' });
    }
  });
  questions.forEach((q, i) => {
    if (q.type === 'refusal' && ids.has(`${q.id}_text`)) {
      problems.push({ path: `questions.${i}.id`, message: `Another question's id is ${q.id}_text, the key of this question's free text` });
    }
  });
  return problems;
}

// ---------------------------------------------------------------- builder

const ZSurveyFields = z.strictObject({
  name: z.string().trim().min(1).max(200),
  title: ZLocalisedText,
  intro: ZLocalisedText.nullable().optional(),
  thanks: ZLocalisedText.nullable().optional(),
  questions: z.array(ZSurveyQuestion).max(50),
  /** A mail template of purpose `survey` for the invitation; none: a plain built-in invitation. */
  templateId: z.uuid().nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
});

/** `POST /surveys`: a new draft survey. */
export const ZSurveyInput = ZSurveyFields.extend({ questions: ZSurveyFields.shape.questions.default([]) }).superRefine((input, ctx) => {
  for (const p of surveyQuestionProblems(input.title, input.questions)) {
    ctx.addIssue({ code: 'custom', path: p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), message: p.message });
  }
});
export type TSurveyInput = z.input<typeof ZSurveyInput>;

/**
 * `PATCH /surveys/:id` (no defaults: what is not sent stays): questions change only while the survey is a draft or nobody has answered
 * (else 409 `survey_answered`); the server checks questions against the title it will keep.
 */
export const ZUpdateSurveyInput = ZSurveyFields.partial();
export type TUpdateSurveyInput = z.input<typeof ZUpdateSurveyInput>;

export const ZSurvey = z.object({
  id: z.uuid(),
  name: z.string(),
  status: ZSurveyStatus,
  title: ZLocalisedText,
  intro: ZLocalisedText.nullable(),
  thanks: ZLocalisedText.nullable(),
  questions: z.array(ZSurveyQuestion),
  languages: z.array(z.enum(LANGS)),
  template: ZRef.nullable(),
  campaign: ZRef.nullable(),
  owner: ZRef,
  invited: z.number().int(),
  answered: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TSurvey = z.infer<typeof ZSurvey>;

/** A survey in the list, with its NPS score (−100…100, one decimal; null without an NPS answer). */
export const ZSurveyListItem = ZSurvey.omit({ intro: true, thanks: true, questions: true }).extend({ nps: z.number().nullable() });
export type TSurveyListItem = z.infer<typeof ZSurveyListItem>;

/** `GET /surveys?filter[status]=&q=&limit=&cursor=`, newest first. */
export const ZSurveyListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  'filter[status]': ZSurveyStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TSurveyListQuery = z.input<typeof ZSurveyListQuery>;
export const ZSurveyList = z.object({
  data: z.array(ZSurveyListItem),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type TSurveyList = z.infer<typeof ZSurveyList>;

// ---------------------------------------------------------------- sending

/** `POST /surveys/:id/send`: exactly one of a saved view, a static list, or contacts. */
export const ZSurveySendInput = z
  .strictObject({
    viewId: z.uuid().optional(),
    listId: z.uuid().optional(),
    contactIds: z.array(z.uuid()).min(1).max(1000).optional(),
  })
  .refine((i) => [i.viewId, i.listId, i.contactIds].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of viewId, listId, contactIds',
    path: ['viewId'],
  });
export type TSurveySendInput = z.infer<typeof ZSurveySendInput>;

/** What sending did: new invitations, contacts invited before, and those left out (consent withdrawn or address bounced). */
export const ZSurveySendResult = z.object({
  invited: z.number().int(),
  alreadyInvited: z.number().int(),
  skipped: z.number().int(),
});
export type TSurveySendResult = z.infer<typeof ZSurveySendResult>;

/** `POST /surveys/:id/link`: one contact's personal link, made without e-mailing it. */
export const ZSurveyLinkInput = z.strictObject({ contactId: z.uuid() });
export const ZSurveyLink = z.object({ token: z.uuid(), url: z.string(), language: z.enum(LANGS) });
export type TSurveyLink = z.infer<typeof ZSurveyLink>;

// ---------------------------------------------------------------- public answer API

/** `GET|POST /public/surveys/:token` (no sign-in). */
/** An unknown or malformed token answers 404 alike. */
export const ZPublicSurveyParams = z.strictObject({ token: z.string().max(100) });
export const ZPublicSurveyQuery = z.strictObject({ lang: z.enum(LANGS).optional() });

export const ZPublicSurveyQuestion = z.object({
  id: z.string(),
  type: ZQuestionType,
  text: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type TPublicSurveyQuestion = z.infer<typeof ZPublicSurveyQuestion>;

/** A survey as its respondent sees it, in one language; 404 `not_found` for an unknown link, 410 `survey_closed`. */
export const ZPublicSurvey = z.object({
  language: z.enum(LANGS),
  languages: z.array(z.enum(LANGS)),
  title: z.string(),
  intro: z.string().nullable(),
  thanks: z.string().nullable(),
  questions: z.array(ZPublicSurveyQuestion),
  answered: z.boolean(),
  workspace: z.object({ name: z.string(), hasLogo: z.boolean() }),
});
export type TPublicSurvey = z.infer<typeof ZPublicSurvey>;

/** One answer: an NPS 0–10 or rating 1–5 number, a choice id (`single`), choice ids (`multiple`, `refusal`), or text. */
export const ZSurveyAnswerValue = z.union([z.number(), z.string(), z.array(z.string())]);
export type TSurveyAnswerValue = z.infer<typeof ZSurveyAnswerValue>;

/**
 * `POST /public/surveys/:token`: the answers by question id; a `refusal` question's free text goes
 * under `<questionId>_text`. Wrong answers come back as `answers.<questionId>`; a second answer 409 `already_answered`.
 */
export const ZPublicSurveyAnswerInput = z.strictObject({
  answers: z.record(z.string().max(60), ZSurveyAnswerValue),
  language: z.enum(LANGS),
});
export type TPublicSurveyAnswerInput = z.infer<typeof ZPublicSurveyAnswerInput>;
export const ZPublicSurveyAnswerResult = z.object({ thanks: z.string().nullable() });

// ---------------------------------------------------------------- results

/** `GET /surveys/:id/results?viewId=|listId=`: only respondents in that segment. */
export const ZSurveyResultsQuery = z.strictObject({ viewId: z.uuid().optional(), listId: z.uuid().optional() });
export type TSurveyResultsQuery = z.infer<typeof ZSurveyResultsQuery>;

/** Net Promoter Score: promoters 9–10, passives 7–8, detractors 0–6; score = %promoters − %detractors, one decimal. */
export const ZNpsSummary = z.object({
  score: z.number(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  total: z.number().int(),
});
export type TNpsSummary = z.infer<typeof ZNpsSummary>;

/** Customer satisfaction of rating (1–5) answers: share of 4 and 5 in percent (one decimal) and the average (two decimals). */
export const ZCsatSummary = z.object({ share: z.number(), average: z.number(), total: z.number().int() });
export type TCsatSummary = z.infer<typeof ZCsatSummary>;

export const ZSurveyTextAnswer = z.object({
  contact: ZRef.nullable(),
  text: z.string(),
  submittedAt: z.iso.datetime(),
});
export type TSurveyTextAnswer = z.infer<typeof ZSurveyTextAnswer>;
export const ZSurveyTextAnswerList = z.object({ data: z.array(ZSurveyTextAnswer), nextCursor: z.string().nullable() });
export type TSurveyTextAnswerList = z.infer<typeof ZSurveyTextAnswerList>;

/** `GET /surveys/:id/results/:questionId/texts?viewId=|listId=&limit=&cursor=`: text answers, newest first. */
export const ZSurveyTextAnswersQuery = z.strictObject({
  viewId: z.uuid().optional(),
  listId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().max(500).optional(),
});
export type TSurveyTextAnswersQuery = z.input<typeof ZSurveyTextAnswersQuery>;

export const ZSurveyQuestionResult = z.object({
  id: z.string(),
  type: ZQuestionType,
  text: ZLocalisedText,
  /** How many responses answer this question. */
  answered: z.number().int(),
  /** Counts per value (NPS 0–10, rating 1–5) or per choice id, every value listed (zeros too). */
  distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
  nps: ZNpsSummary.nullable(),
  csat: ZCsatSummary.nullable(),
  /** The first page of text answers (`text` questions, and the free text of `refusal` ones). */
  texts: ZSurveyTextAnswerList.nullable(),
});
export type TSurveyQuestionResult = z.infer<typeof ZSurveyQuestionResult>;

export const ZSurveyResults = z.object({
  invited: z.number().int(),
  answered: z.number().int(),
  /** Answered ÷ invited in percent, one decimal (0 when nobody was invited). */
  responseRate: z.number(),
  nps: ZNpsSummary.nullable(),
  /** Over every rating question together; null without rating answers. */
  csat: ZCsatSummary.nullable(),
  questions: z.array(ZSurveyQuestionResult),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;

// ---------------------------------------------------------------- call lists

export const CALL_LIST_TARGETS = ['detractors', 'non_responders', 'both'] as const;
export const ZCallListTarget = z.enum(CALL_LIST_TARGETS);
export type TCallListTarget = z.infer<typeof ZCallListTarget>;

/** `POST /surveys/:id/call-list`: a task per detractor (NPS 0–6) and/or non-responder not yet given one. */
export const ZCallListInput = z.strictObject({
  who: ZCallListTarget,
  assigneeId: z.uuid().optional(),
  dueOn: z.iso.date().optional(),
});
export type TCallListInput = z.infer<typeof ZCallListInput>;
export const ZCallListResult = z.object({ created: z.number().int() });
export type TCallListResult = z.infer<typeof ZCallListResult>;

/** `GET /surveys/:id/call-list`: the survey's call tasks with their status. */
export const ZCallListItem = z.object({
  contact: ZRef,
  nps: z.number().int().nullable(),
  answered: z.boolean(),
  task: z.object({
    id: z.uuid(),
    title: z.string(),
    status: ZTaskStatus,
    assignee: ZRef.nullable(),
    dueOn: z.string().nullable(),
  }),
});
export type TCallListItem = z.infer<typeof ZCallListItem>;
export const ZCallList = z.object({ data: z.array(ZCallListItem) });
export type TCallList = z.infer<typeof ZCallList>;
