import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useCampaignOptions, useLeadSources } from './campaigns-api.ts';

type Named = { id: string; name: string };

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The record's current choice, named before the options load (it may be inactive). */
  current?: Named | null;
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
};

/** Chooses an active lead source; usable as an antd form control. */
export function SourceSelect({ id, value, onChange, current, placeholder, 'aria-label': ariaLabel, style }: Props) {
  const { t } = useTranslation('marketing');
  const sources = useLeadSources();
  const options = (sources.data ?? [])
    .filter((source) => source.active || source.id === value)
    .map((s) => ({ value: s.id, label: s.name }));
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={sources.isPending}
      placeholder={placeholder ?? t('campaigns.pickSource')}
      aria-label={ariaLabel}
      style={style}
    />
  );
}

/** Chooses a campaign, searching on the server as one types; usable as an antd form control. */
export function CampaignSelect({ id, value, onChange, current, placeholder, 'aria-label': ariaLabel, style }: Props) {
  const { t } = useTranslation('marketing');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const campaigns = useCampaignOptions(q);
  const options = (campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }));
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={campaigns.isFetching}
      placeholder={placeholder ?? t('leads.anyCampaign')}
      aria-label={ariaLabel}
      style={style}
    />
  );
}
