import { DUPLICATE_ENTITIES, type TDuplicateEntity } from '@clientela/contract';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PairList } from './pair-list.tsx';

/** `/duplicates`: companies and contacts that look like the same customer, to merge or mark as different. */
export function DuplicatesPage() {
  const { t } = useTranslation('duplicates');
  const [params, setParams] = useSearchParams();
  const entity: TDuplicateEntity = params.get('entity') === 'contact' ? 'contact' : 'company';
  return (
    <>
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      <Card>
        <Tabs
          activeKey={entity}
          onChange={(key) => setParams(key === 'contact' ? { entity: key } : {}, { replace: true })}
          items={DUPLICATE_ENTITIES.map((key) => ({
            key,
            label: t(`page.tabs.${key}`),
            children: key === entity ? <PairList entity={key} /> : null,
          }))}
        />
      </Card>
    </>
  );
}
