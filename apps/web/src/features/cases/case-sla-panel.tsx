import type { TCaseSla } from '@clientela/contract';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../customers/date-format.ts';
import { slaTargetText } from './sla-text.ts';

type Target = TCaseSla['resolution'];

const STROKE = { danger: '#cf1322', warning: '#fa8c16', success: '#389e0d', secondary: '#8c8c8c' } as const;

/** How much of a target's time is used, 0–100, from its total and the minutes left (full once breached). */
export function usedPercent(target: Target, totalMinutes: number | undefined): number {
  if (target.state === 'met') return 100;
  if (target.state === 'breached' || target.state === 'missed' || (target.minutesLeft ?? 0) < 0) return 100;
  if (!totalMinutes || target.minutesLeft === null) return 0;
  return Math.max(0, Math.min(100, Math.round(((totalMinutes - target.minutesLeft) / totalMinutes) * 100)));
}

function TargetRow({ label, target, total }: { label: string; target: Target; total: number | undefined }) {
  const { t } = useTranslation('cases');
  const format = useFormatters();
  const words = slaTargetText(t, target);
  const percent = usedPercent(target, total);
  return (
    <Flex vertical gap={2} data-testid="sla-target">
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text type={words.tone} strong={words.tone === 'danger'}>
          {words.text}
        </Typography.Text>
      </Flex>
      {target.state !== 'none' && (
        <Progress
          percent={percent}
          showInfo={false}
          size="small"
          strokeColor={STROKE[words.tone ?? 'secondary'] ?? undefined}
          status={target.state === 'running' || target.state === 'warning' ? 'active' : 'normal'}
          aria-label={label}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {target.metAt
          ? t('sla.doneAt', { at: format.dateTime(target.metAt) })
          : target.dueAt
            ? t('sla.dueAt', { at: format.dateTime(target.dueAt) })
            : target.state === 'paused'
              ? t('sla.pausedHint')
              : ''}
        {target.breachedAt && ` · ${t('sla.breachedAt', { at: format.dateTime(target.breachedAt) })}`}
      </Typography.Text>
    </Flex>
  );
}

/** The case's two SLA targets (first response, resolution): due time in the user's zone, time left, and how much is used. */
export function CaseSlaPanel({ sla, totals }: { sla: TCaseSla; totals?: { firstResponse: number; resolution: number } }) {
  const { t } = useTranslation('cases');
  return (
    <Card
      title={t('sla.title')}
      data-testid="sla-panel"
      extra={sla.paused ? <Tag color="purple">{t('sla.pausedTag')}</Tag> : sla.policy ? <Tag>{sla.policy.name}</Tag> : null}
    >
      {sla.policy === null && sla.firstResponse.state === 'none' && sla.resolution.state === 'none' ? (
        <Typography.Text type="secondary">{t('sla.noPolicy')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <TargetRow label={t('sla.firstResponse')} target={sla.firstResponse} total={totals?.firstResponse} />
          <TargetRow label={t('sla.resolution')} target={sla.resolution} total={totals?.resolution} />
        </Flex>
      )}
    </Card>
  );
}
