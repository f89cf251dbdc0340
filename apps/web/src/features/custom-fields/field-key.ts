/** Cyrillic letters in latin, as Russian passports write them (simplified); soft and hard signs drop out. */
// biome-ignore format: a table reads best in rows
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};
/** Latin letters that Unicode does not split into a base letter and an accent. */
const LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };

export const KEY_MAX = 40;
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** A text in lower-case latin letters, digits and `_`: Cyrillic transliterated, accents dropped. */
export function slug(text: string): string {
  const latin = [...text.toLowerCase()].map((char) => CYRILLIC[char] ?? LATIN[char] ?? char).join('');
  return (
    latin
      // Accented letters split into letter + accent; the accents then go with the other symbols.
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
  );
}

/**
 * A key suggested from a label: lower-case latin letters, digits and `_`, starting with a letter.
 * "Хлеб" gives "khleb", "Pane preferito" gives "pane_preferito", "Città" gives "citta".
 */
export function suggestKey(label: string): string {
  const plain = slug(label);
  if (plain === '') return '';
  const key = /^[a-z]/.test(plain) ? plain : `f_${plain}`;
  return key.slice(0, KEY_MAX).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3`… whichever is not taken yet. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, KEY_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
