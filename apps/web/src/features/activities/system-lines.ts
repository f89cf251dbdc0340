import type { TAgreementStatus, TSystemEvent } from '@clientela/contract';
import type { TFunction } from 'i18next';
import i18next from 'i18next';

type Change = TSystemEvent['changes'][number];

const names = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(', ') : String(value ?? ''));

function statusName(t: TFunction<'customers'>, value: unknown): string {
  const key = `status.${String(value)}`;
  return i18next.exists(key, { ns: 'customers' }) ? t(key as 'status.new') : String(value ?? '');
}

/** One change of a record, as a line under its system event ("Status: New → Active", "Merged from …"). */
export function changeLine(
  t: TFunction<'relationships'>,
  tCustomers: TFunction<'customers'>,
  change: Change,
  people: Record<string, string> = {},
  /** Whose change: an agreement's status and dates read differently from a customer's. */
  of: { kind: TSystemEvent['record']['type']; date: (iso: string) => string } = { kind: 'company', date: String },
): string | null {
  if (of.kind === 'agreement') return agreementChangeLine(t, change, of.date);
  switch (change.field) {
    case 'status':
      return t('system.status', {
        old: change.old ? statusName(tCustomers, change.old) : t('system.none'),
        new: change.new ? statusName(tCustomers, change.new) : t('system.none'),
      });
    case 'ownerId': {
      const before = typeof change.old === 'string' ? people[change.old] : undefined;
      const after = typeof change.new === 'string' ? people[change.new] : undefined;
      return after ? t('system.ownerNamed', { old: before ?? t('system.none'), new: after }) : t('system.owner');
    }
    case 'groupId':
      return change.new ? t('system.groupJoined') : t('system.groupLeft');
    case 'mergedFrom':
      return change.new ? t('system.mergedFrom', { names: names(change.new) }) : t('system.unmergedFrom', { names: names(change.old) });
    case 'mergedInto':
      return change.new ? t('system.mergedInto', { name: names(change.new) }) : t('system.unmergedInto');
    default:
      return null;
  }
}

/** A change of an agreement worth a line: its status, or the date it binds us until. */
function agreementChangeLine(t: TFunction<'relationships'>, change: Change, date: (iso: string) => string): string | null {
  const day = (value: unknown) => (typeof value === 'string' ? date(value) : t('system.none'));
  switch (change.field) {
    case 'status':
      return t('system.status', {
        old: change.old ? t(`agreementStatus.${change.old as TAgreementStatus}`) : t('system.none'),
        new: change.new ? t(`agreementStatus.${change.new as TAgreementStatus}`) : t('system.none'),
      });
    case 'validUntil':
      return t('system.validUntil', { old: day(change.old), new: day(change.new) });
    default:
      return null;
  }
}

/** The sentence that heads a system event: who did what to which kind of record. */
export function systemSentence(t: TFunction<'relationships'>, event: TSystemEvent): string {
  const actor = event.actor?.name ?? t('system.someone');
  const kind = event.record.type;
  if (kind === 'agreement') {
    return event.action === 'deleted' ? t('system.agreementDeleted', { actor }) : t('system.agreementUpdated', { actor });
  }
  switch (event.action) {
    case 'created':
      return t(`system.created.${kind}`, { actor });
    case 'deleted':
      return t(`system.deleted.${kind}`, { actor });
    default:
      return t(`system.updated.${kind}`, { actor });
  }
}
