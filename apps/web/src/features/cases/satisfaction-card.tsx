import type { TCase } from '@clientela/contract';
import { App, Button, Card, Flex, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useRecordSatisfaction } from './api.ts';

/** The customer's satisfaction once the case is resolved: 1–5 stars and a comment, recorded by staff. */
export function SatisfactionCard({ record }: { record: TCase }) {
  const { t } = useTranslation('cases');
  const { message } = App.useApp();
  const format = useFormatters();
  const save = useRecordSatisfaction();
  const [score, setScore] = useState(record.satisfaction?.score ?? 0);
  const [comment, setComment] = useState(record.satisfaction?.comment ?? '');
  const [editing, setEditing] = useState(false);
  const done = record.satisfaction;
  const labels = [1, 2, 3, 4, 5].map((value) => t(`satisfaction.score${value}` as 'satisfaction.score1'));

  const submit = async () => {
    try {
      await save.mutateAsync({ id: record.id, score, comment: comment.trim() || null });
      message.success(t('satisfaction.saved'));
      setEditing(false);
    } catch {
      // The alert below says why.
    }
  };

  return (
    <Card title={t('satisfaction.title')} data-testid="satisfaction">
      {done && !editing ? (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center">
            <Rate disabled value={done.score} aria-label={t('satisfaction.score')} />
            <Typography.Text>{labels[done.score - 1]}</Typography.Text>
          </Flex>
          {done.comment && <Typography.Text italic>“{done.comment}”</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('satisfaction.recordedAt', { at: format.dateTime(done.at) })}
          </Typography.Text>
          {record.mayChange && (
            <Button type="link" style={{ paddingInline: 0, alignSelf: 'flex-start' }} onClick={() => setEditing(true)}>
              {t('satisfaction.change')}
            </Button>
          )}
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('satisfaction.ask')}</Typography.Text>
          <Rate value={score} onChange={setScore} tooltips={labels} aria-label={t('satisfaction.score')} />
          <Input.TextArea
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2_000}
            placeholder={t('satisfaction.commentPlaceholder')}
            aria-label={t('satisfaction.comment')}
          />
          <ErrorAlert error={save.error} />
          <Button type="primary" disabled={score < 1} loading={save.isPending} onClick={submit} style={{ alignSelf: 'flex-start' }}>
            {t('satisfaction.save')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
