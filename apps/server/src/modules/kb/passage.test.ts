import { describe, expect, it } from 'vitest';
import { lexemesOf, passageOf, wordCutter } from './passage.ts';

/** A passage where the words starting with one of `stems` match (as the database would say for their lexemes). */
const passage = (text: string, stems: string[]) =>
  passageOf(wordCutter(stems)(text), (word) => stems.find((stem) => word.startsWith(stem)));

describe('search passages', () => {
  it('reads the lexemes of a tsquery, quotes and backslashes included', () => {
    expect(lexemesOf(`'damag' & 'deliveri' | 'o''k' <-> 'a\\\\b' & !'x'`)).toEqual(['damag', 'deliveri', "o'k", 'a\\b', 'x']);
    expect(lexemesOf('')).toEqual([]);
  });

  it('asks only about words that begin as a lexeme does, whatever their case or accent', () => {
    const words = wordCutter(['елк', 'citta'])('Ёлка и ель. Città, CITTÀ; cane.');
    expect([...words.candidates.values()]).toEqual(['ёлка', 'ель', 'città', 'città', 'cane']);
    expect(words.starts.length).toBe(6);
  });

  it('marks the matches in a window around the most of them, stretched to 30 words', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const text = `Gypsum first. ${filler} then gypsum boards and gypsum sheets. ${filler}`;
    const html = passage(text, ['gypsum']) as string;
    expect(html).toContain('then <mark>gypsum</mark> boards and <mark>gypsum</mark> sheets.');
    // Two fragments at most, set apart; each of at most 30 words.
    const fragments = html.split(' … ');
    expect(fragments).toHaveLength(2);
    expect(fragments[0]).toMatch(/^<mark>Gypsum<\/mark> first\. w0/);
    expect(fragments[1]).toMatch(/^w\d+ .* then <mark>gypsum<\/mark> boards and <mark>gypsum<\/mark> sheets\. w0 /);
    for (const fragment of fragments) expect(fragment.replace(/<\/?mark>/g, '').match(/[\p{L}\p{N}]+/gu)?.length).toBeLessThanOrEqual(30);
  });

  it('prefers a window holding different query words over one repeating a single word', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const html = passage(`damaged damaged damaged. ${filler} a damaged delivery here. ${filler}`, ['damag', 'deliver']) as string;
    expect(html.split(' … ')[0]).toContain('<mark>damaged</mark> <mark>delivery</mark> here');
  });

  it('shows the opening words when nothing in the text matches, and nothing for a text without words', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(passage(text, ['zzz'])).toBe('one two three four five six seven eight nine ten eleven twelve');
    expect(passage('', ['zzz'])).toBeNull();
    expect(passage(' … ', ['zzz'])).toBeNull();
  });

  it('escapes the text: only the marks are markup', () => {
    const html = passage('Never paste <script>alert(1)</script> near the oven & mind "quotes".', ['oven']) as string;
    expect(html).toBe('Never paste &#60;script&#62;alert(1)&#60;/script&#62; near the <mark>oven</mark> &#38; mind &#34;quotes');
  });
});
