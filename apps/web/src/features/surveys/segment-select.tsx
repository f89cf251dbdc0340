import { Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLists } from '../lists/api.ts';
import { useViews } from '../views/api.ts';

/** A segment of contacts: a saved view or a static list (nothing chosen: none). */
export type Segment = { viewId?: string; listId?: string };
export type SegmentKind = 'view' | 'list';

type Props = {
  kind: SegmentKind;
  onKind: (kind: SegmentKind) => void;
  value: Segment;
  onChange: (value: Segment) => void;
  /** What the empty select offers, e.g. "everyone invited"; without it the select asks for a choice. */
  emptyLabel?: string;
};

/** Chooses a saved view or a static list of contacts, from those the user sees. */
export function SegmentSelect({ kind, onKind, value, onChange, emptyLabel }: Props) {
  const { t } = useTranslation('surveys');
  const views = useViews('contact', kind === 'view');
  const lists = useLists('contact', kind === 'list');
  const source = kind === 'view' ? views : lists;
  const chosen = kind === 'view' ? value.viewId : value.listId;
  return (
    <Flex gap={8} wrap align="center">
      <Segmented<SegmentKind>
        value={kind}
        onChange={(next) => {
          onKind(next);
          onChange({});
        }}
        options={(['view', 'list'] as const).map((option) => ({ value: option, label: t(`send.audienceKind.${option}`) }))}
      />
      <Select
        style={{ minWidth: 280 }}
        aria-label={kind === 'view' ? t('send.view') : t('send.list')}
        placeholder={emptyLabel ?? (kind === 'view' ? t('send.pickView') : t('send.pickList'))}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={source.isFetching}
        value={chosen}
        onChange={(id?: string) => onChange(id ? (kind === 'view' ? { viewId: id } : { listId: id }) : {})}
        options={(source.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
      />
    </Flex>
  );
}
