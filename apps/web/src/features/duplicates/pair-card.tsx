import type { TDuplicatePair } from '@clientela/contract';
import { App, Button, Card, Col, Flex, Row, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { useDismissDuplicate } from './api.ts';
import { DuplicateRecord } from './duplicate-record.tsx';
import { ReasonTags } from './reason-tags.tsx';

type Props = {
  pair: TDuplicatePair;
  /** Employees cannot delete records, so they cannot merge either. */
  canMerge: boolean;
  onMerge: () => void;
};

/** Two records that look like one customer, side by side, with why and what to do about it. */
export function PairCard({ pair, canMerge, onMerge }: Props) {
  const { t } = useTranslation('duplicates');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const dismiss = useDismissDuplicate();
  const names = { a: pair.a.name, b: pair.b.name };

  const markDifferent = async () => {
    try {
      await dismiss.mutateAsync({ entity: pair.entity, ids: [pair.a.id, pair.b.id] });
      message.success(t('pair.dismissed', names));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <article aria-label={t('pair.label', names)}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <ReasonTags reasons={pair.reasons} />
          <Flex gap={8}>
            <Button onClick={markDifferent} loading={dismiss.isPending}>
              {t('pair.dismiss')}
            </Button>
            <Tooltip title={canMerge ? undefined : t('pair.mergeNotAllowed')}>
              <Button type="primary" ghost disabled={!canMerge} onClick={onMerge}>
                {t('pair.merge')}
              </Button>
            </Tooltip>
          </Flex>
        </Flex>
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12}>
            <DuplicateRecord entity={pair.entity} record={pair.a} />
          </Col>
          <Col xs={24} md={12}>
            <DuplicateRecord entity={pair.entity} record={pair.b} />
          </Col>
        </Row>
      </Card>
    </article>
  );
}
