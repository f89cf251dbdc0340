import { StopOutlined } from '@ant-design/icons';
import type { TAgreement, TContract } from '@clientela/contract';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type FieldError, isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { AgreementItems } from './agreement-items.tsx';
import { contractAgreementsQuery, useUpdateContract } from './api.ts';

type Step = {
  /** The binding agreements to show; their ids go back with the request as seen. */
  agreements: TAgreement[];
  /** Agreements the server named that appeared after the first look (someone added them meanwhile). */
  added: string[];
  /** Agreements the server named that could not be read back: shown as the server put them. */
  unreadable: FieldError[];
};

const AGREEMENT_PATH = /^agreements\.(.+)$/;

/**
 * "End contract": first shows the agreements about the contract that still bind us, and ends it
 * only once they were seen. If someone records another one meanwhile, the server answers 409
 * naming it, and it is shown the same way before the next try.
 */
export function EndContractButton({ contract }: { contract: TContract }) {
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const update = useUpdateContract();
  const [checking, setChecking] = useState(false);
  const [step, setStep] = useState<Step | null>(null);

  const freshAgreements = async () => (await queryClient.fetchQuery({ ...contractAgreementsQuery(contract.id), staleTime: 0 })).data;

  const open = async () => {
    setChecking(true);
    update.reset();
    try {
      const agreements = await freshAgreements();
      setStep({ agreements: agreements.filter((agreement) => agreement.binding), added: [], unreadable: [] });
    } catch (error) {
      message.error(errorMessage(tc, error));
    } finally {
      setChecking(false);
    }
  };

  const end = async () => {
    if (!step) return;
    const seen = step.agreements.map((agreement) => agreement.id);
    try {
      await update.mutateAsync({
        id: contract.id,
        renewal: 'ended',
        ...(seen.length > 0 ? { acknowledgedAgreementIds: seen } : {}),
      });
      message.success(t('end.done', { number: contract.number }));
      setStep(null);
    } catch (error) {
      if (!isApiError(error, 'binding_agreements')) return;
      // Someone recorded an agreement meanwhile: show the ones named, then let the person decide again.
      const named = error.errors.filter((item) => AGREEMENT_PATH.test(item.path));
      const ids = named.map((item) => item.path.replace(AGREEMENT_PATH, '$1'));
      const fresh = await freshAgreements().catch(() => [] as TAgreement[]);
      const found = fresh.filter((agreement) => ids.includes(agreement.id));
      update.reset();
      setStep({
        agreements: [...found, ...step.agreements.filter((agreement) => !ids.includes(agreement.id))],
        added: ids,
        unreadable: named.filter((item) => !found.some((agreement) => item.path === `agreements.${agreement.id}`)),
      });
    }
  };

  const count = (step?.agreements.length ?? 0) + (step?.unreadable.length ?? 0);
  const raced = (step?.added.length ?? 0) > 0;

  return (
    <>
      <Button danger icon={<StopOutlined />} loading={checking} onClick={open}>
        {t('end.action')}
      </Button>
      <Modal
        open={step !== null}
        title={t('end.title', { number: contract.number })}
        onCancel={() => setStep(null)}
        onOk={end}
        okText={count > 0 ? t('end.confirmAnyway', { count }) : t('end.confirm')}
        okButtonProps={{ danger: true, loading: update.isPending }}
        cancelText={tc('common.cancel')}
        width={count > 0 ? 640 : 480}
        destroyOnHidden
      >
        <ErrorAlert error={update.error} />
        {count === 0 ? (
          <Typography.Paragraph>{t('end.noAgreements', { subject: contract.subject })}</Typography.Paragraph>
        ) : (
          <Flex vertical gap={16}>
            {raced && <Alert type="error" showIcon title={t('end.raced')} role="alert" />}
            <Alert
              type="warning"
              showIcon
              title={t('end.bindingTitle', { count })}
              description={t('end.bindingHint', { subject: contract.subject })}
            />
            <AgreementItems agreements={step?.agreements ?? []} aria-label={t('end.bindingList')} />
            {step?.unreadable.map((item) => (
              <Alert key={item.path} type="warning" title={item.message} />
            ))}
          </Flex>
        )}
      </Modal>
    </>
  );
}
