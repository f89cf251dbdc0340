import { IMPORT_PREVIEW_ROWS, type TImport, type TValueDecision } from '@clientela/contract';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { usePreview, useRunImport, useSaveMapping } from './api.ts';
import { PreviewTable, SEVERITY_STYLE } from './preview-table.tsx';
import { type UnknownValue, UnknownValues } from './unknown-values.tsx';

const keyOf = (unknown: UnknownValue) => `${unknown.field}\u0000${unknown.value}`;

/** The unknown values seen so far: a decided value may leave the preview's list, but its choice stays on screen. */
function merge(seen: UnknownValue[], current: UnknownValue[]): UnknownValue[] {
  const fresh = current.filter((unknown) => !seen.some((old) => keyOf(old) === keyOf(unknown)));
  return fresh.length > 0 ? [...seen, ...fresh] : seen;
}

type Props = { imp: TImport; onBack: () => void };

/** Step 3: the first rows as they would be imported, decisions about unknown values, then the run. */
export function PreviewStep({ imp, onBack }: Props) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const preview = usePreview(imp.id);
  const save = useSaveMapping(imp.id);
  const run = useRunImport(imp.id);
  const [seen, setSeen] = useState<UnknownValue[]>([]);
  // Values naming records (products, stages, people) had their own step.
  const unknown = merge(
    seen,
    (preview.data?.unknownValues ?? []).filter((value) => !value.link),
  );
  // Remembered during render (React's pattern for state derived from earlier renders).
  if (unknown !== seen) setSeen(unknown);

  const decide = (field: string, value: string, decision: TValueDecision) => {
    const values = { ...imp.mapping.values, [field]: { ...imp.mapping.values[field], [value]: decision } };
    save.mutate({ ...imp.mapping, values });
  };

  return (
    <Flex vertical gap={16}>
      <UnknownValues entity={imp.entity} values={unknown} decisions={imp.mapping.values} saving={save.isPending} onDecide={decide} />
      <Card title={t('preview.title')}>
        <Typography.Paragraph type="secondary">{t('preview.intro', { count: IMPORT_PREVIEW_ROWS })}</Typography.Paragraph>
        <Flex gap={16} wrap style={{ marginBottom: 12, fontSize: 12 }}>
          <span>
            <span style={{ ...SEVERITY_STYLE.error, display: 'inline-block', width: 16, height: 12, marginInlineEnd: 6 }} />
            {t('preview.legendError')}
          </span>
          <span>
            <span style={{ ...SEVERITY_STYLE.warning, display: 'inline-block', width: 16, height: 12, marginInlineEnd: 6 }} />
            {t('preview.legendWarning')}
          </span>
        </Flex>
        <ErrorAlert error={preview.error ?? save.error} />
        <PreviewTable imp={imp} rows={preview.data?.rows ?? []} loading={preview.isFetching} />
      </Card>
      <ErrorAlert error={run.error} />
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Button onClick={onBack}>{t('preview.back')}</Button>
        <Flex align="center" gap={16} wrap justify="flex-end">
          <Typography.Text type="secondary" style={{ maxWidth: 520 }}>
            {t(`preview.runHint.${imp.entity}`, { rows: formatNumber(imp.rowCount, locale) })}
          </Typography.Text>
          <Button type="primary" size="large" loading={run.isPending} disabled={save.isPending} onClick={() => run.mutate()}>
            {t('preview.run')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
