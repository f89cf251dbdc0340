import { describe, expect, it } from 'vitest';
import { MAIL_MESSAGES } from '../mail-text.ts';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('mail locale files', () => {
  const english = new Map(flatten(MAIL_MESSAGES.en));
  for (const [locale, messages] of Object.entries(MAIL_MESSAGES)) {
    it(`${locale}.json has the messages and placeholders of en.json, none empty`, () => {
      const own = new Map(flatten(messages));
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
      }
      if (locale !== 'en') expect([...own].filter(([key, text]) => english.get(key) === text)).toEqual([]);
    });
  }
});
