import type { TLocale } from '@clientela/contract';

/**
 * The contract's LOCALES, repeated here because importing the contract at runtime loads zod,
 * which the login page does not need. The checks below and a unit test keep both lists equal.
 */
export const LOCALES = ['en', 'ru', 'it'] as const satisfies readonly TLocale[];

type Missing = Exclude<TLocale, (typeof LOCALES)[number]>;
const everyLocaleListed: [Missing] extends [never] ? true : Missing = true;
void everyLocaleListed;
