import { Flex, Radio, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../customer-list/api.ts';
import { useFormatters } from '../customers/date-format.ts';

type Props = { records: readonly CustomerRecord[]; value: string; onChange: (id: string) => void };

/** "Which record stays?": one radio per record, with what tells look-alike records apart. */
export function SurvivorChoice({ records, value, onChange }: Props) {
  const { t } = useTranslation('duplicates');
  const format = useFormatters();
  const titleId = useId();
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }} id={titleId}>
        {t('merge.survivor')}
      </Typography.Title>
      <Radio.Group aria-labelledby={titleId} value={value} onChange={(event) => onChange(event.target.value)}>
        <Flex vertical gap={4}>
          {records.map((record) => (
            <Radio key={record.id} value={record.id}>
              <Typography.Text strong>{record.name}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {['', record.city, record.owner?.name, t('merge.added', { date: format.date(record.createdAt) })]
                  .filter((part) => part !== null && part !== undefined)
                  .join(' · ')
                  .trim()}
              </Typography.Text>
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t('merge.survivorHint')}
      </Typography.Paragraph>
    </div>
  );
}
