import type { TImport, TImportColumn } from '@clientela/contract';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { useCustomFields } from '../custom-fields/api.ts';
import { usePreview, useSaveMapping } from './api.ts';
import { usePriceFields } from './field-labels.ts';
import { isCustomerEntity, type MappingDraft, mappingBody, nameMissing, refusedColumns } from './mapping.ts';
import { MappingOptions } from './mapping-options.tsx';
import { MappingTable } from './mapping-table.tsx';
import { TemplateBar } from './template-bar.tsx';

/** The form's starting point: the mapping in force, one column per header. */
function draftOf(imp: TImport): MappingDraft {
  return {
    columns: imp.headers.map((_, index) => imp.mapping.columns[index] ?? { field: null }),
    duplicates: imp.mapping.duplicates,
    defaultCountry: imp.mapping.defaultCountry,
    values: imp.mapping.values,
  };
}

type Props = { imp: TImport; onSaved: () => void };

/** Step 2: which field each column fills, what to do with duplicates, the phones' country; saved as the import's mapping. */
export function MappingStep({ imp, onSaved }: Props) {
  const { t } = useTranslation('imports');
  const preview = usePreview(imp.id);
  const customFields = useCustomFields(isCustomerEntity(imp.entity) ? imp.entity : 'company');
  const priceFields = usePriceFields(imp.entity);
  const save = useSaveMapping(imp.id);
  const [draft, setDraft] = useState(() => draftOf(imp));
  const refused = refusedColumns(isApiError(save.error) ? save.error.errors : []);

  const setColumn = (index: number, column: TImportColumn) =>
    setDraft((current) => ({ ...current, columns: current.columns.map((one, i) => (i === index ? column : one)) }));

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('mapping.title')}
        extra={
          <TemplateBar
            entity={imp.entity}
            headers={imp.headers}
            columns={draft.columns}
            values={draft.values}
            onApply={(columns) => setDraft((current) => ({ ...current, columns }))}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('mapping.intro')}</Typography.Paragraph>
        {nameMissing(imp.entity, draft.columns) && (
          <Alert type="warning" showIcon title={t(`mapping.nameMissing.${imp.entity}`)} style={{ marginBottom: 16 }} />
        )}
        <ErrorAlert error={preview.error ?? customFields.error} />
        <MappingTable
          entity={imp.entity}
          headers={imp.headers}
          columns={draft.columns}
          preview={preview.data}
          customFields={isCustomerEntity(imp.entity) ? (customFields.data ?? []) : []}
          listFields={priceFields}
          refused={refused}
          onChange={setColumn}
        />
      </Card>
      <Card title={t('mapping.options')}>
        <MappingOptions
          entity={imp.entity}
          duplicates={draft.duplicates}
          defaultCountry={draft.defaultCountry}
          onDuplicatesChange={(duplicates) => setDraft((current) => ({ ...current, duplicates }))}
          onCountryChange={(defaultCountry) => setDraft((current) => ({ ...current, defaultCountry }))}
        />
      </Card>
      <ErrorAlert error={save.error} />
      <Flex justify="flex-end">
        <Button
          type="primary"
          size="large"
          loading={save.isPending}
          onClick={() => save.mutate(mappingBody(draft), { onSuccess: onSaved })}
        >
          {t('mapping.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
