import type { TProcessDefinition, TProcessRecordType, TProcessTrigger } from '@clientela/contract';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { Suspense, use, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '../../components/page-spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { loadRelationshipMessages } from '../../lib/relationship-messages.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { ContractSelect } from '../contracts/contract-select.tsx';
import { DealSelect } from '../deals/deal-select.tsx';
import { useStartProcess } from './definitions-api.ts';
import { ProcessForm, readProcessForm, showProcessFormErrors } from './process-form.tsx';

/** The start events a person may start by hand: manual ones and those with a start form. */
export function manualTriggers(definition: TProcessDefinition): TProcessTrigger[] {
  return definition.triggers.filter((trigger) => trigger.kind === 'manual' || trigger.kind === 'form');
}

type Props = { definition: TProcessDefinition; onClose: () => void; onStarted?: (instanceId: string) => void };

/** Starts a published process by hand: the record it is about, then its start form. */
export function StartProcessModal(props: Props) {
  return (
    <Suspense fallback={<PageSpinner />}>
      <StartProcessDialog {...props} />
    </Suspense>
  );
}

function StartProcessDialog({ definition, onClose, onStarted }: Props) {
  // The record pickers speak the relationships namespace, which this page does not load by itself.
  use(loadRelationshipMessages());
  const { t } = useTranslation('processDesigner');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const triggers = manualTriggers(definition);
  const [eventId, setEventId] = useState(triggers[0]?.eventId);
  const trigger = triggers.find((one) => one.eventId === eventId);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [recordMissing, setRecordMissing] = useState(false);
  const [form] = Form.useForm();
  const start = useStartProcess();
  const recordType = trigger?.recordType ?? null;
  const fields = trigger?.form ?? [];

  const onOk = async () => {
    if (!trigger) return;
    if (recordType && !recordId) setRecordMissing(true);
    const values = fields.length > 0 ? await readProcessForm(form, fields).catch(() => null) : {};
    if (!values || (recordType && !recordId)) return;
    try {
      const instance = await start.mutateAsync({
        definitionId: definition.id,
        startEventId: trigger.eventId,
        record: recordType && recordId ? { type: recordType, id: recordId } : undefined,
        form: values,
      });
      message.success(t('start.started'));
      onClose();
      onStarted?.(instance.id);
    } catch (error) {
      if (!showProcessFormErrors(form, fields, error)) message.error(errorMessage(tc, error));
    }
  };

  return (
    <Modal
      open
      title={t('start.title', { name: definition.name })}
      okText={t('start.submit')}
      onOk={onOk}
      confirmLoading={start.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {triggers.length > 1 && (
        <Form layout="vertical">
          <Form.Item label={t('start.startEvent')}>
            <Select
              value={eventId}
              onChange={(next) => {
                setEventId(next);
                setRecordId(null);
              }}
              options={triggers.map((one) => ({ value: one.eventId, label: one.name ?? one.eventId }))}
            />
          </Form.Item>
        </Form>
      )}
      {recordType && (
        <Form layout="vertical">
          <Form.Item
            label={t('start.record')}
            required
            validateStatus={recordMissing && !recordId ? 'error' : undefined}
            help={recordMissing && !recordId ? t('start.recordRequired') : undefined}
          >
            <RecordPicker type={recordType} value={recordId} onChange={setRecordId} label={t(`recordTypes.${recordType}`)} />
          </Form.Item>
        </Form>
      )}
      {fields.length > 0 && <ProcessForm fields={fields} form={form} />}
      {!trigger && <Typography.Text type="secondary">{t('list.notPublished')}</Typography.Text>}
    </Modal>
  );
}

type PickerProps = { type: TProcessRecordType; value: string | null; onChange: (id: string | null) => void; label: string };

/** Chooses the record a process is about with the picker its kind has elsewhere in the app. */
function RecordPicker({ type, value, onChange, label }: PickerProps) {
  const { t } = useTranslation('processDesigner');
  switch (type) {
    case 'company':
    case 'contact':
      return <CustomerSelect entity={type} value={value} onChange={onChange} aria-label={label} />;
    case 'deal':
      return <DealSelect value={value} onChange={onChange} aria-label={label} />;
    case 'contract':
      return <ContractSelect value={value} onChange={(next) => onChange(next ?? null)} aria-label={label} placeholder={label} />;
    case 'agreement':
    case 'case':
      return <Alert type="info" showIcon title={t('start.unsupportedRecord')} />;
  }
}
