import type { TDeal } from '@clientela/contract';
import { App, Button, Drawer, Flex, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useFieldRules } from '../../lib/field-rules.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useCreateDeal, useCurrencySettings, usePipelines, useUpdateDeal } from './api.ts';
import { DealInputs } from './deal-inputs.tsx';
import { type DealFormValues, toDealFormValues, toDealInput } from './deal-payload.ts';
import { orderedPipelines } from './pipeline-order.ts';

type Props = {
  open: boolean;
  /** The deal to edit; none to create one. */
  deal?: TDeal;
  /** The pipeline a new deal goes to; the default one unless told. */
  pipelineId?: string;
  onClose: () => void;
  onCreated?: (deal: TDeal) => void;
};

/** Creates or edits a deal in a side panel; the server's field errors show on the fields. */
export function DealFormDrawer({ open, deal, pipelineId, onClose, onCreated }: Props) {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<DealFormValues>();
  const pipelines = usePipelines();
  const settings = useCurrencySettings();
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const rules = useFieldRules('deals');
  const mutation = deal ? update : create;
  const title = deal ? t('form.editTitle', { title: deal.title }) : t('form.createTitle');
  const baseCurrency = settings.data?.baseCurrency;
  const pipeline = orderedPipelines(pipelines.data ?? []).find((one) => (pipelineId ? one.id === pipelineId : true));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      deal
        ? toDealFormValues(deal)
        : { pipelineId: pipeline?.id, stageId: pipeline?.stages[0]?.id, ownerId: me.id, currency: baseCurrency ?? null },
    );
    create.reset();
    update.reset();
  }, [open, deal, pipeline, baseCurrency, me.id, form, create.reset, update.reset]);

  const submit = async (values: DealFormValues) => {
    // A chance left as it was stays the stage's, not the deal's own.
    const input = rules.writable(
      toDealInput({ ...values, probability: deal && values.probability === deal.probability ? undefined : values.probability }),
    );
    try {
      if (deal) {
        await update.mutateAsync({ id: deal.id, ...input });
        message.success(t('form.updated', { title: input.title }));
      } else {
        const created = await create.mutateAsync(input);
        message.success(t('form.created', { title: created.title }));
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
            {deal ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="deal" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <DealInputs known={{ company: deal?.company, contact: deal?.contact, owner: deal ? deal.owner : { id: me.id, name: me.name } }} />
      </Form>
    </Drawer>
  );
}
