import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();

/**
 * The checks every lazily loaded namespace's three files pass: the messages of en.json in each
 * language, every plural form the language needs (Russian has more than English), no empty
 * message, the same placeholders, and translations that are not copies of English.
 */
export function describeNamespaceParity(namespace: string, files: { en: Tree; ru: Tree; it: Tree }) {
  const locales = { en: flatten(files.en), ru: flatten(files.ru), it: flatten(files.it) };
  const englishBases = [...new Set([...locales.en.keys()].map(base))].sort();
  const pluralBases = new Set([...locales.en.keys()].filter((key) => PLURAL.test(key)).map(base));

  describe(`${namespace} locale files`, () => {
    for (const [name, messages] of Object.entries(locales)) {
      it(`${name}.json has the messages of en.json`, () => {
        expect([...new Set([...messages.keys()].map(base))].sort()).toEqual(englishBases);
      });

      it(`${name}.json has every plural form its language needs`, () => {
        const categories = new Intl.PluralRules(name).resolvedOptions().pluralCategories;
        for (const key of pluralBases) {
          for (const category of categories) expect(messages.get(`${key}_${category}`), `${key}_${category}`).toBeTruthy();
        }
      });

      it(`${name}.json has no empty message and the placeholders of en.json`, () => {
        for (const [key, value] of messages) {
          expect(value.trim(), key).not.toBe('');
          const english = locales.en.get(key) ?? locales.en.get(`${base(key)}_other`) ?? '';
          expect(placeholders(value), key).toEqual(placeholders(english));
        }
      });
    }

    it('translations are real, not copies of English', () => {
      for (const other of [locales.ru, locales.it]) {
        const same = [...locales.en.keys()].filter((key) => other.get(key) === locales.en.get(key));
        expect(same.length).toBeLessThan(locales.en.size / 20);
      }
    });
  });
}
