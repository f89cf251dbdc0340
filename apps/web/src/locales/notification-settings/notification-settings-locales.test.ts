import { NOTIFICATION_KINDS } from '@clientela/contract';
import { expect, it } from 'vitest';
import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it_ from './it.json';
import ru from './ru.json';

describeNamespaceParity('notification-settings', { en, ru, it: it_ });

it('names every kind of notice', () => {
  expect(Object.keys(en.kinds).sort()).toEqual([...NOTIFICATION_KINDS].sort());
});
