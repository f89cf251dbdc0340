import type { TCaseSla } from '@clientela/contract';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import en from '../../locales/cases/en.json';
import it_ from '../../locales/cases/it.json';
import ru from '../../locales/cases/ru.json';
import { slaSummary, slaTargetText } from './sla-text.ts';
import { RUNNING_SLA } from './test-cases.ts';

type Target = TCaseSla['resolution'];
const target = (state: Target['state'], minutesLeft: number | null): Target => ({
  dueAt: null,
  metAt: null,
  minutesLeft,
  state,
  breachedAt: null,
});

beforeAll(async () => {
  await initI18n('en');
  i18n.addResourceBundle('en', 'cases', en, true, true);
  i18n.addResourceBundle('ru', 'cases', ru, true, true);
  i18n.addResourceBundle('it', 'cases', it_, true, true);
});

const words = (language: 'en' | 'ru' | 'it', one: Target) => slaTargetText(i18n.getFixedT(language, 'cases'), one);

describe('SLA time left in words', () => {
  it('says how long is left, paused or overdue in English, with the tone that colours it', () => {
    expect(words('en', target('running', 135))).toEqual({ text: '2 h 15 min left', tone: undefined });
    expect(words('en', target('warning', 45))).toEqual({ text: '45 min left', tone: 'warning' });
    expect(words('en', target('paused', 180))).toEqual({ text: 'Paused, 3 h left', tone: 'secondary' });
    expect(words('en', target('breached', -60))).toEqual({ text: 'Overdue by 1 h', tone: 'danger' });
    expect(words('en', target('met', null))).toEqual({ text: 'Met', tone: 'success' });
    expect(words('en', target('missed', null))).toEqual({ text: 'Met late', tone: 'danger' });
    expect(words('en', target('none', null)).text).toBe('No SLA');
  });

  it('says the same in Russian', () => {
    expect(words('ru', target('running', 135)).text).toBe('Осталось 2 ч 15 мин');
    expect(words('ru', target('paused', 180)).text).toBe('На паузе, осталось 3 ч');
    expect(words('ru', target('breached', -61)).text).toBe('Просрочено на 1 ч 1 мин');
  });

  it('says the same in Italian, with its plurals', () => {
    expect(words('it', target('running', 135)).text).toBe('Mancano 2 ore e 15 minuti');
    expect(words('it', target('running', 61)).text).toBe('Mancano 1 ora e 1 minuto');
    expect(words('it', target('breached', -60)).text).toBe('In ritardo di 1 ora');
  });

  it('watches the first reply while it is awaited, then the resolution', () => {
    const t = i18n.getFixedT('en', 'cases');
    expect(slaSummary(t, RUNNING_SLA)).toMatchObject({ text: 'Reply: 2 h 15 min left', which: 'firstResponse' });
    const replied: TCaseSla = {
      ...RUNNING_SLA,
      firstResponse: { ...RUNNING_SLA.firstResponse, state: 'met', metAt: '2026-12-07T10:00:00.000Z', minutesLeft: null },
    };
    expect(slaSummary(t, replied)).toMatchObject({ text: '10 h left', which: 'resolution' });
  });
});
