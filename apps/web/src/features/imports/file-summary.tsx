import type { TImport } from '@clientela/contract';
import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

const DELIMITER_NAME: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** What the server found in the file: its format, encoding, delimiter, rows and columns. */
export function FileSummary({ imp }: { imp: TImport }) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const delimiter = imp.delimiter === null ? null : DELIMITER_NAME[imp.delimiter];
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('file.name'), children: imp.fileName },
    { key: 'format', label: t('file.format'), children: t(`formats.${imp.format}`) },
    ...(imp.encoding ? [{ key: 'encoding', label: t('file.encoding'), children: imp.encoding.toUpperCase() }] : []),
    ...(imp.delimiter !== null
      ? [{ key: 'delimiter', label: t('file.delimiter'), children: delimiter ? t(`delimiters.${delimiter}`) : `“${imp.delimiter}”` }]
      : []),
    { key: 'rows', label: t('file.rows'), children: formatNumber(imp.rowCount, locale) },
    { key: 'columns', label: t('file.columns'), children: formatNumber(imp.headers.length, locale) },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} data-testid="file-summary" />;
}
