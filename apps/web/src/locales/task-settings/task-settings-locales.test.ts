import { ZTaskReminderRules } from '@clientela/contract';
import { expect, it } from 'vitest';
import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it_ from './it.json';
import ru from './ru.json';

describeNamespaceParity('task-settings', { en, ru, it: it_ });

it('explains every reminder rule', () => {
  expect(Object.keys(en.reminders.rules).sort()).toEqual(Object.keys(ZTaskReminderRules.shape).sort());
});
