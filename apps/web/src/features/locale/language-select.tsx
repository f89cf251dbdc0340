import type { TLocale } from '@clientela/contract';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../lib/locales.ts';

type Props = {
  value?: TLocale;
  onChange?: (locale: TLocale) => void;
  id?: string;
  variant?: 'outlined' | 'borderless' | 'filled';
  style?: React.CSSProperties;
};

/** Picks one of the product's languages, each named in its own language. */
export function LanguageSelect({ value, onChange, id, variant, style }: Props) {
  const { t } = useTranslation();
  return (
    <Select<TLocale>
      id={id}
      value={value}
      onChange={onChange}
      variant={variant}
      style={style}
      aria-label={t('common.language')}
      options={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
    />
  );
}
