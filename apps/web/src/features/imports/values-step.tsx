import type { TImport, TValueDecision } from '@clientela/contract';
import { Alert, Button, Card, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePreview, useSaveMapping } from './api.ts';
import { UnknownValues } from './unknown-values.tsx';

type Props = { imp: TImport; onBack: () => void; onNext: () => void };

/**
 * The values step: names in link columns that match no record ("GTXPro", a stage "Prospecting",
 * an agent not found), each with its rows and the closest records to choose from, or none.
 * Decisions are saved with the mapping (and the template of these headers, for the next file).
 */
export function ValuesStep({ imp, onBack, onNext }: Props) {
  const { t } = useTranslation('imports');
  const preview = usePreview(imp.id);
  const save = useSaveMapping(imp.id);
  const values = (preview.data?.unknownValues ?? []).filter((value) => value.link);
  const decisions = imp.mapping.values;
  const suggested = values.filter((value) => value.suggestion && !decisions[value.field]?.[value.value]);

  const withDecisions = (list: { field: string; value: string; decision: TValueDecision }[]) => {
    const next = { ...decisions };
    for (const { field, value, decision } of list) next[field] = { ...next[field], [value]: decision };
    save.mutate({ ...imp.mapping, values: next });
  };

  return (
    <Flex vertical gap={16}>
      <ErrorAlert error={preview.error ?? save.error} />
      {preview.isPending ? (
        <Card>
          <Spin description={t('values.loading')}>
            <div style={{ minHeight: 80 }} />
          </Spin>
        </Card>
      ) : values.length === 0 ? (
        <Alert type="success" showIcon title={t('values.allFound')} />
      ) : (
        <>
          {suggested.length > 0 && (
            <Flex justify="flex-end">
              <Button
                disabled={save.isPending}
                onClick={() =>
                  withDecisions(
                    suggested.map((value) => ({
                      field: value.field,
                      value: value.value,
                      decision: { action: 'use', value: value.suggestion as string },
                    })),
                  )
                }
              >
                {t('values.useSuggestions', { count: suggested.length })}
              </Button>
            </Flex>
          )}
          <UnknownValues
            link
            entity={imp.entity}
            values={values}
            decisions={decisions}
            saving={save.isPending}
            onDecide={(field, value, decision) => withDecisions([{ field, value, decision }])}
          />
        </>
      )}
      <Flex justify="space-between" gap={16} wrap>
        <Button onClick={onBack}>{t('preview.back')}</Button>
        <Button type="primary" size="large" disabled={save.isPending} onClick={onNext}>
          {t('values.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
