import { RENEWAL_STATES, type TContract } from '@clientela/contract';
import { App, Button, Drawer, Flex, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateContract, useUpdateContract } from './api.ts';
import { ContractInputs } from './contract-inputs.tsx';
import { type ContractFormValues, newContractValues, toContractFormValues, toContractInput } from './contract-payload.ts';

type Props = {
  open: boolean;
  /** The contract to edit; none to create one. */
  contract?: TContract;
  /** A new contract's company, when created from that company's page. */
  company?: { id: string; name: string };
  onClose: () => void;
  onCreated?: (contract: TContract) => void;
};

const NOT_ENDED = RENEWAL_STATES.filter((state) => state !== 'ended');

/** Creates or edits a contract in a side panel. */
export function ContractFormDrawer({ open, contract, company, onClose, onCreated }: Props) {
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const me = useMe();
  const [form] = Form.useForm<ContractFormValues>();
  const create = useCreateContract();
  const update = useUpdateContract();
  const mutation = contract ? update : create;
  const title = contract ? t('contracts.editTitle', { number: contract.number }) : t('contracts.createTitle');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(contract ? toContractFormValues(contract) : newContractValues(locale, me.id, company?.id));
    create.reset();
    update.reset();
  }, [open, contract, company?.id, locale, me.id, form, create.reset, update.reset]);

  const submit = async (values: ContractFormValues) => {
    const input = toContractInput(values);
    try {
      if (contract) {
        await update.mutateAsync({ id: contract.id, ...input });
        message.success(t('contracts.updated', { number: input.number }));
      } else {
        const created = await create.mutateAsync(input);
        message.success(t('contracts.created', { number: created.number }));
        onCreated?.(created);
      }
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={640}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {contract ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="contract" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <ContractInputs
          fixedCompany={contract ? undefined : company}
          known={{
            company: contract?.company ?? company,
            contact: contract?.contact,
            responsible: contract ? contract.responsible : { id: me.id, name: me.name },
          }}
          // An ended contract may be reopened here; ending one shows its agreements first (End contract).
          renewals={contract?.renewal === 'ended' ? RENEWAL_STATES : NOT_ENDED}
          endHint={Boolean(contract) && contract?.renewal !== 'ended'}
        />
      </Form>
    </Drawer>
  );
}
