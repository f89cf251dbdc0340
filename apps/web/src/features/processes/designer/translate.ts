import i18next from 'i18next';

type Replacements = Record<string, string | number | undefined>;
type Dictionary = Record<string, unknown>;

/**
 * Translates an English string of bpmn-js, diagram-js or the properties panel through `dictionary`
 * (English text → translation), then fills its `{placeholders}`; a string without a translation stays English.
 */
export function translateDiagram(dictionary: Dictionary | undefined, template: string, replacements: Replacements = {}): string {
  const found = dictionary?.[template];
  const text = typeof found === 'string' && found ? found : template;
  return text.replace(/\{([^}]+)\}/g, (whole, key: string) => {
    const value = replacements[key];
    return value === undefined ? whole : String(value);
  });
}

/** The dictionary of the current language, from the designer's namespace. */
function currentDictionary(): Dictionary | undefined {
  const bundle = i18next.getResourceBundle(i18next.language, 'processDesigner') as { diagram?: Dictionary } | undefined;
  return bundle?.diagram;
}

/** diagram-js's `translate` service, speaking the UI's language. */
export const TranslateModule = {
  translate: ['value', (template: string, replacements?: Replacements) => translateDiagram(currentDictionary(), template, replacements)],
};
