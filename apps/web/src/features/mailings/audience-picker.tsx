import type { TRecordEntity } from '@clientela/contract';
import { Flex, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLists } from '../lists/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useViews } from '../views/api.ts';

/** Who a mailing or the birthday automation reaches: a saved view's records, or a static list's members. */
export type Audience = { entity: TRecordEntity; kind: 'view' | 'list'; id: string | null };

type Props = { value: Audience; onChange: (value: Audience) => void; entities?: TRecordEntity[]; allowClear?: boolean };

/** Chooses contacts or companies, then one of their saved views or static lists. */
export function AudiencePicker({ value, onChange, entities = ['contact', 'company'], allowClear = false }: Props) {
  const { t } = useTranslation('mailings');
  const { locale } = useLocale();
  const views = useViews(value.entity, value.kind === 'view');
  const lists = useLists(value.entity, value.kind === 'list');
  const options =
    value.kind === 'view'
      ? (views.data ?? []).map((view) => ({ value: view.id, label: view.name }))
      : (lists.data ?? []).map((list) => ({
          value: list.id,
          label: t('audience.listOption', { name: list.name, count: list.memberCount, number: formatNumber(list.memberCount, locale) }),
        }));
  return (
    <Flex vertical gap={8}>
      <Flex gap={16} wrap>
        {entities.length > 1 && (
          <Radio.Group
            aria-label={t('audience.entity')}
            value={value.entity}
            onChange={(event) => onChange({ ...value, entity: event.target.value, id: null })}
            options={entities.map((entity) => ({ value: entity, label: t(`audience.entities.${entity}`) }))}
            optionType="button"
          />
        )}
        <Radio.Group
          aria-label={t('audience.kind')}
          value={value.kind}
          onChange={(event) => onChange({ ...value, kind: event.target.value, id: null })}
          options={[
            { value: 'view', label: t('audience.view') },
            { value: 'list', label: t('audience.list') },
          ]}
          optionType="button"
        />
      </Flex>
      <Select
        aria-label={value.kind === 'view' ? t('audience.chooseView') : t('audience.chooseList')}
        placeholder={value.kind === 'view' ? t('audience.chooseView') : t('audience.chooseList')}
        value={value.id ?? undefined}
        onChange={(id) => onChange({ ...value, id: id ?? null })}
        allowClear={allowClear}
        loading={value.kind === 'view' ? views.isPending : lists.isPending}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        notFoundContent={value.kind === 'view' ? t('audience.noViews') : t('audience.noLists')}
      />
    </Flex>
  );
}
