import type { TCompany } from '@clientela/contract';
import { App, Button, Drawer, Flex, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useFieldRules } from '../../lib/field-rules.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useCustomFields } from '../custom-fields/api.ts';
import { showCustomValueErrors } from '../custom-fields/custom-value-errors.ts';
import { CustomValueInputs } from '../custom-fields/custom-value-inputs.tsx';
import { DuplicateCheckAlert } from '../duplicates/duplicate-check-alert.tsx';
import { useCreateCompany, useUpdateCompany } from './api.ts';
import { CompanyInputs } from './company-inputs.tsx';
import { type CompanyFormValues, newCompanyValues, toCompanyFormValues, toCompanyInput } from './company-payload.ts';

type Props = {
  open: boolean;
  /** The company to edit; none to create one. */
  company?: TCompany;
  onClose: () => void;
  onCreated?: (company: TCompany) => void;
};

/** Creates or edits a company in a side panel. */
export function CompanyFormDrawer({ open, company, onClose, onCreated }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompanyFormValues>();
  const create = useCreateCompany();
  const update = useUpdateCompany();
  const customFields = useCustomFields('company');
  const rules = useFieldRules('companies');
  const mutation = company ? update : create;
  const title = company ? t('companies.editTitle', { name: company.name }) : t('companies.createTitle');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(company ? toCompanyFormValues(company) : newCompanyValues());
    create.reset();
    update.reset();
  }, [open, company, form, create.reset, update.reset]);

  const submit = async (values: CompanyFormValues) => {
    const input = rules.writable(toCompanyInput(values, customFields.data, company?.custom));
    // Left empty on a new company, the owner is whoever adds it (the server's default).
    if (!company && input.ownerId === null) delete input.ownerId;
    try {
      if (company) {
        await update.mutateAsync({ id: company.id, ...input });
        message.success(t('companies.updated'));
      } else {
        const created = await create.mutateAsync(input);
        message.success(t('companies.created', { name: created.name }));
        onCreated?.(created);
      }
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
      showCustomValueErrors(form, error, customFields.data ?? [], t);
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
            {company ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error} />
      <DuplicateCheckAlert entity="company" form={form} enabled={open && !company} />
      <Form form={form} name="company" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <CompanyInputs currentOwner={company?.owner} attribution={company?.attribution} />
        <CustomValueInputs fields={customFields.data} />
      </Form>
    </Drawer>
  );
}
