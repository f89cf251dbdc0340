import type { TAgreement } from '@clientela/contract';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../customers/date-format.ts';
import { AgreementStatusTag } from './contract-tags.tsx';

type Props = { agreements: TAgreement[]; 'aria-label'?: string };

/** Agreements shown in full: what was promised, who agreed, until when, about which resource. */
export function AgreementItems({ agreements, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation('contracts');
  const format = useFormatters();
  return (
    <Flex vertical gap={12} role="list" aria-label={ariaLabel}>
      {agreements.map((agreement) => (
        <Card
          key={agreement.id}
          size="small"
          role="listitem"
          aria-label={agreement.title}
          data-testid="agreement-item"
          style={agreement.binding ? { borderColor: '#ffa39e', background: '#fff7f6' } : undefined}
        >
          <Flex justify="space-between" align="flex-start" gap={8} wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {agreement.title}
            </Typography.Text>
            <AgreementStatusTag status={agreement.status} />
          </Flex>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'agreedBy',
                label: t('agreements.agreedBy'),
                children: t('agreements.agreedByOn', {
                  name: agreement.agreedBy?.name ?? t('agreements.unknownPerson'),
                  date: format.calendarDate(agreement.agreedOn),
                }),
              },
              {
                key: 'validUntil',
                label: t('agreements.validUntil'),
                children: agreement.validUntil ? format.calendarDate(agreement.validUntil) : t('agreements.noEnd'),
              },
              ...(agreement.resource ? [{ key: 'resource', label: t('agreements.resource'), children: agreement.resource }] : []),
              ...(agreement.company || agreement.contact
                ? [
                    {
                      key: 'with',
                      label: t('agreements.with'),
                      children: (
                        <Flex gap={8} wrap>
                          {agreement.company && <Link to={`/companies/${agreement.company.id}`}>{agreement.company.name}</Link>}
                          {agreement.contact && <Link to={`/contacts/${agreement.contact.id}`}>{agreement.contact.name}</Link>}
                        </Flex>
                      ),
                    },
                  ]
                : []),
              ...(agreement.details
                ? [
                    {
                      key: 'details',
                      label: t('agreements.details'),
                      children: (
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{agreement.details}</Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}
    </Flex>
  );
}
