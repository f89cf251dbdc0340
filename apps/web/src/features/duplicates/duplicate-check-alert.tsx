import type { TDuplicateEntity } from '@clientela/contract';
import { Alert, Flex, Form, type FormInstance, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESOURCE } from '../customer-list/api.ts';
import { ReasonTags } from './reason-tags.tsx';
import { type CheckedValues, useDuplicateWarning } from './use-duplicate-check.ts';

const watched = (values: CheckedValues): CheckedValues => ({
  name: values.name,
  firstName: values.firstName,
  lastName: values.lastName,
  city: values.city,
  taxNumber: values.taxNumber,
  emails: values.emails,
  phones: values.phones,
});

type Props = {
  entity: TDuplicateEntity;
  /** The company or the contact form; only the values checked are read. */
  form: FormInstance<CheckedValues>;
  /** Checks run only while this holds (the drawer is open on a new record). */
  enabled: boolean;
};

/** A warning in a create form: records already in the base that look like the one being typed. Saving stays possible. */
export function DuplicateCheckAlert({ entity, form, enabled }: Props) {
  const { t } = useTranslation('duplicates');
  const values = Form.useWatch(watched, form) ?? {};
  const matches = useDuplicateWarning(entity, values, enabled);
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      title={t('check.title')}
      description={
        <Flex vertical gap={8} style={{ marginTop: 4 }}>
          {matches.map(({ record, reasons }) => (
            <Flex key={record.id} justify="space-between" align="center" gap={8} wrap data-testid="duplicate-match">
              <span>
                <Typography.Text strong>{record.name}</Typography.Text>
                {record.city && <Typography.Text type="secondary">{` · ${record.city}`}</Typography.Text>} <ReasonTags reasons={reasons} />
              </span>
              <Link to={`/${RESOURCE[entity]}/${record.id}`} aria-label={t('check.openNamed', { name: record.name })}>
                {t('check.open')}
              </Link>
            </Flex>
          ))}
          <Typography.Text type="secondary">{t('check.hint')}</Typography.Text>
        </Flex>
      }
    />
  );
}
