import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useCompanyOptions } from '../companies/api.ts';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Companies already known by name (e.g. the contact's own), shown before any search. */
  known?: { id: string; name: string }[];
  'aria-label'?: string;
};

/** Chooses a company, searching `/companies?q=` as one types; usable as an antd form control. */
export function CompanySelect({ id, value, onChange, known = [], 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation('customers');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const companies = useCompanyOptions(q);
  const options = (companies.data ?? []).map((company) => ({ value: company.id, label: company.name }));
  for (const company of known) {
    if (!options.some((option) => option.value === company.id)) options.push({ value: company.id, label: company.name });
  }
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={companies.isFetching}
      placeholder={t('form.searchCompany')}
      notFoundContent={null}
    />
  );
}
