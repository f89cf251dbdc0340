import { DownOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import type { TAgreement } from '@clientela/contract';
import { Alert, Button, Card, Divider, Flex, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AgreementFormModal } from './agreement-form-modal.tsx';
import { AgreementRow } from './agreement-row.tsx';
import { type AgreementQuery, useAgreementPages } from './api.ts';

type Named = { id: string; name: string };

type Props = {
  /** The customer whose agreements these are; a company's include those made with its contacts. */
  customer: { company: Named; contact?: undefined } | { contact: Named; company?: undefined };
};

function Rows({ agreements, subjectId, onEdit }: { agreements: TAgreement[]; subjectId: string; onEdit: (a: TAgreement) => void }) {
  return (
    <>
      {agreements.map((agreement, index) => (
        <Fragment key={agreement.id}>
          {index > 0 && <Divider style={{ margin: 0 }} />}
          <AgreementRow agreement={agreement} subjectId={subjectId} onEdit={onEdit} />
        </Fragment>
      ))}
    </>
  );
}

/**
 * A customer's agreements, at the top of their page: those that bind us stand out, the others
 * (fulfilled, broken, cancelled, past their date) fold away.
 */
export function AgreementsCard({ customer }: Props) {
  const { t } = useTranslation('relationships');
  const subject = (customer.company ?? customer.contact) as Named;
  const scope: AgreementQuery = customer.company ? { 'filter[companyId]': customer.company.id } : { 'filter[contactId]': subject.id };
  // Query keys are compared by value: new objects each render ask nothing again.
  const binding = useAgreementPages({ ...scope, 'filter[binding]': 'true', sort: '-agreedOn' }, 50);
  const others = useAgreementPages({ ...scope, 'filter[binding]': 'false', sort: '-agreedOn' }, 20);
  const [form, setForm] = useState<{ open: boolean; agreement?: TAgreement }>({ open: false });
  const [showOthers, setShowOthers] = useState(false);
  const bindingRows = binding.data?.pages.flatMap((page) => page.data) ?? [];
  const otherRows = others.data?.pages.flatMap((page) => page.data) ?? [];
  const bindingTotal = binding.data?.pages[0]?.total ?? 0;
  const otherTotal = others.data?.pages[0]?.total ?? 0;
  const edit = (agreement: TAgreement) => setForm({ open: true, agreement });

  return (
    <Card
      title={t('agreements.cardTitle')}
      data-testid="agreements"
      loading={binding.isPending}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setForm({ open: true })}>
          {t('agreements.new')}
        </Button>
      }
    >
      <ErrorAlert error={binding.error ?? others.error} />
      {bindingTotal > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t(customer.company ? 'agreements.bindingCompany' : 'agreements.bindingContact', { count: bindingTotal })}
          description={
            <Flex vertical>
              <Typography.Text type="secondary">{t('agreements.bindingHint')}</Typography.Text>
              <Rows agreements={bindingRows} subjectId={subject.id} onEdit={edit} />
              {binding.hasNextPage && (
                <Button type="link" onClick={() => binding.fetchNextPage()} loading={binding.isFetchingNextPage}>
                  {t('agreements.loadMore')}
                </Button>
              )}
            </Flex>
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('agreements.noneBinding')}</Typography.Text>
      )}
      {otherTotal > 0 && (
        <div style={{ marginTop: 8 }}>
          <Button
            type="link"
            icon={showOthers ? <DownOutlined /> : <RightOutlined />}
            aria-expanded={showOthers}
            onClick={() => setShowOthers((shown) => !shown)}
            style={{ paddingInline: 0 }}
          >
            {t('agreements.others', { count: otherTotal })}
          </Button>
          {showOthers && (
            <>
              <Rows agreements={otherRows} subjectId={subject.id} onEdit={edit} />
              {others.hasNextPage && (
                <Button type="link" onClick={() => others.fetchNextPage()} loading={others.isFetchingNextPage}>
                  {t('agreements.loadMore')}
                </Button>
              )}
            </>
          )}
        </div>
      )}
      <AgreementFormModal
        open={form.open}
        agreement={form.agreement}
        customer={customer.company ? { company: customer.company } : { contact: subject }}
        onClose={() => setForm({ open: false })}
      />
    </Card>
  );
}
