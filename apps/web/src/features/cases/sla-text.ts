import type { TCaseSla } from '@clientela/contract';
import type { TFunction } from 'i18next';

type Target = TCaseSla['resolution'];

/** How a target reads at a glance: the tone colours it (danger red, warning orange). */
export type SlaWords = { text: string; tone: 'danger' | 'warning' | 'success' | 'secondary' | undefined };

/** "2 h 15 min", "45 min", "3 h" from working minutes, in the user's language. */
export function durationText(t: TFunction<'cases'>, minutes: number): string {
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t('sla.minutes', { count: rest });
  if (rest === 0) return t('sla.hours', { count: hours });
  return t('sla.hoursMinutes', { hours: t('sla.hours', { count: hours }), minutes: t('sla.minutes', { count: rest }) });
}

/** One SLA target in words: "2 h 15 min left", "paused", "overdue 1 h", "met", "met late". */
export function slaTargetText(t: TFunction<'cases'>, target: Target): SlaWords {
  switch (target.state) {
    case 'none':
      return { text: t('sla.none'), tone: 'secondary' };
    case 'paused':
      return {
        text: target.minutesLeft === null ? t('sla.paused') : t('sla.pausedLeft', { left: durationText(t, target.minutesLeft) }),
        tone: 'secondary',
      };
    case 'met':
      return { text: t('sla.met'), tone: 'success' };
    case 'missed':
      return { text: t('sla.missed'), tone: 'danger' };
    case 'breached':
      return { text: t('sla.overdue', { time: durationText(t, target.minutesLeft ?? 0) }), tone: 'danger' };
    default: {
      const left = target.minutesLeft ?? 0;
      if (left < 0) return { text: t('sla.overdue', { time: durationText(t, left) }), tone: 'danger' };
      return { text: t('sla.left', { time: durationText(t, left) }), tone: target.state === 'warning' ? 'warning' : undefined };
    }
  }
}

/** Whether the first response is still awaited (so that its clock is the one to watch). */
export function firstResponsePending(sla: TCaseSla): boolean {
  return ['running', 'warning', 'breached', 'paused'].includes(sla.firstResponse.state) && sla.firstResponse.metAt === null;
}

/** What a list row shows: the first reply's time while it is awaited, else the resolution's. */
export function slaSummary(t: TFunction<'cases'>, sla: TCaseSla): SlaWords & { which: 'firstResponse' | 'resolution' } {
  if (firstResponsePending(sla)) {
    const words = slaTargetText(t, sla.firstResponse);
    return { ...words, text: t('sla.firstReplyIn', { text: words.text }), which: 'firstResponse' };
  }
  return { ...slaTargetText(t, sla.resolution), which: 'resolution' };
}
