import type { TCompany } from '@clientela/contract';
import { Card, Descriptions, type DescriptionsProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldRules } from '../../lib/field-rules.ts';
import { useCustomValueRows } from '../custom-fields/custom-value-rows.tsx';
import { EmailLinks, PhoneLinks } from '../customers/contact-points.tsx';
import { RelationshipTags } from '../customers/customer-tags.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useUnits } from '../units/api.ts';

/** The fields of a company that are filled in. */
export function CompanyDetails({ company }: { company: TCompany }) {
  const { t } = useTranslation('customers');
  const { t: tr } = useTranslation('relationships');
  const format = useFormatters();
  const units = useUnits();
  const unit = company.unitId ? units.data?.find((candidate) => candidate.id === company.unitId)?.name : undefined;
  const customRows = useCustomValueRows('company', company.custom);
  const rules = useFieldRules('companies');
  const rows: DescriptionsProps['items'] = [
    { key: 'relationships', label: t('fields.relationships'), children: <RelationshipTags values={company.relationships} /> },
    {
      key: 'lastContact',
      label: tr('details.lastContact'),
      children: company.lastContactAt ? format.dateTime(company.lastContactAt) : tr('details.never'),
    },
    { key: 'phones', label: t('fields.phones'), children: company.phones?.length > 0 && <PhoneLinks phones={company.phones} /> },
    { key: 'emails', label: t('fields.emails'), children: company.emails?.length > 0 && <EmailLinks emails={company.emails} /> },
    { key: 'city', label: t('fields.city'), children: company.city },
    { key: 'region', label: t('fields.region'), children: company.region },
    { key: 'address', label: t('fields.address'), children: company.address },
    { key: 'legalName', label: t('fields.legalName'), children: company.legalName },
    { key: 'taxNumber', label: t('fields.taxNumber'), children: company.taxNumber },
    {
      key: 'website',
      label: t('fields.website'),
      children: company.website && (
        <a href={/^https?:\/\//.test(company.website) ? company.website : `https://${company.website}`} target="_blank" rel="noreferrer">
          {company.website}
        </a>
      ),
    },
    { key: 'owner', label: t('fields.ownerId'), children: company.owner?.name },
    { key: 'unit', label: t('fields.unitId'), children: unit },
    { key: 'leadSource', label: t('fields.leadSource'), children: company.leadSource },
    {
      key: 'tags',
      label: t('fields.tags'),
      children: company.tags.length > 0 && company.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    ...customRows,
    {
      key: 'notes',
      label: t('fields.notes'),
      span: 'filled' as const,
      children: company.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{company.notes}</Typography.Paragraph>,
    },
    { key: 'updatedAt', label: t('columns.updated'), children: format.dateTime(company.updatedAt) },
  ].filter((row) => row.children !== null && row.children !== undefined && row.children !== false && row.children !== '');
  return (
    <Card title={t('companies.details')}>
      <Descriptions column={{ xs: 1, md: 2 }} items={rules.visible(rows)} size="small" />
    </Card>
  );
}
