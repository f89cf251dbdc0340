import { AGREEMENT_STATUSES, type TAgreement, type TAgreementStatus } from '@clientela/contract';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { AgreementStatusTag } from './agreement-tags.tsx';
import { useUpdateAgreement } from './api.ts';

/** An agreement's status, changed in one click by those who may; a plain tag for the others. */
export function AgreementStatusSelect({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateAgreement();
  if (!agreement.mayChange) return <AgreementStatusTag status={agreement.status} />;

  const change = async (status: TAgreementStatus) => {
    try {
      await update.mutateAsync({ id: agreement.id, status });
      message.success(t('agreements.statusChanged', { title: agreement.title, status: t(`agreementStatus.${status}`) }));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Select<TAgreementStatus>
      size="small"
      value={agreement.status}
      onChange={change}
      loading={update.isPending}
      aria-label={t('agreements.statusOf', { title: agreement.title })}
      popupMatchSelectWidth={false}
      variant="borderless"
      labelRender={({ value }) => <AgreementStatusTag status={value as TAgreementStatus} />}
      options={AGREEMENT_STATUSES.map((value) => ({ value, label: t(`agreementStatus.${value}`) }))}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
