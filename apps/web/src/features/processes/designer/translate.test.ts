import { describe, expect, it } from 'vitest';
import en from '../../../locales/process-designer/en.json';
import ru from '../../../locales/process-designer/ru.json';
import { translateDiagram } from './translate.ts';

describe('translateDiagram', () => {
  it('translates a known string of the palette', () => {
    expect(translateDiagram(ru.diagram, 'Create start event')).toBe('Создать начальное событие');
  });

  it('fills the placeholders of a translated string', () => {
    expect(translateDiagram(ru.diagram, 'Open {element}', { element: 'A' })).toBe('Открыть A');
  });

  it('keeps an unknown string in English, its placeholders filled', () => {
    expect(translateDiagram(ru.diagram, 'Append {type} here', { type: 'task' })).toBe('Append task here');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(translateDiagram(undefined, 'Open {element}')).toBe('Open {element}');
  });

  it('speaks English with the English dictionary and without any', () => {
    expect(translateDiagram(en.diagram, 'User task')).toBe('User task');
    expect(translateDiagram(undefined, 'User task')).toBe('User task');
  });

  it('has a translation for every string of the palette and the replace menu it lists', () => {
    const missing = Object.keys(en.diagram).filter((key) => !(ru.diagram as Record<string, string>)[key]);
    expect(missing).toEqual([]);
  });
});
