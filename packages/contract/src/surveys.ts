import { z } from 'zod';

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
